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
	const totals: Totals = new Map();
	for (const list of byQuestion.values()) addGroup(totals, list);
	return masteryOf(totals);
}

/** A topic's running totals: weighted score, weight, answers and questions. */
type Totals = Map<string, { weighted: number; weight: number; answers: number; questions: number }>;

function totalOf(totals: Totals, topic: string) {
	let total = totals.get(topic);
	if (!total) totals.set(topic, (total = { weighted: 0, weight: 0, answers: 0, questions: 0 }));
	return total;
}

/** Adds the answers to one question (in the order given; the newest counts most) to its topic. */
function addGroup(totals: Totals, list: readonly Omit<GradedAnswer, 'questionId'>[]) {
	if (list.length === 1) return addOne(totals, list[0].topic, list[0].score);
	const newestFirst = [...list].sort((a, b) => b.at.localeCompare(a.at));
	const total = totalOf(totals, newestFirst[0].topic);
	for (let k = 0; k < newestFirst.length; k++) {
		const weight = 0.5 ** k;
		total.weighted += weight * newestFirst[k].score;
		total.weight += weight;
	}
	total.answers += list.length;
	total.questions += 1;
}

/** `addGroup` of a question answered once (its weight is 1), without an array. */
function addOne(totals: Totals, topic: string, score: number) {
	const total = totalOf(totals, topic);
	total.weighted += score;
	total.weight += 1;
	total.answers += 1;
	total.questions += 1;
}

const masteryOf = (totals: Totals): TopicMastery[] =>
	[...totals].map(([topic, t]) => ({
		topic,
		mastery: t.weighted / t.weight,
		answers: t.answers,
		questions: t.questions
	}));

/** The quizzes (as their questions) of `attempts` that share no question id with another. */
function quizzesApart(attempts: readonly MasteryAttempt[]) {
	const quizzes = new Set(attempts.map((a) => a.questions));
	const quizOf = new Map<string, ReadonlyMap<string, Question>>();
	const shared = new Set<string>();
	for (const quiz of quizzes)
		for (const id of quiz.keys()) {
			const other = quizOf.get(id);
			if (other === undefined) quizOf.set(id, quiz);
			else if (other !== quiz) shared.add(id);
		}
	for (const quiz of quizzes)
		for (const id of quiz.keys()) if (shared.has(id)) quizzes.delete(quiz);
	return quizzes;
}

/** One attempt of a class, as `classMastery` reads it. */
export interface MasteryAttempt {
	learnerId: string;
	/** ISO time it was submitted. */
	at: string;
	/** Question id → its score. */
	scores: Readonly<Record<string, number>>;
	/** The quiz's questions, which give each question's topic. */
	questions: ReadonlyMap<string, Question>;
}

/**
 * A class's mastery per topic: what `masteryByTopic` gives for each learner's answers grouped per
 * question, the groups in the order their first answers come in `attempts`. A class has hundreds
 * of thousands of answers, nearly every group of one: each answer has a place in the class's
 * order, a group is kept at the place of its first answer (in columns, not as an object), and the
 * groups are found learner by learner with one small map rather than a map per learner.
 */
export function classMastery(attempts: readonly MasteryAttempt[]): TopicMastery[] {
	// Where each attempt's answers start in the class's order, and each learner's attempts.
	const starts: number[] = [];
	const byLearner = new Map<string, number[]>();
	let places = 0;
	for (let i = 0; i < attempts.length; i++) {
		starts.push(places);
		places += Object.keys(attempts[i].scores).length;
		const list = byLearner.get(attempts[i].learnerId);
		if (list) list.push(i);
		else byLearner.set(attempts[i].learnerId, [i]);
	}
	/** When the answer at `place` was given: the time of its attempt, found by bisection. */
	const atOf = (place: number) => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (starts[middle] <= place) low = middle;
			else high = middle - 1;
		}
		return attempts[low].at;
	};
	// Each group's first answer, at its place; a place without a topic joined an earlier group.
	const topics: (string | undefined)[] = new Array(places);
	const scores = new Float64Array(places);
	// The groups of more than one answer, by place: their answers, in the order they came.
	const groups = new Map<number, Omit<GradedAnswer, 'questionId'>[]>();
	const apart = quizzesApart(attempts);
	/**
	 * A learner's attempts at quizzes that share no question, once each, answer each question
	 * once: every answer starts a group, and no lookup is needed. False when an attempt has a
	 * score for a question its quiz lacks (which may be anywhere): `placeByQuestion` then redoes
	 * the learner, and every answer placed here before it stopped starts a group there too.
	 */
	const placeApart = (list: readonly number[]) => {
		if (list.length > apart.size) return false;
		for (let k = 0; k < list.length; k++) {
			const { questions } = attempts[list[k]];
			if (!apart.has(questions)) return false;
			for (let j = 0; j < k; j++) if (attempts[list[j]].questions === questions) return false;
		}
		for (const i of list) {
			const { scores: given, questions } = attempts[i];
			let place = starts[i];
			for (const questionId of Object.keys(given)) {
				const topic = questions.get(questionId)?.topic;
				if (topic === undefined) return false;
				topics[place] = topic;
				scores[place++] = given[questionId];
			}
		}
		return true;
	};
	const placeOf = new Map<string, number>();
	/** Any learner's attempts: each answer's group found by its question. */
	const placeByQuestion = (list: readonly number[]) => {
		placeOf.clear();
		for (const i of list) {
			const { at, scores: given, questions } = attempts[i];
			let place = starts[i];
			for (const questionId of Object.keys(given)) {
				const topic = questions.get(questionId)?.topic ?? '?';
				const first = placeOf.get(questionId);
				if (first === undefined) {
					placeOf.set(questionId, place);
					topics[place] = topic;
					scores[place] = given[questionId];
				} else {
					const answer = { topic, score: given[questionId], at };
					const later = groups.get(first);
					if (later) later.push(answer);
					else
						groups.set(first, [
							{ topic: topics[first]!, score: scores[first], at: atOf(first) },
							answer
						]);
				}
				place++;
			}
		}
	};
	for (const list of byLearner.values()) if (!placeApart(list)) placeByQuestion(list);
	const totals: Totals = new Map();
	for (let place = 0; place < places; place++) {
		const topic = topics[place];
		if (topic === undefined) continue;
		const group = groups.size ? groups.get(place) : undefined;
		if (group) addGroup(totals, group);
		else addOne(totals, topic, scores[place]);
	}
	return masteryOf(totals);
}
