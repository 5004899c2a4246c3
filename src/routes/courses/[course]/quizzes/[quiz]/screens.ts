/**
 * The quiz page's screens after the start screen, each with what it shows first (a question's
 * controls, the notices), loaded before it shows so that it shows whole. The question screen
 * comes with this code (quiz-app.ts): it is where Start and Resume lead, and one chunk fewer to
 * fetch is smaller than two (issue 13). The other screens load when the session gets to them.
 */
import type { Component, Snippet } from 'svelte';
import type { QuizView } from '$lib/content/quiz-view';
import type { QuizSession } from './quiz-session.svelte';
import QuestionScreen, { loadQuestionCode } from './QuestionScreen.svelte';

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
		await Promise.all([
			loadQuestionCode(session.quiz, attempt, attempt.current),
			// Another tab holds the attempt: the screen starts with a notice that says so.
			session.readOnly && import('./OtherTabNotice.svelte'),
			attempt.deadline && import('./Timer.svelte')
		]);
		return QuestionScreen;
	}
	if (session.phase === 'result' && attempt) return (await import('./ResultScreen.svelte')).default;
	return (await import('./OverviewScreen.svelte')).default;
}
