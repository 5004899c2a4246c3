/**
 * The question bank of a course as `bank.json` serves it, its schema, and `fetchBank`, the one
 * way pages load it. Each question comes with its texts rendered to HTML at build time, exactly
 * as the quiz page shows them, so no page builds HTML at run time.
 *
 * The schema is structural: it checks the shape the browser relies on (grading, choices, rendered
 * texts, the lesson link), not the authoring rules (kebab-case ids, one correct option, unique
 * texts), which the build already enforced with the full schema in `content/schema.ts`. Repeating
 * those in zod/mini would add weight to /progress and /review and catch nothing the build missed.
 * Question objects are loose, so fields the browser does not read pass through unchanged: the
 * gradebook hashes the questions exactly as they were authored. Note that /review uses no other
 * zod, so this module brings zod/mini itself (~8 KB gzip) to it; /progress imports it on demand.
 */
import * as z from '../zod-mini.ts';
import { resolve } from '$app/paths';
import type { QuestionView as QuestionViewType } from '../content/quiz-view.ts';

const text = z.string();
const texts = z.array(text);

const questionBase = {
	id: text,
	topic: text,
	source: text,
	prompt: text,
	explanation: text,
	difficulty: z.optional(z.number()),
	tags: z.optional(texts)
};

const Options = z.array(
	z.looseObject({
		id: text,
		text,
		correct: z.optional(z.boolean()),
		feedback: z.optional(text)
	})
);

// A plain union: zod/mini's discriminatedUnion would add ~0.45 KB to every page that loads zod;
// `problem` below finds the question type's own issue instead.
const Question = z.union([
	z.looseObject({ ...questionBase, type: z.literal('single'), options: Options }),
	z.looseObject({ ...questionBase, type: z.literal('multiple'), options: Options }),
	z.looseObject({ ...questionBase, type: z.literal('truefalse'), answer: z.boolean() }),
	z.looseObject({
		...questionBase,
		type: z.literal('match'),
		pairs: z.array(z.looseObject({ left: text, right: text })),
		distractors: z.optional(texts)
	}),
	z.looseObject({ ...questionBase, type: z.literal('order'), items: texts }),
	z.looseObject({ ...questionBase, type: z.literal('text'), answers: texts }),
	z.looseObject({
		...questionBase,
		type: z.literal('classify'),
		categories: texts,
		items: z.array(z.looseObject({ text, category: text }))
	})
]);

/** A question with its build-time HTML, as `questionView` in content/quiz-view.ts makes it. */
const QuestionView: z.ZodMiniType<QuestionViewType> = z.object({
	question: Question,
	html: z.object({
		prompt: text,
		explanation: text,
		choices: z.record(text, text),
		feedback: z.record(text, text)
	}),
	source: z.object({ lessonId: text, anchor: text, lessonTitle: text, sectionTitle: text })
});

/** What the gradebook re-draws an attempt's questions with and times it against. */
const QuizRules = z.object({
	shuffle: z.object({ questions: z.boolean(), options: z.boolean() }),
	draw: z.optional(z.union([z.number(), z.record(text, z.number())])),
	timeLimitMinutes: z.optional(z.number())
});

export const Bank = z.object({
	courseId: text,
	/** The course's ungraded practice questions (lessons' "check yourself"), for review cards. */
	practice: z.optional(z.array(QuestionView)),
	quizzes: z.array(
		z.object({
			id: text,
			title: text,
			passMark: z.number(),
			settings: QuizRules,
			questions: z.array(QuestionView)
		})
	)
});
export type Bank = z.infer<typeof Bank>;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What is wrong and where; in a question, the issue of the type it claims to be. */
function problem(issue: z.core.$ZodIssue): string {
	const path = [...issue.path];
	while (issue.code === 'invalid_union') {
		const own = issue.errors.find((e) => e.every((i) => i.path[0] !== 'type'));
		if (!own) return `unknown question type at ${[...path, 'type'].join('.')}`;
		issue = own[0];
		path.push(...issue.path);
	}
	return `${issue.message}${path.length ? ` at ${path.map(String).join('.')}` : ''}`;
}

/**
 * Fetches and validates the question bank of `courseId`. Throws an Error that names the course
 * and what went wrong: no connection, an HTTP error, not JSON, or not a bank of this course.
 */
export async function fetchBank(courseId: string, fetchFn: typeof fetch = fetch): Promise<Bank> {
	const url = resolve('/courses/[course]/bank.json', { course: courseId });
	const what = `the question bank of course "${courseId}" (${url})`;
	let response: Response;
	try {
		response = await fetchFn(url);
	} catch (error) {
		throw new Error(`Could not fetch ${what}: ${reason(error)}`, { cause: error });
	}
	if (!response.ok) {
		const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
		throw new Error(`Could not load ${what}: the server answered HTTP ${status}.`);
	}
	let data: unknown;
	try {
		data = await response.json();
	} catch (error) {
		throw new Error(`Could not read ${what}: it is not valid JSON.`, { cause: error });
	}
	const parsed = Bank.safeParse(data);
	if (!parsed.success) {
		const message = problem(parsed.error.issues[0]);
		throw new Error(`Could not read ${what}: ${message}.`, { cause: parsed.error });
	}
	if (parsed.data.courseId !== courseId) {
		throw new Error(`Could not read ${what}: it is the bank of course "${parsed.data.courseId}".`);
	}
	return parsed.data;
}
