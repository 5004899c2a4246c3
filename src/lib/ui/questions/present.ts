/** How a question's parts are presented in one attempt: seeded orders, and marks after checking. */
import type { QuestionView } from '$lib/content/quiz-view';
import { presentOrder } from '$lib/quiz/draw';
import {
	classifyCategories,
	classifyItems,
	matchLefts,
	matchRights,
	orderItems
} from '$lib/quiz/choices';
import { correctAnswer, gradeAnswer, type Answer } from '$lib/quiz/grade';
import { own } from '$lib/own';

export interface Presentation {
	seed: number;
	shuffleOptions: boolean;
}

const byText = (a: { text: string }, b: { text: string }) => a.text.localeCompare(b.text);

/** The rendered text of an option or choice id; the id itself when the view has no such text. */
export function choiceHtml(view: QuestionView, id: string): string {
	return own(view.html.choices, id) ?? id;
}

/** Option ids of a single or multiple question in presentation order. */
export function optionOrder(view: QuestionView, p: Presentation) {
	const q = view.question;
	if (q.type !== 'single' && q.type !== 'multiple') return [];
	return presentOrder(q.options, q.id, p.seed, p.shuffleOptions).map((o) => ({
		id: o.id,
		html: choiceHtml(view, o.id)
	}));
}

/** Rows and choices of a match question; the right-hand choices are sorted so they never line up. */
export function matchLayout(view: QuestionView, p: Presentation) {
	const q = view.question;
	if (q.type !== 'match') return { rows: [], choices: [] };
	return {
		rows: presentOrder(matchLefts(q), q.id, p.seed, p.shuffleOptions).map((c) => ({
			id: c.id,
			html: choiceHtml(view, c.id)
		})),
		choices: matchRights(q).sort(byText)
	};
}

export function classifyLayout(view: QuestionView, p: Presentation) {
	const q = view.question;
	if (q.type !== 'classify') return { rows: [], choices: [] };
	return {
		rows: presentOrder(classifyItems(q), q.id, p.seed, p.shuffleOptions).map((c) => ({
			id: c.id,
			html: choiceHtml(view, c.id)
		})),
		choices: classifyCategories(q)
	};
}

/** Items of an order question and their starting arrangement: shuffled, never already correct. */
export function orderLayout(view: QuestionView, p: Presentation) {
	const q = view.question;
	if (q.type !== 'order') return { items: [], initial: [] };
	const items = orderItems(q).map((c) => ({ ...c, html: choiceHtml(view, c.id) }));
	let initial = presentOrder(items, q.id, p.seed, true).map((c) => c.id);
	if (initial.every((id, i) => id === items[i].id)) initial = [...initial.slice(1), initial[0]];
	return { items, initial };
}

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
