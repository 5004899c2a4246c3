import type { ComponentProps } from 'svelte';
import { getCourse, getLesson, listCourses } from '$lib/server/courses';
import { renderIsland, staticHtml, type Island } from '$lib/server/islands';
import { CHECK_MARKER } from '$lib/content/markdown';
import { questionView } from '$lib/content/quiz-view';
import { embeddedQuestion } from '$lib/content/practice';
import type { ModuleItem } from '$lib/content/schema';
import CheckYourself from './CheckYourself.svelte';
import LessonClose from './LessonClose.svelte';
import LessonIntro from './LessonIntro.svelte';
import LessonPager from './LessonPager.svelte';
import MarkDone from './MarkDone.svelte';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	listCourses().flatMap((course) =>
		course.lessonOrder.map((lesson) => ({ course: course.id, lesson }))
	);

/** A piece of a lesson's body: HTML, or a check-yourself question. */
export type LessonPart =
	| { kind: 'html'; html: string }
	| { kind: 'check'; island: Island<ComponentProps<typeof CheckYourself>> };

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
		const view = questionView(course, embedded.question);
		return {
			kind: 'check',
			island: renderIsland(CheckYourself, {
				view,
				courseId: course.id,
				practice: embedded.practice
			})
		};
	});
	// Everything but the islands is static: the page shows it as HTML and has no code for it.
	return {
		course: { id: course.id, title: course.title },
		lesson: {
			id: lesson.id,
			title: lesson.title,
			summary: lesson.summary,
			intro: staticHtml(LessonIntro, {
				title: lesson.title,
				minutes: lesson.minutes,
				topics: lesson.topics.map((id) => topicTitle.get(id) ?? id),
				objectives: lesson.objectives,
				sections: lesson.sections.map(({ id, title }) => ({ id, title })),
				position: { index: index + 1, total: course.lessonOrder.length }
			}),
			body,
			close: staticHtml(LessonClose, { keyTerms: lesson.keyTerms, summary: lesson.summary }),
			markDone: renderIsland(MarkDone, { courseId: course.id, lessonId: lesson.id })
		},
		pager: staticHtml(LessonPager, {
			courseId: course.id,
			previous: neighbour(course.lessonOrder[index - 1]),
			next: neighbour(course.lessonOrder[index + 1]),
			nextQuiz: quiz ? { id: quiz.id, title: quiz.title } : undefined
		})
	};
};
