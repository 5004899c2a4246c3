import { error } from '@sveltejs/kit';
import { getCourse, listCourses } from '$lib/server/courses';
import { quizView } from '$lib/content/quiz-view';
import { drawQuestions } from '$lib/quiz/draw';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	listCourses().flatMap((course) =>
		[...course.quizzes.keys()].map((quiz) => ({ course: course.id, quiz }))
	);

export const load: PageServerLoad = ({ params }) => {
	const course = getCourse(params.course);
	const quiz = course.quizzes.get(params.quiz);
	if (!quiz) error(404, `The course "${course.title}" has no quiz "${params.quiz}".`);
	return {
		quiz: quizView(course, quiz),
		// How many an attempt presents: the same for every seed (draw counts are per topic).
		questionCount: drawQuestions(quiz.questions, quiz.settings, 0).length
	};
};
