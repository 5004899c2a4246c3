/** The rows and choices of match and classify questions, as SelectEachInput shows them. */
import type { QuestionView } from '$lib/content/quiz-view';
import { presentOrder } from '$lib/quiz/draw';
import { classifyCategories, classifyItems, matchLefts, matchRights } from '$lib/quiz/choices';
import { choiceHtml, type Presentation } from './presentation';

const byText = (a: { text: string }, b: { text: string }) => a.text.localeCompare(b.text);

/** The rows in presentation order, each with its build-time HTML. */
const rowsOf = (view: QuestionView, items: { id: string }[], p: Presentation) =>
	presentOrder(items, view.question.id, p.seed, p.shuffleOptions).map((c) => ({
		id: c.id,
		html: choiceHtml(view, c.id)
	}));

/** Rows and choices of a match question; the right-hand choices are sorted so they never line up. */
export function matchLayout(view: QuestionView, p: Presentation) {
	const q = view.question;
	if (q.type !== 'match') return { rows: [], choices: [] };
	return {
		rows: rowsOf(view, matchLefts(q), p),
		choices: matchRights(q).sort(byText)
	};
}

export function classifyLayout(view: QuestionView, p: Presentation) {
	const q = view.question;
	if (q.type !== 'classify') return { rows: [], choices: [] };
	return {
		rows: rowsOf(view, classifyItems(q), p),
		choices: classifyCategories(q)
	};
}
