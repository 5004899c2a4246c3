import { getCourse, getLesson, listCourses } from '$lib/server/courses';
import { CHECK_MARKER } from '$lib/content/markdown';
import { questionView, type QuestionView } from '$lib/content/quiz-view';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	listCourses().flatMap((course) =>
		course.lessonOrder.map((lesson) => ({ course: course.id, lesson }))
	);

export type LessonPart = { kind: 'html'; html: string } | { kind: 'check'; view: QuestionView };

export const load: PageServerLoad = ({ params }) => {
	const course = getCourse(params.course);
	const lesson = getLesson(course, params.lesson);
	const index = course.lessonOrder.indexOf(lesson.id);
	const neighbour = (id: string | undefined) =>
		id ? { id, title: course.lessons.get(id)!.title } : undefined;
	const topicTitle = new Map(course.topics.map((t) => [t.id, t.title]));
	const questions = new Map(
		[...course.quizzes.values()].flatMap((quiz) => quiz.questions).map((q) => [q.id, q])
	);
	// The HTML is split at each embedded question: even parts are HTML, odd ones question ids.
	const body: LessonPart[] = lesson.html
		.split(CHECK_MARKER)
		.map((part, i) =>
			i % 2 === 0
				? { kind: 'html', html: part }
				: { kind: 'check', view: questionView(course, questions.get(part)!) }
		);
	return {
		course: { id: course.id, title: course.title },
		lesson: {
			id: lesson.id,
			title: lesson.title,
			minutes: lesson.minutes,
			topics: lesson.topics.map((id) => topicTitle.get(id) ?? id),
			objectives: lesson.objectives,
			keyTerms: lesson.keyTerms,
			summary: lesson.summary,
			body,
			sections: lesson.sections.map(({ id, title }) => ({ id, title }))
		},
		position: { index: index + 1, total: course.lessonOrder.length },
		previous: neighbour(course.lessonOrder[index - 1]),
		next: neighbour(course.lessonOrder[index + 1])
	};
};
