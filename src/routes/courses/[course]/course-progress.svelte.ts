/** This learner's state of every quiz in a course, read from IndexedDB after the page loads. */
import { SvelteMap } from 'svelte/reactivity';
import { allAttempts, openCoursekitDB } from '$lib/progress/db';
import { quizState, type QuizState } from '$lib/progress/quiz-state';
import type { Attempt } from '$lib/quiz/attempt';

export class CourseProgress {
	/** Quiz id → state; empty until loaded (and when storage is unavailable). */
	readonly quizzes = new SvelteMap<string, QuizState>();

	async load(courseId: string, passMarks: Map<string, number>) {
		let attempts: Attempt[];
		try {
			attempts = (await allAttempts(await openCoursekitDB())).filter(
				(a) => a.courseId === courseId
			);
		} catch {
			return;
		}
		for (const [quizId, passMark] of passMarks) {
			this.quizzes.set(
				quizId,
				quizState(
					attempts.filter((a) => a.quizId === quizId),
					passMark
				)
			);
		}
	}
}
