import { getCourse, getLesson, listCourses } from '$lib/server/courses';
import { CHECK_MARKER } from '$lib/content/markdown';
import { questionView, type QuestionView } from '$lib/content/quiz-view';
import { embeddedQuestion } from '$lib/content/practice';
import type { ModuleItem } from '$lib/content/schema';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	listCourses().flatMap((course) =>
		course.lessonOrder.map((lesson) => ({ course: course.id, lesson }))
	);

/** A piece of a lesson: HTML, or a check-yourself question (`practice`: from the ungraded pool). */
export type LessonPart =
	{ kind: 'html'; html: string } | { kind: 'check'; view: QuestionView; practice: boolean };

export const load: PageServerLoad = ({ params }) => {
	const course = getCourse(params.course);
	const lesson = getLesson(course, params.lesson);
	const index = course.lessonOrder.indexOf(lesson.id);
	const neighbour = (id: string | undefined) =>
		id ? { id, title: course.lessons.get(id)!.title } : undefined;
	// What follows this lesson in its module: when it is a quiz, the lesson leads to it.
	const isThis = (item: ModuleItem) => 'lesson' in item && item.lesson === lesson.id;
	const items = course.modules.find((m) => m.items.some(isThis))?.items ?? [];
	const after = items[items.findIndex(isThis) + 1];
	const quiz = after && 'quiz' in after ? course.quizzes.get(after.quiz) : undefined;
	const topicTitle = new Map(course.topics.map((t) => [t.id, t.title]));
	// The HTML is split at each embedded question: even parts are HTML, odd ones question ids.
	const body: LessonPart[] = lesson.html.split(CHECK_MARKER).map((part, i) => {
		if (i % 2 === 0) return { kind: 'html', html: part };
		// The loader refused any {{check id}} that names no question.
		const embedded = embeddedQuestion(course, part)!;
		return {
			kind: 'check',
			view: questionView(course, embedded.question),
			practice: embedded.practice
		};
	});
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
		next: neighbour(course.lessonOrder[index + 1]),
		nextQuiz: quiz ? { id: quiz.id, title: quiz.title } : undefined
	};
};
