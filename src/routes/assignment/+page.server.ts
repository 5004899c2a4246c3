import { listCourses } from '$lib/server/courses';

/** Titles of every lesson and quiz, so an assignment link (ids only) can be shown by name. */
export function load() {
	return {
		courses: listCourses().map((course) => ({
			id: course.id,
			title: course.title,
			lessons: Object.fromEntries([...course.lessons.values()].map((l) => [l.id, l.title])),
			quizzes: Object.fromEntries(
				[...course.quizzes.values()].map((q) => [q.id, { title: q.title, passMark: q.passMark }])
			)
		}))
	};
}
