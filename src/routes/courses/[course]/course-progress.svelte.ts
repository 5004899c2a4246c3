/** This learner's state of every quiz in a course, from the learner store once it has loaded. */
import { SvelteMap } from 'svelte/reactivity';
import { quizState, type QuizState } from '$lib/progress/quiz-state';
import type { StoreSlot } from '$lib/progress/slot.svelte';

export class CourseProgress {
	constructor(
		private readonly slot: StoreSlot,
		private readonly courseId: () => string,
		private readonly passMarks: () => ReadonlyMap<string, number>
	) {}

	/** Quiz id → state; empty until storage has answered (and when it is unavailable). */
	readonly quizzes: ReadonlyMap<string, QuizState> = $derived.by(() => {
		const store = this.slot.current;
		if (store?.status !== 'ready') return new SvelteMap();
		return new SvelteMap(
			[...this.passMarks()].map(([quizId, passMark]) => [
				quizId,
				quizState(store.attemptsFor(this.courseId(), quizId), passMark)
			])
		);
	});
}
