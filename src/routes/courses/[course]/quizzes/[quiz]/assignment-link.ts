/**
 * A quiz opened from an assignment link: the assignment, with its settings applied to the quiz,
 * or why it does not apply, and the notice that says so. Loaded only when the address carries an
 * assignment.
 */
import type { Component } from 'svelte';
import type { QuizView } from '$lib/content/quiz-view';
import { decodeAssignment, type Assignment } from '$lib/assign/assignment';
import { applyAssignment, assignsQuiz } from '$lib/assign/apply';
import AssignmentNotice from './AssignmentNotice.svelte';

export type AssignmentLink =
	| { assignment: Assignment; quiz: QuizView; problem?: undefined }
	| { assignment?: undefined; quiz?: undefined; problem: string };

/** An assignment link with the component that shows it above the quiz. */
export type ShownLink = AssignmentLink & { Notice: Component<{ link: AssignmentLink }> };

/** Reads the assignment in `hash` (`#a1.…`) for `quiz`. */
export async function readAssignmentLink(hash: string, quiz: QuizView): Promise<ShownLink> {
	const decoded = await decodeAssignment(hash);
	const Notice = AssignmentNotice;
	if (!decoded.ok) return { problem: decoded.message, Notice };
	if (!assignsQuiz(decoded.assignment, quiz.courseId, quiz.id)) {
		const problem = 'This quiz is not part of the assignment in the link, so it runs on its own.';
		return { problem, Notice };
	}
	const assignment = decoded.assignment;
	return { assignment, quiz: applyAssignment(quiz, assignment), Notice };
}
