/** How a question's options are presented in one attempt: seeded orders, texts by id. */
import type { QuestionView } from '$lib/content/quiz-view';
import { presentOrder } from '$lib/quiz/draw';
import { own } from '$lib/own';

export interface Presentation {
	seed: number;
	shuffleOptions: boolean;
}

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
