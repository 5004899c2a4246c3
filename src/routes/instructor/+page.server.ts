import { listCourses } from '$lib/server/courses';

export function load() {
	return {
		courses: listCourses().map((course) => ({
			id: course.id,
			title: course.title,
			lessons: course.lessonOrder.map((id) => ({ id, title: course.lessons.get(id)!.title })),
			quizzes: course.modules
				.flatMap((m) => m.items)
				.flatMap((item) => ('quiz' in item ? [course.quizzes.get(item.quiz)!] : []))
				.map((q) => ({ id: q.id, title: q.title, passMark: q.passMark }))
		}))
	};
}
