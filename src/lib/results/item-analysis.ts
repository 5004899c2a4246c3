/**
 * Item analysis of a class's answers to one quiz: for each question its facility (mean score),
 * discrimination (mean score of the top 27% of learners by quiz score minus that of the bottom
 * 27%) and the most chosen wrong answer.
 */
import type { Question } from '../content/schema.ts';
import { normaliseText } from '../quiz/grade.ts';
import { response } from './xapi.ts';
import type { GradedAttempt } from './regrade.ts';
import { describeAnswer } from './describe-answer.ts';

export interface ItemStats {
	questionId: string;
	answers: number;
	facility: number;
	discrimination: number;
	/** The most frequent answer that scored below 1, in words, with how many gave it. */
	commonWrong?: { answer: string; text: string; count: number };
}

/** Typed answers as compared: a class types the same few texts, so each is normalised once. */
const normalised = new Map<string, string>();

function answerText(question: Question | undefined, answer: unknown): string {
	if (question?.type === 'text' && typeof answer === 'string') {
		let text = normalised.get(answer);
		if (text === undefined) {
			if (normalised.size > 10_000) normalised.clear();
			normalised.set(answer, (text = normaliseText(answer)));
		}
		return text;
	}
	if (Array.isArray(answer) && question?.type === 'multiple') return [...answer].sort().join('[,]');
	if (answer && typeof answer === 'object' && !Array.isArray(answer)) {
		return response(
			Object.fromEntries(Object.entries(answer).sort(([a], [b]) => a.localeCompare(b)))
		);
	}
	return response(answer);
}

/** Stats for every question that appears in `attempts` (one quiz's attempts, one per learner). */
export function itemAnalysis(
	attempts: readonly GradedAttempt[],
	questions: ReadonlyMap<string, Question>
): ItemStats[] {
	const scored = attempts.filter((a) => a.score !== undefined);
	// Ranks by score, best first (a stable sort: ties keep the attempts' order); the top and bottom
	// 27% are marked by index, which a large class looks up faster than a set of attempts.
	const ranked = scored.map((_, i) => i).sort((a, b) => scored[b].score! - scored[a].score!);
	const group = Math.max(1, Math.round(ranked.length * 0.27));
	const UPPER = 1;
	const LOWER = 2;
	const band = new Uint8Array(scored.length);
	for (const i of ranked.slice(0, group)) band[i] |= UPPER;
	for (const i of ranked.slice(-group)) band[i] |= LOWER;
	// One pass over the attempts, so that the work grows with the class, not with class × items.
	// A question the content lacks has no re-graded score (score.ts), so no statistics either.
	// Each question's takers: the attempts (by index) and the scores they got, read once here.
	const takers = new Map<string, { attempts: number[]; scores: number[] }>();
	for (let i = 0; i < scored.length; i++) {
		const a = scored[i];
		// A repeated question (flagged) counts once, where it first appears.
		const ids = a.flags.includes('repeated-question')
			? [...new Set(a.attempt.questionIds)]
			: a.attempt.questionIds;
		for (let k = 0; k < ids.length; k++) {
			const q = ids[k];
			if (!Object.hasOwn(a.questionScores, q)) continue;
			const taking = takers.get(q);
			if (taking) {
				taking.attempts.push(i);
				taking.scores.push(a.questionScores[q] ?? 0);
			} else takers.set(q, { attempts: [i], scores: [a.questionScores[q] ?? 0] });
		}
	}
	return [...takers].map(([questionId, taking]) => {
		const question = questions.get(questionId);
		const wrong = new Map<string, number>();
		const said = new Map<string, string>();
		// One pass per question; each mean sums in the attempts' order, as `mean` does.
		let sum = 0;
		let upperSum = 0;
		let upperCount = 0;
		let lowerSum = 0;
		let lowerCount = 0;
		for (let k = 0; k < taking.attempts.length; k++) {
			const i = taking.attempts[k];
			const score = taking.scores[k];
			sum += score;
			if (band[i] & UPPER) {
				upperSum += score;
				upperCount++;
			}
			if (band[i] & LOWER) {
				lowerSum += score;
				lowerCount++;
			}
			if (score >= 1) continue;
			const given = scored[i].wrongAnswers[questionId];
			if (given === undefined) continue;
			const key = answerText(question, given);
			wrong.set(key, (wrong.get(key) ?? 0) + 1);
			if (!said.has(key)) said.set(key, describeAnswer(question, given));
		}
		const top = [...wrong].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
		const mean = (total: number, count: number) => (count ? total / count : 0);
		return {
			questionId,
			answers: taking.attempts.length,
			facility: mean(sum, taking.attempts.length),
			discrimination: mean(upperSum, upperCount) - mean(lowerSum, lowerCount),
			...(top ? { commonWrong: { answer: top[0], text: said.get(top[0])!, count: top[1] } } : {})
		};
	});
}
