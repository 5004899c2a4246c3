/** The items of an order question as OrderInput shows them. */
import type { QuestionView } from '$lib/content/quiz-view';
import { presentOrder } from '$lib/quiz/draw';
import { orderItems } from '$lib/quiz/choices';
import { choiceHtml, type Presentation } from './presentation';

/** Items of an order question and their starting arrangement: shuffled, never already correct. */
export function orderLayout(view: QuestionView, p: Presentation) {
	const q = view.question;
	if (q.type !== 'order') return { items: [], initial: [] };
	const items = orderItems(q).map((c) => ({ ...c, html: choiceHtml(view, c.id) }));
	let initial = presentOrder(items, q.id, p.seed, true).map((c) => c.id);
	if (initial.every((id, i) => id === items[i].id)) initial = [...initial.slice(1), initial[0]];
	return { items, initial };
}
