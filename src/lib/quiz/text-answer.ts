/**
 * How a typed answer is compared with a text question's accepted answers. Both sides go through
 * the same normalisation, so an author's "Facebook (now Meta)" and a student's "facebook, now
 * meta." meet in the middle. The rules, for authors, are in the README ("Typed answers").
 */
import type { Question, TextMatch } from '../content/schema.ts';

type TextQuestion = Extract<Question, { type: 'text' }>;

/** Punctuation that carries meaning and is compared like a letter: C#, 50 %, R&D, A*, @name. */
const MEANINGFUL = new Set(['#', '%', '&', '@', '*']);
/** Marks that belong to a number when a digit follows: -5, .5, 3.14, 1/2, 1,000, 10:30. */
const NUMERIC = new Set(['-', '.', ',', ':', '/']);
/** Invisible characters that only steer layout: soft hyphen, zero-width space and joiners. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;

const isSpace = (c: string) => /\s/u.test(c) || INVISIBLE.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}]/u.test(c);

/** Whether `chars[i]` only separates words: white space, or punctuation that is not meaningful. */
function isSeparator(chars: readonly string[], i: number): boolean {
	const c = chars[i];
	if (isSpace(c)) return true;
	if (!/\p{P}/u.test(c) || MEANINGFUL.has(c)) return false;
	// "3.14" is not "314", nor "-5" "5"; but "COVID-19" is "COVID19".
	return !(NUMERIC.has(c) && isDigit(chars[i + 1]) && !isLetter(chars[i - 1]));
}

/**
 * Case folding as Unicode's full folding does it, near enough: upper then lower case maps ß to
 * ss; ς is σ (where a word ends changes once punctuation goes); the dot lower-casing leaves on İ
 * goes.
 */
const foldCase = (text: string) =>
	text
		.toUpperCase()
		.toLowerCase()
		.replace(/ς/gu, 'σ')
		.replace(/i\u0307/gu, 'i');

/**
 * Drops accents: every combining diacritical mark (U+0300–U+036F) on a Latin or Greek letter
 * (é = e, ñ = n, ά = α); on a Cyrillic letter only stress marks and the dots of ё (ё = е), as
 * й, ў and ї are letters of their own. Marks of other scripts (Japanese dakuten, Indic vowel
 * signs, Arabic and Hebrew points) are never touched: が stays が.
 */
function stripAccents(text: string): string {
	return text
		.normalize('NFD')
		.replace(/(\p{L})([\u0300-\u036f]+)/gu, (_, base: string, marks: string) => {
			if (/[\p{Script=Latin}\p{Script=Greek}]/u.test(base)) return base;
			if (/\p{Script=Cyrillic}/u.test(base))
				return (
					base + marks.replace(base === 'е' ? /[\u0300\u0301\u0308]/gu : /[\u0300\u0301]/gu, '')
				);
			return base + marks;
		})
		.normalize('NFC');
}

/**
 * A text in the form typed answers are compared in. `strict`: canonically composed (NFC) and
 * trimmed, nothing else. Otherwise: NFKC (full-width and half-width forms, ligatures), case
 * folded, accents dropped for `ignore-accents`, a leading English article ("the", "a", "an")
 * dropped, and white space and punctuation removed, except meaningful marks (`#%&@*`) and the
 * marks of numbers. A text of punctuation only is compared folded and trimmed.
 */
export function normaliseText(text: string, match: TextMatch = 'normal'): string {
	if (match === 'strict') return text.normalize('NFC').trim();
	let folded = foldCase(text.normalize('NFKC'));
	if (match === 'ignore-accents') folded = stripAccents(folded);
	const chars = [...folded.normalize('NFC')];
	const kept = chars.map((_, i) => !isSeparator(chars, i));
	let start = kept.indexOf(true);
	if (start < 0) return folded.trim();
	const article = /^(?:the|an?)\s+/u.exec(chars.slice(start).join(''));
	// An article alone ("A", "The") is the answer itself, not an article.
	if (article && kept.indexOf(true, start + article[0].length) >= 0) start += article[0].length;
	return chars
		.filter((_, i) => i >= start && kept[i])
		.join('')
		.normalize('NFC');
}

/** Each question's accepted answers, normalised once (the gradebook grades thousands of answers). */
const acceptedOf = new WeakMap<TextQuestion, Set<string>>();

/** Whether `typed` is one of the question's accepted answers, compared as its `match` says. */
export function acceptsText(question: TextQuestion, typed: string): boolean {
	const match = question.match ?? 'normal';
	const given = normaliseText(typed, match);
	let accepted = acceptedOf.get(question);
	if (!accepted) {
		accepted = new Set(question.answers.map((text) => normaliseText(text, match)));
		acceptedOf.set(question, accepted);
	}
	return given !== '' && accepted.has(given);
}
