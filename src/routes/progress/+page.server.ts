import { listCourses } from '$lib/server/courses';

export function load() {
	return {
		courses: listCourses().map((course) => ({
			id: course.id,
			title: course.title,
			topics: course.topics,
			lessons: course.lessonOrder.map((id) => ({ id, title: course.lessons.get(id)!.title })),
			// In course order: the order of the modules and of the items in each.
			quizzes: course.modules
				.flatMap((m) => m.items.flatMap((item) => ('quiz' in item ? [item.quiz] : [])))
				.map((id) => course.quizzes.get(id)!)
				.map((q) => ({ id: q.id, title: q.title, passMark: q.passMark }))
		}))
	};
}
