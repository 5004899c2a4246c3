/**
 * zod schemas of the authoring format in `quizzes/<course>/` (see README, "Authoring format").
 * Rules that need only one value live here; rules that span files (declared topics, unique ids,
 * `source:` anchors) live in `load.ts`.
 */
import { z } from '../zod.ts';
import {
	checkChoiceIds,
	ChoiceId,
	listEntries,
	splitIds,
	textOf,
	withId,
	type ChoiceEntry
} from './choice-ids.ts';
import { textId } from './slug.ts';

const MAX_TITLE = 120;
const MAX_TEXT = 2_000;
const MAX_LIST = 200;

export const Id = z
	.string()
	.min(1)
	.max(64)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and "-"');

const Title = z.string().trim().min(1).max(MAX_TITLE);
const Text = z.string().trim().min(1).max(MAX_TEXT);
const LongText = z.string().trim().min(1).max(8_000);

/** `lesson-id#section-anchor`: where a question is taught. */
export const SourceRef = z
	.string()
	.regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be "lesson-id#section-anchor"');

export const Topic = z.strictObject({ id: Id, title: Title });
export type Topic = z.infer<typeof Topic>;

export const ModuleItem = z.union([z.strictObject({ lesson: Id }), z.strictObject({ quiz: Id })]);
export type ModuleItem = z.infer<typeof ModuleItem>;

export const Module = z.strictObject({
	id: Id,
	title: Title,
	summary: Text.optional(),
	items: z.array(ModuleItem).min(1).max(MAX_LIST)
});
export type Module = z.infer<typeof Module>;

export const CourseFile = z.strictObject({
	id: Id,
	title: Title,
	summary: Text,
	source: Text.optional(),
	topics: z.array(Topic).min(1).max(MAX_LIST),
	modules: z.array(Module).min(1).max(MAX_LIST)
});
export type CourseFile = z.infer<typeof CourseFile>;

export const KeyTerm = z.strictObject({ term: Title, definition: Text });

export const LessonFrontMatter = z.strictObject({
	id: Id,
	title: Title,
	topics: z.array(Id).min(1).max(20),
	objectives: z.array(Text).min(1).max(20),
	minutes: z.number().int().min(1).max(240),
	keyTerms: z.array(KeyTerm).min(1).max(50),
	summary: Text
});
export type LessonFrontMatter = z.infer<typeof LessonFrontMatter>;

const questionBase = {
	id: Id,
	topic: Id,
	source: SourceRef,
	prompt: Text,
	explanation: LongText,
	difficulty: z.number().int().min(1).max(3).optional(),
	/** Free labels for instructors and tests, e.g. `fact:graph-type:pytorch`. */
	tags: z
		.array(z.string().regex(/^[a-z0-9:-]+$/, 'use lower-case letters, digits, ":" and "-"'))
		.max(20)
		.optional()
};

export const Option = z.strictObject({
	id: Id,
	text: Text,
	correct: z.boolean().optional(),
	feedback: Text.optional()
});
export type Option = z.infer<typeof Option>;

const Options = z.array(Option).min(2, 'needs at least two options').max(12);

/** Reports a repeated option id at that option's path. */
function uniqueOptionIds(options: Option[], ctx: z.RefinementCtx) {
	const seen = new Set<string>();
	options.forEach((option, index) => {
		if (seen.has(option.id)) {
			ctx.addIssue({
				code: 'custom',
				path: [index],
				message: `duplicate option id "${option.id}"`
			});
		}
		seen.add(option.id);
	});
}

const correctCount = (options: Option[]) => options.filter((option) => option.correct).length;

export const SingleQuestion = z
	.strictObject({
		...questionBase,
		type: z.literal('single'),
		options: Options.superRefine(uniqueOptionIds)
	})
	.refine((q) => correctCount(q.options) === 1, {
		path: ['options'],
		message: 'exactly one option must be correct'
	});

export const MultipleQuestion = z
	.strictObject({
		...questionBase,
		type: z.literal('multiple'),
		options: Options.superRefine(uniqueOptionIds)
	})
	.refine((q) => correctCount(q.options) >= 1, {
		path: ['options'],
		message: 'at least one option must be correct'
	});

export const TrueFalseQuestion = z.strictObject({
	...questionBase,
	type: z.literal('truefalse'),
	answer: z.boolean()
});

/** A pair of a match question; `leftId`/`rightId` give its texts ids (see choice-ids.ts). */
const Pair = z.strictObject({
	left: Text,
	right: Text,
	leftId: ChoiceId.optional(),
	rightId: ChoiceId.optional()
});

export const MatchQuestion = z
	.strictObject({
		...questionBase,
		type: z.literal('match'),
		pairs: z.array(Pair).min(2, 'needs at least two pairs').max(12),
		distractors: z.array(withId(Text)).max(6).optional()
	})
	.superRefine((q, ctx) => {
		const side = (p: z.infer<typeof Pair>, i: number, s: 'left' | 'right'): ChoiceEntry => ({
			what: `${s}-hand text`,
			group: s,
			path: ['pairs', i],
			idPath: p[`${s}Id`] ? ['pairs', i, `${s}Id`] : undefined,
			text: p[s],
			id: p[`${s}Id`] ?? textId(p[s]),
			how: `${s}Id: …`
		});
		checkChoiceIds(
			[
				...q.pairs.map((p, i) => side(p, i, 'left')),
				...q.pairs.map((p, i) => side(p, i, 'right')),
				...listEntries(q.distractors ?? [], 'distractors', 'distractor', 'right')
			],
			ctx
		);
	})
	.transform(({ distractors, ...q }) => {
		const { texts, ids } = splitIds(distractors ?? []);
		return { ...q, ...(distractors && { distractors: texts }), ...(ids && { distractorIds: ids }) };
	});

