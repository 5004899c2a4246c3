/**
 * Ids of the texts a student answers with in match, order and classify questions, as authored:
 * a bare text gets the id derived from it (`textId`); an author may give one instead
 * (`{ id, text }` in a list, `leftId`/`rightId` in a pair, `id` on a classify item). The rules
 * here make every such id usable: present, storable and distinct within its question.
 */
import { z } from '../zod.ts';
import { formatFieldPath } from './errors.ts';
import { textId } from './slug.ts';
import { LIMITS } from '../quiz/attempt-guard.ts';

/** An author-given id: written exactly as a derived id is, so `textId(id) === id`. */
export const ChoiceId = z
	.string()
	.min(1)
	.max(64)
	.superRefine((id, ctx) => {
		const suggestion = textId(id);
		if (suggestion !== id) {
			ctx.addIssue({
				code: 'custom',
				message:
					'not a valid id: use lower-case letters and digits (of any script) joined by "-"' +
					(suggestion ? `, such as "${suggestion}"` : '')
			});
		}
	});

/** A text in a list, bare or as `{ id, text }`. */
export const withId = <T extends z.ZodType<string>>(text: T) =>
	z.union([text, z.strictObject({ id: ChoiceId, text })]);

export type AuthoredText = string | { id: string; text: string };

export const textOf = (item: AuthoredText): string => (typeof item === 'string' ? item : item.text);

/** The texts of a list, and the id of each when the author gave any (else no `ids` at all). */
export function splitIds(list: readonly AuthoredText[]): { texts: string[]; ids?: string[] } {
	const texts = list.map(textOf);
	if (list.every((item) => typeof item === 'string')) return { texts };
	return { texts, ids: list.map((item) => (typeof item === 'string' ? textId(item) : item.id)) };
}

/** One text of a question, where it is written and what its id is. */
export interface ChoiceEntry {
	/** What the list calls its texts, for messages: "item", "left-hand text", … */
	what: string;
	/** Texts in one group must have distinct ids (a student picks among them). */
	group: string;
	/** Where the text is written; `idPath` where its given id is, if it has one. */
	path: PropertyKey[];
	idPath?: PropertyKey[];
	text: string;
	id: string;
	/** How an author gives this text an id, e.g. `{ id: …, text: … }`. */
	how: string;
}

/** The entries of a list of texts written bare or as `{ id, text }`. */
export function listEntries(
	list: readonly AuthoredText[],
	field: string,
	what: string,
	group = field
): ChoiceEntry[] {
	return list.map((item, i) => ({
		what,
		group,
		path: [field, i],
		idPath: typeof item === 'string' ? undefined : [field, i, 'id'],
		text: textOf(item),
		id: typeof item === 'string' ? textId(item) : item.id,
		how: '{ id: …, text: … }'
	}));
}

/**
 * Reports at its own place each text whose id is unusable: none (no letter or digit), too long
 * to store, the same as another text's in its group (a repeated text is a "duplicate"), or the
 * same as a different text's anywhere in the question (a page renders texts by id).
 */
export function checkChoiceIds(entries: readonly ChoiceEntry[], ctx: z.RefinementCtx): void {
	const report = (entry: ChoiceEntry, message: string) =>
		ctx.addIssue({ code: 'custom', path: entry.idPath ?? entry.path, message });
	const own = (entry: ChoiceEntry) => `give it its own id (${entry.how})`;
	const seen: ChoiceEntry[] = [];
	for (const entry of entries) {
		if (!entry.idPath && !entry.id) {
			report(entry, `"${entry.text}" has no letter or digit to make an id of: ${own(entry)}`);
			continue;
		}
		if (!entry.idPath && entry.id.length > LIMITS.id) {
			const length = `${entry.id.length} characters, more than ${LIMITS.id}`;
			report(entry, `this text makes an id of ${length}: ${own(entry)}`);
			continue;
		}
		const group = seen.filter((other) => other.group === entry.group);
		const sameText = group.find((other) => other.text === entry.text);
		const sameId =
			group.find((other) => other.id === entry.id) ??
			seen.find((other) => other.id === entry.id && other.text !== entry.text);
		seen.push(entry);
		if (sameText) {
			ctx.addIssue({ code: 'custom', path: entry.path, message: duplicate(entry, sameText) });
		} else if (sameId) {
			const where = `${sameId.what} "${sameId.text}" (${formatFieldPath(sameId.path)})`;
			// Two texts of a list that differ only in case or punctuation read as duplicates.
			const clash =
				sameId.group === entry.group && !entry.idPath && !sameId.idPath
					? `${duplicate(entry, sameId)}: its id "${entry.id}" is also the id of ${where}`
					: `${entry.what} "${entry.text}" has the id "${entry.id}" of ${where}`;
			report(entry, `${clash}; ${own(entry)}`);
		}
	}
}

function duplicate(entry: ChoiceEntry, other: ChoiceEntry): string {
	return entry.what === 'distractor' && other.what !== 'distractor'
		? `distractor "${entry.text}" is also a ${other.what.replace(' text', ' answer')}`
		: `duplicate ${entry.what} "${entry.text}"`;
}
