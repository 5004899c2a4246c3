/**
 * The quiz page's screens after the start screen, each loaded when the session gets to it, with
 * what it shows first (a question's controls), so that it shows whole.
 */
import type { Component, Snippet } from 'svelte';
import type { QuizView } from '$lib/content/quiz-view';
import type { QuizSession } from './quiz-session.svelte';

/** The start screen with its controls (StartScreen.svelte, rendered by the page's own code). */
export type About = Snippet<[quiz: QuizView, attemptsLeft: string, controls: Snippet]>;

export interface ScreenProps {
	session: QuizSession;
	about: About;
}

/** The screen for the session's phase, loaded with what it needs to show. */
export async function loadScreen(session: QuizSession): Promise<Component<ScreenProps>> {
	const attempt = session.attempt;
	if (session.phase === 'question' && attempt) {
		const [screen] = await Promise.all([
			import('./QuestionScreen.svelte'),
			// Another tab holds the attempt: the screen starts with a notice that says so.
			session.readOnly && import('./OtherTabNotice.svelte')
		]);
		await screen.loadQuestionCode(session.quiz, attempt, attempt.current);
		return screen.default;
	}
	if (session.phase === 'result' && attempt) return (await import('./ResultScreen.svelte')).default;
	return (await import('./OverviewScreen.svelte')).default;
}
