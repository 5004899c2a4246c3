import { listCourses } from '$lib/server/courses';
import { courseCard } from '$lib/content/summary';

export function load() {
	return { courses: listCourses().map(courseCard) };
}
