/**
 * The mapping every importer shares: Moodle-style answers with percentages become Coursekit
 * choice, text and matching questions, and what Coursekit scores differently is said per question.
 */
import { textId } from '../content/slug.ts';
import { LIMITS } from '../quiz/attempt-guard.ts';
import type { AuthoredText } from '../content/choice-ids.ts';
import type { CoursekitMeta } from './meta.ts';
import type { BankQuestion } from './model.ts';
import { optionIds } from './ids.ts';

/** An answer as Moodle formats give it: a text worth a percentage of the mark (may be negative). */
export interface SourceAnswer {
	text: string;
	percent: number;
	feedback?: string;
}

export type Mapped = { question: BankQuestion; notes: string[] } | { unmappable: string };

const FULL = 99.99;
const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
const pct = (n: number) => `${Math.round(n * 100) / 100}%`;
const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;

/**
 * A multiple-choice question: `single` when one answer may be picked (GIFT with `=`, Moodle
 * `<single>true`), else `multiple`, scored as DESIGN.md says: each right pick +1/k, each wrong
 * pick −1/k, floored at 0. Where the source's percentages score otherwise, a note says how.
 */
export function choiceQuestion(
	prompt: string,
	answers: SourceAnswer[],
	single: boolean,
	meta?: CoursekitMeta
): Mapped {
	const notes: string[] = [];
	let correct: boolean[];
	if (single) {
		const full = answers.filter((a) => a.percent >= FULL);
		if (full.length === 0) return { unmappable: 'no answer is fully correct' };
		if (full.length > 1) {
			return {
				unmappable: `${full.length} answers are each fully correct; a Coursekit single-answer question has exactly one`
			};
		}
		for (const a of answers) {
			if (a.percent > 0 && a.percent < FULL) {
				notes.push(
					`${quote(a.text)} gave ${pct(a.percent)} in the source; Coursekit scores a single-answer question 1 or 0, so it counts as wrong`
				);
			} else if (a.percent < 0) {
				notes.push(
					`${quote(a.text)} took off ${pct(-a.percent)} in the source; Coursekit never takes marks off a single-answer question`
				);
			}
		}
		correct = answers.map((a) => a.percent >= FULL);
	} else {
		correct = answers.map((a) => a.percent > 0);
		const k = correct.filter(Boolean).length;
		if (k === 0) return { unmappable: 'no answer gives any marks' };
		const share = 100 / k;
		const unequal = answers.filter((a) => a.percent > 0 && !near(a.percent, share));
		if (unequal.length) {
			notes.push(
				`the source weights the right answers ${answers
					.filter((a) => a.percent > 0)
					.map((a) => `${quote(a.text)} ${pct(a.percent)}`)
					.join(', ')}; Coursekit gives each of the ${k} right answers ${pct(share)}`
			);
		}
		const wrong = answers.filter((a) => a.percent <= 0 && !near(a.percent, -share));
		if (wrong.length) {
			notes.push(
				`a wrong pick costs ${wrong.map((a) => `${pct(-a.percent)} (${quote(a.text)})`).join(', ')} in the source; Coursekit takes off ${pct(share)} for each wrong pick (floored at 0)`
			);
		}
	}
	const ids =
		meta?.optionIds?.length === answers.length
			? meta.optionIds
			: optionIds(answers.map((a) => a.text));
	const options = answers.map((a, i) => ({
		id: ids[i],
		text: a.text,
		...(correct[i] && { correct: true }),
		...(a.feedback && { feedback: a.feedback })
	}));
	return { question: { type: single ? 'single' : 'multiple', prompt, options }, notes };
}

/** A short-answer question: the fully correct answers are accepted. */
export function textQuestion(
	prompt: string,
	answers: SourceAnswer[],
	caseSensitive = false
): Mapped {
	const notes: string[] = [];
	const accepted = answers.filter((a) => a.percent >= FULL).map((a) => a.text);
	if (accepted.length === 0) return { unmappable: 'no answer is fully correct' };
	const partial = answers.filter((a) => a.percent < FULL);
	if (partial.length) {
		notes.push(
			`answers worth less than full marks are left out: ${partial.map((a) => `${quote(a.text)} ${pct(a.percent)}`).join(', ')}`
		);
	}
	if (answers.some((a) => a.feedback)) {
		notes.push(
			'per-answer feedback is left out: a Coursekit text question has only its explanation'
		);
	}
	if (caseSensitive) {
		notes.push(
			'the source compares case: imported as `match: strict` (spaces and punctuation count too)'
		);
	}
	if (accepted.some((a) => a.includes('*'))) {
		notes.push('"*" is a wildcard in Moodle; Coursekit compares it as a plain character');
	}
	return {
		question: {
			type: 'text',
			prompt,
			answers: accepted,
			...(caseSensitive ? { match: 'strict' as const } : {})
		},
		notes
	};
}

