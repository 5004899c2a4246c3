/**
 * The courses of `quizzes/`, loaded once at build time. Only server code (prerendering) imports
 * this, so neither the YAML nor the markdown parser ever reaches the browser.
 */
import { error } from '@sveltejs/kit';
import { loadCourses } from '$lib/content/load';
import { ContentErrors } from '$lib/content/errors';
import type { Course, Lesson } from '$lib/content/model';
import { PACKAGE } from '$lib/package';

const files = import.meta.glob<string>('/quizzes/**/*.{yaml,yml,md}', {
	query: '?raw',
	import: 'default',
	eager: true
});

const loaded = loadCourses(
	Object.fromEntries(Object.entries(files).map(([path, text]) => [path.slice(1), text]))
);
if (loaded.errors.length) throw new ContentErrors(loaded.errors);
// A package for an LMS holds its one course.
const courses = PACKAGE ? loaded.courses.filter((c) => c.id === PACKAGE?.courseId) : loaded.courses;

const byId = new Map(courses.map((course) => [course.id, course]));

/** Every course, in title order. */
export function listCourses(): Course[] {
	return [...courses].sort((a, b) => a.title.localeCompare(b.title));
}

/** The course with this id, or a 404. */
export function getCourse(id: string): Course {
	const course = byId.get(id);
	if (!course) error(404, `There is no course "${id}".`);
	return course;
}

/** The lesson with this id in the course, or a 404. */
export function getLesson(course: Course, id: string): Lesson {
	const lesson = course.lessons.get(id);
	if (!lesson) error(404, `The course "${course.title}" has no lesson "${id}".`);
	return lesson;
}
