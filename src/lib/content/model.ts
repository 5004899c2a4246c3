/** The course as the pages use it: validated, cross-checked, markdown rendered. */
import type { CourseFile, LessonFrontMatter, Module, Question, QuizFile, Topic } from './schema.ts';
import type { EmbeddedCheck, Section } from './markdown.ts';

export interface Lesson extends LessonFrontMatter {
	courseId: string;
	/** Rendered at build time from the lesson's markdown in `quizzes/`. */
	html: string;
	sections: Section[];
	/** Questions embedded with `{{check id}}`; the HTML holds a CHECK_MARKER where each goes. */
	checks: EmbeddedCheck[];
}

export interface Quiz extends QuizFile {
	courseId: string;
}

export interface Course extends Omit<CourseFile, 'modules'> {
	modules: Module[];
	lessons: Map<string, Lesson>;
	quizzes: Map<string, Quiz>;
	/** Ungraded questions of `practice.yaml`, by id, for lessons' "check yourself" boxes. */
	practice: Map<string, Question>;
	/** Lesson ids in reading order (module order), for prev/next links. */
	lessonOrder: string[];
}

export type { Module, Topic };