/** A true/false question; answer feedback, which Coursekit lacks, joins the explanation. */
export function trueFalseQuestion(
	prompt: string,
	answer: boolean,
	feedback: { general?: string; onTrue?: string; onFalse?: string }
): Mapped {
	const notes: string[] = [];
	const extra = [feedback.onTrue, feedback.onFalse].filter((f): f is string => !!f);
	if (extra.length) {
		notes.push('the feedback of each answer was added to the explanation');
	}
	const explanation = [feedback.general, ...extra].filter(Boolean).join('\n\n');
	return {
		question: {
			type: 'truefalse',
			prompt,
			answer,
			...(explanation && { explanation })
		},
		notes
	};
}

export interface SourcePair {
	/** Empty for an extra right-hand answer (a distractor). */
	left: string;
	right: string;
}

/**
 * A matching question: a Coursekit `match`, or `classify` when several left texts share a right
 * one (each category holds several items), or what the metadata says it was exported from.
 */
export function matchingQuestion(
	prompt: string,
	sourcePairs: SourcePair[],
	meta?: CoursekitMeta
): Mapped {
	const pairs = sourcePairs.filter((p) => p.left);
	const distractors = sourcePairs.filter((p) => !p.left).map((p) => p.right);
	if (pairs.length < 2) return { unmappable: 'a matching question needs at least two pairs' };
	const rights = pairs.map((p) => p.right);
	if (meta?.type === 'order') {
		const positions = rights.map(Number);
		const sorted = [...positions].sort((a, b) => a - b);
		if (sorted.every((n, i) => n === i + 1) && distractors.length === 0) {
			const items = pairs
				.map((p, i) => ({ text: p.left, at: positions[i] }))
				.sort((a, b) => a.at - b.at)
				.map((item, i) => withGivenId(item.text, meta.itemIds?.[i]));
			return { question: { type: 'order', prompt, items }, notes: [] };
		}
	}
	const repeated = new Set(rights).size < rights.length;
	if (meta?.type === 'classify' || repeated) {
		const given = meta?.categories;
		const categories =
			given && [...rights, ...distractors].every((r) => given.includes(r))
				? given
				: [...new Set([...rights, ...distractors])];
		return {
			question: {
				type: 'classify',
				prompt,
				categories: categories.map((c, i) => withGivenId(c, meta?.categoryIds?.[i])),
				items: pairs.map((p, i) => ({
					...(meta?.itemIds?.[i] && { id: meta.itemIds[i] }),
					text: p.left,
					category: p.right
				}))
			},
			notes: []
		};
	}
	return {
		question: {
			type: 'match',
			prompt,
			pairs: pairs.map((p, i) => {
				const [leftId, rightId] = meta?.pairIds?.[i] ?? [null, null];
				return {
					left: p.left,
					right: p.right,
					...(leftId && { leftId }),
					...(rightId && { rightId })
				};
			}),
			...(distractors.length && {
				distractors: distractors.map((d, i) => withGivenId(d, meta?.distractorIds?.[i]))
			})
		},
		notes: []
	};
}

/** A text with the id the metadata gives it, if any. */
export function withGivenId(text: string, id: string | null | undefined): AuthoredText {
	return id ? { id, text } : text;
}

/**
 * Gives explicit ids to the match, order and classify texts whose derived id would not do: no
 * letter or digit to derive one from, or the id of another text of the question.
 */
export function ensureChoiceIds(question: BankQuestion): BankQuestion {
	const used = new Map<string, string>();
	let n = 0;
	const idFor = (text: string, given?: string | null): string | undefined => {
		if (given) {
			used.set(given, text);
			return undefined;
		}
		const derived = textId(text);
		const other = used.get(derived);
		if (derived && derived.length <= LIMITS.id && (other === undefined || other === text)) {
			used.set(derived, text);
			return undefined;
		}
		let id: string;
		do id = `choice-${++n}`;
		while (used.has(id));
		used.set(id, text);
		return id;
	};
	const list = (items: AuthoredText[]) =>
		items.map((item) => {
			if (typeof item !== 'string') return idFor(item.text, item.id) ?? item;
			const id = idFor(item);
			return id ? { id, text: item } : item;
		});
	switch (question.type) {
		case 'match':
			return {
				...question,
				pairs: question.pairs.map((p) => {
					const leftId = idFor(p.left, p.leftId);
					const rightId = idFor(p.right, p.rightId);
					return { ...p, ...(leftId && { leftId }), ...(rightId && { rightId }) };
				}),
				...(question.distractors && { distractors: list(question.distractors) })
			};
		case 'order':
			return { ...question, items: list(question.items) };
		case 'classify': {
			const categories = list(question.categories);
			const items = question.items.map((item) => {
				const id = idFor(item.text, item.id);
				return id ? { ...item, id } : item;
			});
			return { ...question, categories, items };
		}
		default:
			return question;
	}
}
