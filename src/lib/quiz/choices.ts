/**
 * Stable ids for the parts of a question a student answers, so that answers are stored by id,
 * never by position: option ids are authored; match, order and classify texts get a slug id.
 */
import type { Question } from '../content/schema.ts';
import { slugify } from '../content/slug.ts';

/**
 * The id of a match, order or classify text: a slug, stable while the text is unchanged (the
 * content check refuses two texts of one question with the same slug).
 */
export function choiceId(text: string): string {
	return slugify(text) || '_';
}

export interface Choice {
	id: string;
	text: string;
}

const choices = (texts: string[]): Choice[] => texts.map((text) => ({ id: choiceId(text), text }));

type Of<T extends Question['type']> = Extract<Question, { type: T }>;

/** Left-hand items of a match question. */
export const matchLefts = (q: Of<'match'>) => choices(q.pairs.map((p) => p.left));
/** Right-hand choices of a match question: every right plus the distractors. */
export const matchRights = (q: Of<'match'>) =>
	choices([...q.pairs.map((p) => p.right), ...(q.distractors ?? [])]);
/** Items of an order question, in the correct order. */
export const orderItems = (q: Of<'order'>) => choices(q.items);
/** Items and categories of a classify question. */
export const classifyItems = (q: Of<'classify'>) => choices(q.items.map((i) => i.text));
export const classifyCategories = (q: Of<'classify'>) => choices(q.categories);

/** Every text of a match, order or classify question that is shown as a choice or a row. */
export function choiceTexts(question: Question): string[] {
	switch (question.type) {
		case 'match':
			return [...question.pairs.flatMap((p) => [p.left, p.right]), ...(question.distractors ?? [])];
		case 'order':
			return question.items;
		case 'classify':
			return [...question.categories, ...question.items.map((i) => i.text)];
		default:
			return [];
	}
}
