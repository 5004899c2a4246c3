/** Which question a lesson's `{{check id}}` box shows, and whether answering it is graded. */
import type { Course } from './model.ts';
import type { Question } from './schema.ts';

export interface EmbeddedQuestion {
	question: Question;
	/** True for the ungraded pool of `practice.yaml`; false for a quiz question (older courses). */
	practice: boolean;
}

/**
 * The question `{{check id}}` embeds: from the course's practice pool, or else from one of its
 * quizzes. Ids are unique across a course, so at most one of the two has it.
 */
export function embeddedQuestion(course: Course, id: string): EmbeddedQuestion | undefined {
	const question = course.practice.get(id);
	if (question) return { question, practice: true };
	for (const quiz of course.quizzes.values()) {
		const found = quiz.questions.find((q) => q.id === id);
		if (found) return { question: found, practice: false };
	}
	return undefined;
}
