import { listCourses } from '$lib/server/courses';

export function load() {
	return {
		courses: listCourses().map((course) => ({
			id: course.id,
			title: course.title,
			topics: course.topics,
			lessons: course.lessonOrder.map((id) => ({ id, title: course.lessons.get(id)!.title })),
			quizzes: [...course.quizzes.values()].map((q) => ({
				id: q.id,
				title: q.title,
				passMark: q.passMark
			}))
		}))
	};
}
