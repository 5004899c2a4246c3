/**
 * Judging a given answer for display: marks on its parts and a verdict. These grade, so they load
 * with the feedback (after Check, in a review), not with the inputs.
 */
import type { QuestionView } from '$lib/content/quiz-view';
import { correctAnswer, gradeAnswer, type Answer } from '$lib/quiz/grade';
import { own } from '$lib/own';

export type Marks = Record<string, 'right' | 'wrong' | 'missed'>;

/** Right/wrong marks on the parts of a checked answer, for the inputs to show. */
export function answerMarks(view: QuestionView, answer: Answer | undefined): Marks {
	const q = view.question;
	const marks: Marks = {};
	const key = correctAnswer(q);
	if (q.type === 'single' || q.type === 'multiple') {
		const picked = new Set(Array.isArray(answer) ? answer : [answer]);
		for (const option of q.options) {
			if (option.correct) marks[option.id] = picked.has(option.id) ? 'right' : 'missed';
			else if (picked.has(option.id)) marks[option.id] = 'wrong';
		}
	} else if (q.type === 'truefalse') {
		// The two choices' ids are 'true' and 'false' (ChoiceAnswer.svelte).
		marks[String(q.answer)] = answer === q.answer ? 'right' : 'missed';
		if (typeof answer === 'boolean' && answer !== q.answer) marks[String(answer)] = 'wrong';
	} else if (q.type === 'match' || q.type === 'classify') {
		const given = (
			answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {}
		) as Record<string, string>;
		for (const [row, right] of Object.entries(key as Record<string, string>)) {
			marks[row] = own(given, row) === right ? 'right' : 'wrong';
		}
	} else if (q.type === 'order') {
		const given = Array.isArray(answer) ? answer : [];
		(key as string[]).forEach((id, i) => (marks[id] = given[i] === id ? 'right' : 'wrong'));
	}
	return marks;
}

export type Verdict = 'correct' | 'partial' | 'incorrect' | 'unanswered';

export function verdict(
	view: QuestionView,
	answer: Answer | undefined
): { verdict: Verdict; score: number } {
	if (answer === undefined) return { verdict: 'unanswered', score: 0 };
	const score = gradeAnswer(view.question, answer);
	return { verdict: score === 1 ? 'correct' : score > 0 ? 'partial' : 'incorrect', score };
}
