/**
 * Mastery per topic, from graded answers, recent ones weighing more. For each question, the
 * newest answer counts with weight 1, the one before with 1/2, then 1/4, …; a topic's mastery is
 * the weighted mean of its answers' scores. So a learner who got a question wrong, then right,
 * stands at (1·1 + 0·½) / 1.5 = 67% on it, and keeps rising while they stay right.
 */
import type { Question } from '../content/schema.ts';
import type { Attempt } from '../quiz/attempt.ts';
import { gradeQuestions } from '../quiz/grade.ts';

export interface GradedAnswer {
	questionId: string;
	topic: string;
	score: number;
	/** ISO time the answer was submitted. */
	at: string;
}

export interface TopicMastery {
	topic: string;
	/** Weighted mean score in [0, 1]. */
	mastery: number;
	/** How many answers it rests on. */
	answers: number;
	/** Distinct questions answered. */
	questions: number;
}

/** Every answer of the submitted attempts, graded against the questions we know. */
export function gradedAnswers(
	attempts: readonly Attempt[],
	questions: ReadonlyMap<string, Question>
): GradedAnswer[] {
	return attempts.flatMap((attempt) => {
		const at = attempt.submittedAt;
		if (!at) return [];
		return gradeQuestions(attempt, questions).flatMap(({ questionId, question, score }) => {
			if (!question) return [];
			return [{ questionId, topic: question.topic, at, score }];
		});
	});
}

/** Mastery of each topic that has answers, in the order topics first appear. */
export function masteryByTopic(answers: readonly GradedAnswer[]): TopicMastery[] {
	const byQuestion = new Map<string, GradedAnswer[]>();
	for (const answer of answers) {
		const list = byQuestion.get(answer.questionId);
		if (list) list.push(answer);
		else byQuestion.set(answer.questionId, [answer]);
	}
	return masteryOfGroups(byQuestion.values());
}

/**
 * `masteryByTopic` of answers already grouped by question, a group of one given as the answer
 * itself (the gradebook groups a class's answers per learner and question, nearly all of one).
 */
export function masteryOfGroups(
	groups: Iterable<GradedAnswer | readonly GradedAnswer[]>
): TopicMastery[] {
	const totals = new Map<
		string,
		{ weighted: number; weight: number; answers: number; questions: number }
	>();
	for (const group of groups) {
		const list = 'topic' in group ? [group] : group;
		// A class's gradebook has hundreds of thousands of one-answer groups: no copy, no sort.
		const newestFirst =
			list.length === 1 ? list : [...list].sort((a, b) => b.at.localeCompare(a.at));
		const topic = newestFirst[0].topic;
		const total = totals.get(topic) ?? { weighted: 0, weight: 0, answers: 0, questions: 0 };
		for (let k = 0; k < newestFirst.length; k++) {
			const weight = 0.5 ** k;
			total.weighted += weight * newestFirst[k].score;
			total.weight += weight;
		}
		total.answers += list.length;
		total.questions += 1;
		if (total.questions === 1) totals.set(topic, total);
	}
	return [...totals].map(([topic, t]) => ({
		topic,
		mastery: t.weighted / t.weight,
		answers: t.answers,
		questions: t.questions
	}));
}
