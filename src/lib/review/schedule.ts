/**
 * Spaced repetition with FSRS (ts-fsrs). A question's card is derived, not stored: every graded
 * answer to it — in a quiz or in a review — is replayed in time order through the scheduler.
 * Only review ratings are stored; quiz answers already are. A wrong answer is rated Again (due
 * again within minutes), a partly right one Hard, a right one Good unless the learner says
 * Hard or Easy.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { Question } from '../content/schema.ts';
import type { Attempt } from '../quiz/attempt.ts';
import { gradeQuestions } from '../quiz/grade.ts';

export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

/** A review answer, as stored. */
export interface ReviewEvent {
	id: string;
	courseId: string;
	questionId: string;
	at: string;
	rating: ReviewRating;
}

export interface ReviewCard {
	courseId: string;
	questionId: string;
	topic: string;
	due: Date;
	/** How many times it was answered wrongly after being learned. */
	lapses: number;
	reps: number;
	card: Card;
}

const GRADE: Record<ReviewRating, Grade> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

// No fuzz: the same history always gives the same due date (and testable schedules).
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

/** The rating a graded answer earns when the learner gives none. */
export const ratingForScore = (score: number): ReviewRating =>
	score >= 1 ? 'good' : score > 0 ? 'hard' : 'again';

/** Every question answered in submitted attempts or reviews, with its card as of now. */
export function buildCards(
	attempts: readonly Attempt[],
	reviews: readonly ReviewEvent[],
	questions: ReadonlyMap<string, Question>
): ReviewCard[] {
	const events: { courseId: string; questionId: string; at: string; rating: ReviewRating }[] = [];
	for (const attempt of attempts) {
		if (!attempt.submittedAt) continue;
		for (const { questionId, question, answered, score } of gradeQuestions(attempt, questions)) {
			if (!question || !answered) continue;
			events.push({
				courseId: attempt.courseId,
				questionId,
				at: attempt.submittedAt,
				rating: ratingForScore(score)
			});
		}
	}
	events.push(...reviews.filter((r) => questions.has(r.questionId)));
	events.sort((a, b) => a.at.localeCompare(b.at));
	const cards = new Map<string, ReviewCard>();
	for (const event of events) {
		const at = new Date(event.at);
		const current: Card = cards.get(event.questionId)?.card ?? createEmptyCard<Card>(at);
		const { card } = scheduler.next(current, at, GRADE[event.rating]);
		cards.set(event.questionId, {
			courseId: event.courseId,
			questionId: event.questionId,
			topic: questions.get(event.questionId)!.topic,
			due: card.due,
			lapses: card.lapses,
			reps: card.reps,
			card
		});
	}
	return [...cards.values()];
}

/** Cards due at `now` (optionally of one topic), most overdue first, at most `limit`. */
export function dueCards(
	cards: readonly ReviewCard[],
	now: Date,
	options: { topic?: string; limit?: number } = {}
): ReviewCard[] {
	return cards
		.filter(
			(c) => c.due.getTime() <= now.getTime() && (!options.topic || c.topic === options.topic)
		)
		.sort((a, b) => a.due.getTime() - b.due.getTime() || a.questionId.localeCompare(b.questionId))
		.slice(0, options.limit ?? Infinity);
}

/** When a card would next be due after answering it now with `rating`. */
export function nextDue(card: ReviewCard, now: Date, rating: ReviewRating): Date {
	return scheduler.next(card.card, now, GRADE[rating]).card.due;
}
