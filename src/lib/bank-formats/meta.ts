/**
 * What a Coursekit export says about a question that GIFT and Moodle XML have no field for (its
 * source section, difficulty, tags, the ids of its options and texts, and whether a matching
 * question was an order or classify one). It travels in a comment that Moodle ignores
 * (`// coursekit: {…}` in GIFT, `<!-- coursekit: {…} -->` in Moodle XML), so that exporting and
 * importing again gives back the same question. Anything invalid in it is ignored, with a note.
 */
import { z } from '../zod.ts';
import { Id, SourceRef, type Question } from '../content/schema.ts';
import { ChoiceId } from '../content/choice-ids.ts';

const MaybeId = ChoiceId.nullable();

export const CoursekitMeta = z.strictObject({
	id: Id.optional(),
	topic: Id.optional(),
	source: SourceRef.optional(),
	difficulty: z.number().int().min(1).max(3).optional(),
	tags: z
		.array(z.string().regex(/^[a-z0-9:-]+$/))
		.max(20)
		.optional(),
	/** `order` and `classify` questions are exported as matching questions. */
	type: z.enum(['order', 'classify']).optional(),
	optionIds: z.array(Id).max(12).optional(),
	pairIds: z
		.array(z.tuple([MaybeId, MaybeId]))
		.max(12)
		.optional(),
	distractorIds: z.array(ChoiceId).max(6).optional(),
	itemIds: z.array(MaybeId).max(20).optional(),
	/** A classify question's categories in order (a matching question lists only used ones). */
	categories: z.array(z.string().min(1).max(120)).max(8).optional(),
	categoryIds: z.array(ChoiceId).max(8).optional()
});
export type CoursekitMeta = z.infer<typeof CoursekitMeta>;

const PREFIX = 'coursekit:';

/** The metadata of a question, for an export. */
export function metaOf(question: Question): CoursekitMeta {
	const meta: CoursekitMeta = {
		id: question.id,
		topic: question.topic,
		source: question.source,
		...(question.difficulty && { difficulty: question.difficulty }),
		...(question.tags && { tags: question.tags })
	};
	switch (question.type) {
		case 'single':
		case 'multiple':
			meta.optionIds = question.options.map((o) => o.id);
			break;
		case 'match':
			if (question.pairs.some((p) => p.leftId || p.rightId)) {
				meta.pairIds = question.pairs.map((p) => [p.leftId ?? null, p.rightId ?? null]);
			}
			if (question.distractorIds) meta.distractorIds = question.distractorIds;
			break;
		case 'order':
			meta.type = 'order';
			if (question.itemIds) meta.itemIds = question.itemIds;
			break;
		case 'classify':
			meta.type = 'classify';
			meta.categories = question.categories;
			if (question.categoryIds) meta.categoryIds = question.categoryIds;
			if (question.items.some((i) => i.id)) meta.itemIds = question.items.map((i) => i.id ?? null);
			break;
	}
	return meta;
}

/** The comment text carrying `meta`, on one line; `xml` makes it safe in an XML comment (no `--`). */
export function metaComment(meta: CoursekitMeta, { xml = false } = {}): string {
	const json = JSON.stringify(meta);
	return `${PREFIX} ${xml ? json.replace(/-/g, '\\u002d') : json}`;
}

/** The metadata in a comment's text, if it is a Coursekit comment; `error` when it is unusable. */
export function readMetaComment(comment: string): { meta?: CoursekitMeta; error?: string } {
	const text = comment.trim();
	if (!text.startsWith(PREFIX)) return {};
	let json: unknown;
	try {
		json = JSON.parse(text.slice(PREFIX.length));
	} catch {
		return { error: 'the "coursekit:" comment is not valid JSON; it was ignored' };
	}
	const parsed = CoursekitMeta.safeParse(json);
	if (!parsed.success) {
		return { error: 'the "coursekit:" comment does not fit its schema; it was ignored' };
	}
	return { meta: parsed.data };
}
