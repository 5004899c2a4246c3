/**
 * The quiz page beyond its start screen, loaded when it is needed (QuizRunner.svelte): the
 * learner's session, the assignment in the link, and each screen's code, loaded before the
 * screen shows so that it shows whole.
 */
import type { QuizView } from '$lib/content/quiz-view';
import type { LearnerStore } from '$lib/progress/store.svelte';
import { QuizSession } from './quiz-session.svelte';
import QuizApp from './QuizApp.svelte';
import type { ShownLink } from './assignment-link';
import { loadScreen } from './screens';

export interface OpenQuiz {
	QuizApp: typeof QuizApp;
	session: QuizSession;
	link: ShownLink | null;
	/** Loads the code of the screen the session is on. */
	ready(): Promise<void>;
	/** Starts an attempt (unless one is in progress, or none is left), then `ready()`. */
	begin(): Promise<void>;
}

/** Opens the learner's session at `quiz` (with the assignment in `hash`, if any). */
export async function openQuiz(
	quiz: QuizView,
	store: LearnerStore,
	hash: string
): Promise<OpenQuiz> {
	const link = /^#a1\./.test(hash)
		? await import('./assignment-link').then((code) => code.readAssignmentLink(hash, quiz))
		: null;
	const session = new QuizSession(link?.quiz ?? quiz, store, link?.assignment?.id);
	await session.init();
	const ready = async () => {
		await loadScreen(session);
	};
	return {
		QuizApp,
		session,
		link,
		ready,
		async begin() {
			if (!session.inProgress && session.attemptsLeft > 0) await session.start();
			await ready();
		}
	};
}
