/** What the course page says about each quiz: not started, in progress, best score, passed. */
import type { Attempt } from '$lib/quiz/attempt';
import type { LearnerStore } from './store.svelte.ts';
import { passes } from '$lib/quiz/pass';

export type QuizState =
	| { kind: 'not-started' }
	| { kind: 'in-progress'; answered: number; total: number; best?: number; passed: boolean }
	| { kind: 'taken'; best: number; attempts: number; passed: boolean };

/** The state of one quiz from this learner's attempts at it. */
export function quizState(attempts: readonly Attempt[], passMark: number): QuizState {
	const submitted = attempts.filter((a) => a.submittedAt !== undefined);
	const best = submitted.length ? Math.max(...submitted.map((a) => a.score ?? 0)) : undefined;
	const passed = best !== undefined && passes(best, passMark);
	const open = attempts.find((a) => a.submittedAt === undefined);
	if (open) {
		return {
			kind: 'in-progress',
			answered: Object.keys(open.answers).length,
			total: open.questionIds.length,
			best,
			passed
		};
	}
	if (best === undefined) return { kind: 'not-started' };
	return { kind: 'taken', best, attempts: submitted.length, passed };
}

/** The state of a quiz from the learner store; undefined until storage has answered. */
export function quizProgress(
	store: Pick<LearnerStore, 'status' | 'attemptsFor'> | null,
	courseId: string,
	quizId: string,
	passMark: number
): QuizState | undefined {
	if (store?.status !== 'ready') return undefined;
	return quizState(store.attemptsFor(courseId, quizId), passMark);
}

/** A short sentence for the state, e.g. "Passed · best 90% (2 attempts)". */
export function describeQuizState(state: QuizState): string {
	const pct = (x: number) => `${Math.round(x * 100)}%`;
	switch (state.kind) {
		case 'not-started':
			return 'Not started';
		case 'in-progress':
			return (
				`In progress: ${state.answered} of ${state.total} answered` +
				(state.best !== undefined ? ` · best so far ${pct(state.best)}` : '')
			);
		case 'taken':
			return `${state.passed ? 'Passed' : 'Not passed yet'} · best ${pct(state.best)} (${state.attempts} attempt${state.attempts === 1 ? '' : 's'})`;
	}
}
