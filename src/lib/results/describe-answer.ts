/**
 * An answer as an instructor reads it: the texts that were chosen, never internal ids or answer
 * slugs ("Created by Facebook (now Meta) → Keras", not `created-by-facebook-now-meta`).
 */
import type { Question } from '../content/schema.ts';
import { questionChoices } from '../quiz/choices.ts';
import { own } from '../own.ts';

/** Inline markdown as plain text (the item analysis shows prompts and answers as text). */
export const plainText = (markdown: string) => markdown.replace(/[*_`]+/g, '').trim();

/** `answer` to `question` in words; an id the question does not know is shown as it is. */
export function describeAnswer(question: Question | undefined, answer: unknown): string {
	if (!question) return JSON.stringify(answer) ?? '';
	const options =
		question.type === 'single' || question.type === 'multiple' ? question.options : [];
	const texts = new Map(
		[...options, ...questionChoices(question)].map((c) => [c.id, plainText(c.text)])
	);
	const text = (id: unknown) => (typeof id === 'string' ? (texts.get(id) ?? id) : String(id));
	const list = (value: unknown, separator: string) =>
		Array.isArray(value) ? value.map(text).join(separator) : text(value);
	const pairs = (value: unknown) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.keys(value)
					.map((key) => `${text(key)} → ${text(own(value as Record<string, unknown>, key))}`)
					.join('; ')
			: text(value);
	switch (question.type) {
		case 'truefalse':
			return answer === true ? 'True' : answer === false ? 'False' : text(answer);
		case 'text':
			return typeof answer === 'string' ? answer.trim() : text(answer);
		case 'multiple':
			return list(answer, ', ');
		case 'order':
			return list(answer, ' → ');
		case 'match':
		case 'classify':
			return pairs(answer);
		default:
			return text(answer);
	}
}
