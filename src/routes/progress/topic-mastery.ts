/**
 * What mastery per topic needs in the browser: the banks' loader (with zod) and the grading code.
 * The progress page imports it only when the learner has submitted attempts.
 */
import type { Question } from '$lib/content/schema';
import type { Attempt } from '$lib/quiz/attempt';
import { gradedAnswers, masteryByTopic } from '$lib/results/mastery';

export { fetchBank } from '$lib/results/fetch-bank';
export { questionIndex } from '$lib/results/bank';

/** Mastery per topic of `attempts`, graded against `questions` (question id → question). */
export const topicMastery = (
	attempts: readonly Attempt[],
	questions: ReadonlyMap<string, Question>
) => masteryByTopic(gradedAnswers(attempts, questions));
