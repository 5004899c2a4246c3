/**
 * Stable ids for the parts of a question a student answers, so that answers are stored by id,
 * never by position: option ids are authored; a match, order or classify text has the id its
 * author gave it, or else the id derived from the text (`textId`). Everything that needs such an
 * id asks here.
 */
import type { Question } from '../content/schema.ts';
import { textId } from '../content/slug.ts';

/**
 * The id derived from a match, order or classify text: stable while the text is unchanged (the
 * content check refuses two texts of one question with the same id, and a text with no letter or
 * digit, which would get `"_"`). A text whose author gave an id has that id instead: use the
 * functions below, which know both.
 */
export function choiceId(text: string): string {
	let id = derived.get(text);
	if (id === undefined) {
		// Texts come from the content, so the memo stays small; the cap is a safety net.
		if (derived.size >= 10_000) derived.clear();
		id = textId(text) || '_';
		derived.set(text, id);
	}
	return id;
}

/** Ids already derived: re-grading a class asks for the same texts' ids for every attempt. */
const derived = new Map<string, string>();

export interface Choice {
	id: string;
	text: string;
}

/** Texts with their ids: `ids[i]` when the author gave ids, else derived from the text. */
const choices = (texts: readonly string[], ids?: readonly string[]): Choice[] =>
	texts.map((text, i) => ({ id: ids?.[i] ?? choiceId(text), text }));

type Of<T extends Question['type']> = Extract<Question, { type: T }>;

/** Left-hand items of a match question. */
export const matchLefts = (q: Of<'match'>): Choice[] =>
	q.pairs.map((p) => ({ id: p.leftId ?? choiceId(p.left), text: p.left }));
/** Right-hand choices of a match question: every pair's right, then the distractors. */
export const matchRights = (q: Of<'match'>): Choice[] => [
	...q.pairs.map((p) => ({ id: p.rightId ?? choiceId(p.right), text: p.right })),
	...choices(q.distractors ?? [], q.distractorIds)
];
/** Items of an order question, in the correct order. */
export const orderItems = (q: Of<'order'>): Choice[] => choices(q.items, q.itemIds);
/** Items and categories of a classify question. */
export const classifyItems = (q: Of<'classify'>): Choice[] =>
	q.items.map((i) => ({ id: i.id ?? choiceId(i.text), text: i.text }));
export const classifyCategories = (q: Of<'classify'>): Choice[] =>
	choices(q.categories, q.categoryIds);

/** The key of a match question: each left id with the id of its right. */
export function matchKey(q: Of<'match'>): [string, string][] {
	const rights = matchRights(q);
	return matchLefts(q).map((left, i) => [left.id, rights[i].id]);
}

/** The key of a classify question: each item id with the id of its category (named by text). */
export function classifyKey(q: Of<'classify'>): [string, string][] {
	const categories = classifyCategories(q);
	return classifyItems(q).map((item, i) => {
		const category = q.items[i].category;
		return [item.id, categories.find((c) => c.text === category)?.id ?? choiceId(category)];
	});
}

/** Every choice of a match, order or classify question that is shown as a choice or a row. */
export function questionChoices(question: Question): Choice[] {
	switch (question.type) {
		case 'match':
			return [...matchLefts(question), ...matchRights(question)];
		case 'order':
			return orderItems(question);
		case 'classify':
			return [...classifyCategories(question), ...classifyItems(question)];
		default:
			return [];
	}
}
