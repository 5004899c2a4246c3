/**
 * A lesson's "check yourself" question from the ungraded practice pool, answered: the answer
 * becomes a review event (rated from its grade, as a quiz answer would be) and the question's
 * review card is scheduled, so that /review brings it back. Loaded when the learner checks an
 * answer, never with the lesson: it pulls in the scheduler.
 */
import type { Question } from '../content/schema.ts';
import type { LearnerStore } from '../progress/store.svelte.ts';
import { gradeAnswer } from '../quiz/grade.ts';
import { nowIso } from '../dates.ts';
import { buildCards, ratingForScore, type ReviewEvent } from './schedule.ts';

/** Stores the practice answer and schedules its card; resolves to false if it was not stored. */
export async function recordPractice(
	store: LearnerStore,
	courseId: string,
	question: Question,
	answer: unknown
): Promise<boolean> {
	const at = nowIso();
	const event: ReviewEvent = {
		id: `practice-${question.id}-${at}`,
		courseId,
		questionId: question.id,
		at,
		rating: ratingForScore(gradeAnswer(question, answer))
	};
	const saved = await store.saveReview(event);
	const cards = buildCards(
		store.attempts,
		store.reviews.filter((r) => r.questionId === question.id),
		new Map([[question.id, question]])
	);
	return (await store.setDue(cards)) && saved;
}
