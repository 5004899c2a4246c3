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

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function answerText(question: Question | undefined, answer: unknown): string {
	if (question?.type === 'text' && typeof answer === 'string') return normaliseText(answer);
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
	const ranked = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
	const group = Math.max(1, Math.round(ranked.length * 0.27));
	const upper = new Set(ranked.slice(0, group));
	const lower = new Set(ranked.slice(-group));
	// One pass over the attempts, so that the work grows with the class, not with class × items.
	// A question the content lacks has no re-graded score (score.ts), so no statistics either.
	const takers = new Map<string, GradedAttempt[]>();
	for (const a of scored) {
		for (const q of new Set(a.attempt.questionIds)) {
			if (!Object.hasOwn(a.questionScores, q)) continue;
			const list = takers.get(q);
			if (list) list.push(a);
			else takers.set(q, [a]);
		}
	}
	return [...takers].map(([questionId, taking]) => {
		const scoreOf = (a: GradedAttempt) => a.questionScores[questionId] ?? 0;
		const wrong = new Map<string, number>();
		const said = new Map<string, string>();
		for (const a of taking) {
			if (scoreOf(a) >= 1) continue;
			const given = a.attempt.answers[questionId];
			if (given === undefined) continue;
			const key = answerText(questions.get(questionId), given);
			wrong.set(key, (wrong.get(key) ?? 0) + 1);
			if (!said.has(key)) said.set(key, describeAnswer(questions.get(questionId), given));
		}
		const top = [...wrong].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
		return {
			questionId,
			answers: taking.length,
			facility: mean(taking.map(scoreOf)),
			discrimination:
				mean(taking.filter((a) => upper.has(a)).map(scoreOf)) -
				mean(taking.filter((a) => lower.has(a)).map(scoreOf)),
			...(top ? { commonWrong: { answer: top[0], text: said.get(top[0])!, count: top[1] } } : {})
		};
	});
}
