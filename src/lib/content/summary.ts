/** Plain, serialisable views of a course for pages (no Maps, no lesson bodies). */
import type { Course } from './model.ts';

export interface CourseCard {
	id: string;
	title: string;
	summary: string;
	lessonCount: number;
	quizCount: number;
	questionCount: number;
	minutes: number;
}

export type ModuleItemView =
	| { kind: 'lesson'; id: string; title: string; minutes: number; topics: string[] }
	| {
			kind: 'quiz';
			id: string;
			title: string;
			questionCount: number;
			passMark: number;
			feedback: 'immediate' | 'deferred';
			timeLimitMinutes?: number;
			topics: string[];
	  };

export interface ModuleView {
	id: string;
	title: string;
	summary?: string;
	items: ModuleItemView[];
}

/** What the course list shows about a course. */
export function courseCard(course: Course): CourseCard {
	const lessons = [...course.lessons.values()];
	return {
		id: course.id,
		title: course.title,
		summary: course.summary,
		lessonCount: lessons.length,
		quizCount: course.quizzes.size,
		questionCount: [...course.quizzes.values()].reduce((n, quiz) => n + quiz.questions.length, 0),
		minutes: lessons.reduce((n, lesson) => n + lesson.minutes, 0)
	};
}

/** The course's modules with each lesson and quiz resolved to what the course page lists. */
export function moduleViews(course: Course): ModuleView[] {
	const topicTitle = new Map(course.topics.map((t) => [t.id, t.title]));
	const titles = (ids: string[]) => ids.map((id) => topicTitle.get(id) ?? id);
	return course.modules.map((module) => ({
		id: module.id,
		title: module.title,
		summary: module.summary,
		items: module.items.map((item): ModuleItemView => {
			if ('lesson' in item) {
				const lesson = course.lessons.get(item.lesson)!;
				return {
					kind: 'lesson',
					id: lesson.id,
					title: lesson.title,
					minutes: lesson.minutes,
					topics: titles(lesson.topics)
				};
			}
			const quiz = course.quizzes.get(item.quiz)!;
			return {
				kind: 'quiz',
				id: quiz.id,
				title: quiz.title,
				questionCount: quiz.questions.length,
				passMark: quiz.passMark,
				feedback: quiz.settings.feedback,
				timeLimitMinutes: quiz.settings.timeLimitMinutes,
				topics: titles(quiz.topics)
			};
		})
	}));
}
