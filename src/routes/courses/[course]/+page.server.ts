import { getCourse, listCourses } from '$lib/server/courses';
import { courseCard, moduleViews } from '$lib/content/summary';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => listCourses().map((course) => ({ course: course.id }));

export const load: PageServerLoad = ({ params }) => {
	const course = getCourse(params.course);
	return {
		course: { ...courseCard(course), source: course.source, topics: course.topics },
		modules: moduleViews(course)
	};
};
