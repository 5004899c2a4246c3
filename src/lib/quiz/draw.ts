/** Which questions an attempt presents, in which order: pools, draws and shuffles from a seed. */
import type { Question, QuizSettings } from '../content/schema.ts';
import { shuffled } from './random.ts';

/**
 * The questions of an attempt. With `draw`, N questions per topic (or a count per topic) are
 * taken from the pool; with `shuffle.questions`, the order is seeded; otherwise authoring order.
 */
export function drawQuestions(
	questions: readonly Question[],
	settings: Pick<QuizSettings, 'draw' | 'shuffle'>,
	seed: number
): Question[] {
	let chosen: readonly Question[] = questions;
	const { draw } = settings;
	if (draw !== undefined) {
		const topics = [...new Set(questions.map((q) => q.topic))];
		const picked = new Set<Question>();
		topics.forEach((topic, t) => {
			const count = typeof draw === 'number' ? draw : (draw[topic] ?? 0);
			const pool = questions.filter((q) => q.topic === topic);
			for (const q of shuffled(pool, seed + t + 1).slice(0, count)) picked.add(q);
		});
		// Keep the authoring order among the drawn questions before any shuffle.
		chosen = questions.filter((q) => picked.has(q));
	}
	return settings.shuffle.questions ? shuffled(chosen, seed) : [...chosen];
}

/** The presentation order of a question's options or items (ids), seeded per question. */
export function presentOrder<T extends { id: string }>(
	items: readonly T[],
	questionId: string,
	seed: number,
	shuffle: boolean
): T[] {
	if (!shuffle) return [...items];
	let mix = seed;
	for (let i = 0; i < questionId.length; i++)
		mix = Math.imul(mix ^ questionId.charCodeAt(i), 16777619);
	return shuffled(items, mix >>> 0);
}
