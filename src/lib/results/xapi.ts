/**
 * xAPI 1.0.3 statements of a learner's results: per attempt `attempted`, `answered` for every
 * question (a cmi.interaction with its interactionType and correctResponsesPattern), `completed`,
 * then `passed` or `failed`. Activity ids are IRIs under `baseIri` (the site's address).
 */
import type { Question } from '../content/schema.ts';
import {
	classifyCategories,
	classifyItems,
	matchLefts,
	matchRights,
	orderItems
} from '../quiz/choices.ts';
import { correctAnswer, givenAnswer } from '../quiz/grade.ts';
import { effectivePassMark, passes, scoreAttempt } from '../quiz/score.ts';
import { fnv1a64 } from '../quiz/hash.ts';
import type { ResultsFile } from './schema.ts';

const VERB = (name: string) => ({
	id: `http://adlnet.gov/expapi/verbs/${name}`,
	display: { 'en-US': name }
});
const en = (text: string) => ({ 'en-US': text.replace(/[*_`]/g, '') });

export interface QuizMeta {
	title: string;
	passMark: number;
	questions: ReadonlyMap<string, Question>;
}

/** A UUID (version-4 layout) derived from `seed`, so that the same results give the same ids. */
export function statementId(seed: string): string {
	const hex = (fnv1a64(seed) + fnv1a64(`${seed}#2`)).split('');
	hex[12] = '4';
	hex[16] = '89ab'[parseInt(hex[16], 16) % 4];
	const h = hex.join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const list = (items: { id: string; text: string }[]) =>
	items.map((c) => ({ id: c.id, description: en(c.text) }));
const pairs = (record: Record<string, string>) =>
	Object.entries(record)
		.map(([left, right]) => `${left}[.]${right}`)
		.join('[,]');

/** The interaction definition of a question: type, choices, and the right response pattern. */
export function interaction(question: Question) {
	const base = {
		type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
		name: en(question.id),
		description: en(question.prompt)
	};
	switch (question.type) {
		case 'single':
		case 'multiple':
			return {
				...base,
				interactionType: 'choice',
				choices: list(question.options),
				correctResponsesPattern: [response(correctAnswer(question))]
			};
		case 'truefalse':
			return {
				...base,
				interactionType: 'true-false',
				correctResponsesPattern: [String(question.answer)]
			};
		case 'text':
			return {
				...base,
				interactionType: 'fill-in',
				correctResponsesPattern: question.answers.map(
					(a) => `{case_matters=${question.match === 'strict'}}${a}`
				)
			};
		case 'order':
			return {
				...base,
				interactionType: 'sequencing',
				choices: list(orderItems(question)),
				correctResponsesPattern: [
					orderItems(question)
						.map((item) => item.id)
						.join('[,]')
				]
			};
		case 'match':
			return {
				...base,
				interactionType: 'matching',
				source: list(matchLefts(question)),
				target: list(matchRights(question)),
				correctResponsesPattern: [pairs(correctAnswer(question) as Record<string, string>)]
			};
		case 'classify':
			return {
				...base,
				interactionType: 'matching',
				source: list(classifyItems(question)),
				target: list(classifyCategories(question)),
				correctResponsesPattern: [pairs(correctAnswer(question) as Record<string, string>)]
			};
	}
}

/** A learner's answer in the xAPI response format of its interaction type. */
export function response(answer: unknown): string {
	if (typeof answer === 'boolean') return String(answer);
	if (typeof answer === 'string') return answer;
	if (Array.isArray(answer)) return answer.join('[,]');
	if (answer && typeof answer === 'object') return pairs(answer as Record<string, string>);
	return '';
}

export interface XapiOptions {
	/**
	 * Assignments whose pass mark wins over the quiz's for their attempts (an attempt is for the
	 * assignment it names, else for the results file's).
	 */
	assignments?: readonly { id: string; passMark?: number }[];
}

/** Every statement of a results file. `quizzes` is keyed `courseId/quizId`. */
export function xapiStatements(
	file: ResultsFile,
	quizzes: ReadonlyMap<string, QuizMeta>,
	baseIri: string,
	options: XapiOptions = {}
) {
	const { learner } = file;
	const assignmentPassMark = (attempt: ResultsFile['attempts'][number]) => {
		const id = attempt.assignmentId ?? file.assignmentId;
		return options.assignments?.find((a) => a.id === id)?.passMark;
	};
	const actor = learner.email
		? {
				objectType: 'Agent',
				...(learner.name ? { name: learner.name } : {}),
				mbox: `mailto:${learner.email}`
			}
		: {
				objectType: 'Agent',
				...(learner.name ? { name: learner.name } : {}),
				account: { homePage: baseIri, name: learner.id }
			};
	const root = baseIri.replace(/\/$/, '');
	return file.attempts.flatMap((attempt) => {
		const meta = quizzes.get(`${attempt.courseId}/${attempt.quizId}`);
		if (!meta) return [];
		const quizIri = `${root}/courses/${attempt.courseId}/quizzes/${attempt.quizId}`;
		const quiz = {
			objectType: 'Activity',
			id: quizIri,
			definition: { type: 'http://adlnet.gov/expapi/activities/assessment', name: en(meta.title) }
		};
		const context = {
			registration: statementId(attempt.attemptId),
			contextActivities: { parent: [{ objectType: 'Activity', id: quizIri }] }
		};
		const id = (part: string) => statementId(`${attempt.attemptId}/${part}`);
		// Questions the content no longer has get no `answered` statement and no share of the score.
		const scored = scoreAttempt(attempt, meta.questions);
		const answered = scored.questions.map(({ questionId, question, score }) => ({
			id: id(questionId),
			actor,
			verb: VERB('answered'),
			object: {
				objectType: 'Activity',
				id: `${quizIri}/questions/${questionId}`,
				definition: interaction(question)
			},
			result: {
				response: response(givenAnswer(attempt.answers, questionId)),
				success: score === 1,
				score: { scaled: score }
			},
			context,
			timestamp: attempt.submittedAt
		}));
		const raw = scored.questions.reduce((sum, q) => sum + q.score, 0);
		const max = scored.graded;
		const scaled = scored.score;
		const passed = passes(scaled, effectivePassMark(meta.passMark, assignmentPassMark(attempt)));
		const result = { score: { scaled, raw, min: 0, max }, completion: true, success: passed };
		return [
			{
				id: id('attempted'),
				actor,
				verb: VERB('attempted'),
				object: quiz,
				context: { registration: context.registration },
				timestamp: attempt.startedAt
			},
			...answered,
			{
				id: id('completed'),
				actor,
				verb: VERB('completed'),
				object: quiz,
				result,
				context: { registration: context.registration },
				timestamp: attempt.submittedAt
			},
			{
				id: id(passed ? 'passed' : 'failed'),
				actor,
				verb: VERB(passed ? 'passed' : 'failed'),
				object: quiz,
				result,
				context: { registration: context.registration },
				timestamp: attempt.submittedAt
			}
		];
	});
}
