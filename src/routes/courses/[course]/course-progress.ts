/** This learner's state of each quiz in a course, from the learner store once it has loaded. */
import { quizState, type QuizState } from '$lib/progress/quiz-state';
import type { StoreSlot } from '$lib/progress/slot.svelte';

export class CourseProgress {
	constructor(
		private readonly slot: StoreSlot,
		private readonly courseId: () => string
	) {}

	/** The state of one quiz; undefined until storage has answered (and when it is unavailable). */
	stateOf(quizId: string, passMark: number): QuizState | undefined {
		const store = this.slot.current;
		if (store?.status !== 'ready') return undefined;
		return quizState(store.attemptsFor(this.courseId(), quizId), passMark);
	}
}
