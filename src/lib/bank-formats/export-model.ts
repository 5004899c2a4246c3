/** What an exporter gets and gives back. */
import type { Question } from '../content/schema.ts';
import type { Course, Quiz } from '../content/model.ts';

/** A remark about how one question was exported, where the format lacks what Coursekit has. */
export interface ExportNote {
	quizId: string;
	questionId: string;
	message: string;
}

export interface ExportInput {
	course: Course;
	quizzes: Quiz[];
}

/** The title of a question's topic, as its category is named. */
export function topicTitle(course: Course, question: Question): string {
	return course.topics.find((t) => t.id === question.topic)?.title ?? question.topic;
}

/** Moodle-style percentage with at most 5 decimals, as Moodle writes 33.33333. */
export function percent(value: number): string {
	return String(Number(value.toFixed(5)));
}

/** How an order or classify question goes into a format that has only matching questions. */
export const AS_MATCHING = {
	order:
		'exported as a matching question (each item to its position 1, 2, …): Moodle scores it like Coursekit, the share of items in the right place',
	classify:
		'exported as a matching question (each item to its category, unused categories as extra answers): Moodle scores it like Coursekit, the share of items placed right'
} as const;