export const OrderQuestion = z
	.strictObject({
		...questionBase,
		type: z.literal('order'),
		items: z.array(withId(Text)).min(2, 'needs at least two items').max(12)
	})
	.superRefine((q, ctx) => checkChoiceIds(listEntries(q.items, 'items', 'item'), ctx))
	.transform(({ items, ...q }) => {
		const { texts, ids } = splitIds(items);
		return { ...q, items: texts, ...(ids && { itemIds: ids }) };
	});

/**
 * How a text question compares a typed answer with the accepted ones (see quiz/text-answer.ts):
 * `normal` (the default) ignores case, width, punctuation, spaces and a leading "the", "a" or
 * "an"; `ignore-accents` ignores accents too (é = e, ё = е); `strict` wants the exact text.
 */
export const TextMatch = z.enum(['normal', 'ignore-accents', 'strict']);
export type TextMatch = z.infer<typeof TextMatch>;

export const TextQuestion = z
	.strictObject({
		...questionBase,
		type: z.literal('text'),
		answers: z
			.array(z.string().trim().min(1).max(200))
			.min(1, 'needs at least one accepted answer')
			.max(20),
		match: TextMatch.optional()
	})
	// `match: normal` only spells out the default: dropped, it leaves the content hash as it was.
	.transform(({ match, ...q }): typeof q & { match?: Exclude<TextMatch, 'normal'> } =>
		match && match !== 'normal' ? { ...q, match } : q
	);

/** An item of a classify question, with its category named by text; `id` gives it an id. */
const ClassifyItem = z.strictObject({ id: ChoiceId.optional(), text: Text, category: Title });

export const ClassifyQuestion = z
	.strictObject({
		...questionBase,
		type: z.literal('classify'),
		categories: z.array(withId(Title)).min(2, 'needs at least two categories').max(8),
		items: z.array(ClassifyItem).min(2, 'needs at least two items').max(20)
	})
	.superRefine((q, ctx) => {
		checkChoiceIds(
			[
				...listEntries(q.categories, 'categories', 'category'),
				...q.items.map((item, i): ChoiceEntry => ({
					what: 'item',
					group: 'items',
					path: ['items', i],
					idPath: item.id ? ['items', i, 'id'] : undefined,
					text: item.text,
					id: item.id ?? textId(item.text),
					how: 'id: …'
				}))
			],
			ctx
		);
		const categories = q.categories.map(textOf);
		q.items.forEach((item, i) => {
			if (!categories.includes(item.category)) {
				ctx.addIssue({
					code: 'custom',
					path: ['items', i, 'category'],
					message: `category "${item.category}" is not one of the question's categories`
				});
			}
		});
	})
	.transform(({ categories, ...q }) => {
		const { texts, ids } = splitIds(categories);
		return { ...q, categories: texts, ...(ids && { categoryIds: ids }) };
	});

export const QUESTION_TYPES = [
	'single',
	'multiple',
	'truefalse',
	'match',
	'order',
	'text',
	'classify'
] as const;

export const Question = z.discriminatedUnion('type', [
	SingleQuestion,
	MultipleQuestion,
	TrueFalseQuestion,
	MatchQuestion,
	OrderQuestion,
	TextQuestion,
	ClassifyQuestion
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

export const QuizSettings = z.strictObject({
	shuffle: z
		.strictObject({ questions: z.boolean().default(true), options: z.boolean().default(true) })
		.default({ questions: true, options: true }),
	/** N questions per topic, or a count for each topic, drawn from the quiz's pool. */
	draw: z
		.union([z.number().int().min(1).max(100), z.record(Id, z.number().int().min(1).max(100))])
		.optional(),
	feedback: z.enum(['immediate', 'deferred']).default('immediate'),
	maxAttempts: z.number().int().min(1).max(100).optional(),
	timeLimitMinutes: z.number().min(1).max(600).optional()
});
export type QuizSettings = z.infer<typeof QuizSettings>;

export const QuizFile = z.strictObject({
	id: Id,
	title: Title,
	description: Text.optional(),
	topics: z.array(Id).min(1).max(20),
	passMark: z.number().min(0).max(100),
	settings: QuizSettings.default({
		shuffle: { questions: true, options: true },
		feedback: 'immediate'
	}),
	questions: z.array(Question).min(1).max(500)
});
export type QuizFile = z.infer<typeof QuizFile>;

/**
 * `practice.yaml`: the course's ungraded "check yourself" questions, which lessons embed with
 * `{{check id}}`. They share the course's question ids, topics and `source:` anchors, but belong
 * to no quiz, so they never count towards a score.
 */
export const PracticeFile = z.strictObject({
	questions: z.array(Question).min(1).max(500)
});
export type PracticeFile = z.infer<typeof PracticeFile>;
