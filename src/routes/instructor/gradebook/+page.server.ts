import { listCourses } from '$lib/server/courses';

export function load() {
	return {
		courses: listCourses().map((course) => ({
			id: course.id,
			title: course.title,
			topics: course.topics
		}))
	};
}
