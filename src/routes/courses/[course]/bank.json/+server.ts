/**
 * The course's question bank as JSON, prerendered: the progress page fetches it when it needs
 * to grade answers for mastery and exports, so no page carries the bank in its HTML.
 */
import { json } from '@sveltejs/kit';
import { getCourse, listCourses } from '$lib/server/courses';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => listCourses().map((course) => ({ course: course.id }));

export const GET: RequestHandler = ({ params }) => {
	const course = getCourse(params.course);
	return json({
		courseId: course.id,
		quizzes: [...course.quizzes.values()].map((quiz) => ({
			id: quiz.id,
			title: quiz.title,
			passMark: quiz.passMark,
			questions: quiz.questions
		}))
	});
};
