/**
 * Grading of every question type, exactly as DESIGN.md's scoring table says. Pure and total:
 * an answer of the wrong shape, or none, scores 0; nothing here throws.
 */
import type { Question } from '../content/schema.ts';
import { classifyKey, matchKey, orderItems } from './choices.ts';
import { own } from '../own.ts';
import { acceptsText } from './text-answer.ts';

export { normaliseText } from './text-answer.ts';

/** What a student gives, by question type (stored by id, never by position). */
export type Answer =
	| string // single: an option id; text: the typed text
	| string[] // multiple: option ids; order: item ids in the student's order
	| boolean // truefalse
	| Record<string, string>; // match: left id → right id; classify: item id → category id

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every(isString);
const isStringRecord = (value: unknown): value is Record<string, string> =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	Object.values(value).every(isString);

/** The share of keys whose answer equals the expected value. */
function shareCorrect(answer: Record<string, string>, expected: [string, string][]): number {
	const right = expected.filter(([key, value]) => own(answer, key) === value).length;
	return right / expected.length;
}

/**
 * What `score` compares a question's answers with (its key; for a text question, the verdicts on
 * texts already typed), built once per question: the gradebook grades thousands of answers to each.
 */
const keys = new WeakMap<Question, unknown>();
function keyOf<Q extends Question, T>(question: Q, build: (question: Q) => T): T {
	let key = keys.get(question) as T | undefined;
	if (key === undefined) keys.set(question, (key = build(question)));
	return key;
}

const correctIds = (q: Extract<Question, { type: 'multiple' }>) =>
	new Set(q.options.filter((o) => o.correct).map((o) => o.id));
const orderIds = (q: Extract<Question, { type: 'order' }>) => orderItems(q).map((item) => item.id);

/** The score of one answer, in [0, 1]. */
export function gradeAnswer(question: Question, answer: unknown): number {
	try {
		return clamp(score(question, answer));
	} catch {
		return 0;
	}
}

function clamp(score: number): number {
	return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

function score(question: Question, answer: unknown): number {
	switch (question.type) {
		case 'single':
			return isString(answer) && question.options.some((o) => o.correct && o.id === answer) ? 1 : 0;
		case 'multiple': {
			if (!isStringArray(answer)) return 0;
			const correct = keyOf(question, correctIds);
			const picks = new Set(answer);
			let right = 0;
			let wrong = 0;
			for (const pick of picks) {
				if (correct.has(pick)) right++;
				else wrong++;
			}
			return (right - wrong) / correct.size;
		}
		case 'truefalse':
			return answer === question.answer ? 1 : 0;
		case 'text': {
			if (!isString(answer)) return 0;
			// A class types the same few texts: each is judged once (capped, for a stream of others).
			const verdicts = keyOf(question, () => new Map<string, number>());
			if (verdicts.size > 999) verdicts.clear();
			let verdict = verdicts.get(answer);
			if (verdict === undefined)
				verdicts.set(answer, (verdict = acceptsText(question, answer) ? 1 : 0));
			return verdict;
		}
		case 'match':
			return isStringRecord(answer) ? shareCorrect(answer, keyOf(question, matchKey)) : 0;
		case 'classify':
			return isStringRecord(answer) ? shareCorrect(answer, keyOf(question, classifyKey)) : 0;
		case 'order': {
			if (!isStringArray(answer)) return 0;
			const ids = keyOf(question, orderIds);
			return ids.filter((id, i) => answer[i] === id).length / ids.length;
		}
		default:
			return 0;
	}
}

/** The answer that scores 1: the key, in the shape a student gives. */
export function correctAnswer(question: Question): Answer {
	switch (question.type) {
		case 'single':
			return question.options.find((o) => o.correct)!.id;
		case 'multiple':
			return question.options.filter((o) => o.correct).map((o) => o.id);
		case 'truefalse':
			return question.answer;
		case 'text':
			return question.answers[0]; // the model answer: the first listed
		case 'match':
			return Object.fromEntries(matchKey(question));
		case 'classify':
			return Object.fromEntries(classifyKey(question));
		case 'order':
			return orderItems(question).map((item) => item.id);
	}
}

/** The answer given to `questionId`, or undefined (own properties only, never the prototype). */
export function givenAnswer(answers: Record<string, unknown>, questionId: string): unknown {
	return own(answers, questionId);
}

export interface GradedQuestion {
	questionId: string;
	/** Undefined when the content has no such question. */
	question: Question | undefined;
	answered: boolean;
	/** 0 when unanswered or unknown. */
	score: number;
}

/** Grades each presented question of an attempt (or a handed-in one) against `questions`. */
export function gradeQuestions(
	presented: { questionIds: readonly string[]; answers: Record<string, unknown> },
	questions: ReadonlyMap<string, Question>
): GradedQuestion[] {
	return presented.questionIds.map((questionId) => {
		const question = questions.get(questionId);
		const given = givenAnswer(presented.answers, questionId);
		const answered = given !== undefined;
		return {
			questionId,
			question,
			answered,
			score: question && answered ? gradeAnswer(question, given) : 0
		};
	});
}
