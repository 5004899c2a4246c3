/**
 * One answered question as a SCORM interaction (`cmi.interactions.n`), in neither version's
 * format yet (`scorm-fields.ts` writes it for one). Our seven question types map onto five
 * interaction types that both versions define: single and multiple → choice, truefalse →
 * true-false, text → fill-in, match and classify → matching, order → sequencing.
 */
import type { Question } from '../content/schema.ts';
import {
	classifyCategories,
	classifyItems,
	classifyKey,
	matchKey,
	matchLefts,
	matchRights,
	orderItems
} from '../quiz/choices.ts';
import { correctAnswer, gradeAnswer } from '../quiz/grade.ts';
import { own } from '../own.ts';

export type InteractionResult = 'correct' | 'incorrect' | 'unanticipated' | 'neutral' | number;
export type Pairs = readonly (readonly [string, string])[];

/** A question's interaction in neither version's format yet; an empty response is "none". */
export type ScormInteraction = {
	/** The question id. */
	id: string;
	result: InteractionResult;
	/** Milliseconds from showing the question to the answer. */
	latency?: number;
} & (
	| {
			type: 'choice' | 'sequencing';
			/** Every option or item id, as authored (for 1.2's positional characters). */
			choices: readonly string[];
			learnerResponse: readonly string[];
			correctPattern: readonly string[];
	  }
	| { type: 'true-false'; learnerResponse: boolean | undefined; correctPattern: boolean }
	| {
			type: 'fill-in';
			learnerResponse: string;
			/** Every accepted answer: each becomes a correct response pattern of its own. */
			correctPattern: readonly string[];
			/** The question is strict (`match: strict`): 2004's patterns say `case_matters=true`. */
			caseMatters?: boolean;
	  }
	| {
			type: 'matching';
			sources: readonly string[];
			targets: readonly string[];
			learnerResponse: Pairs;
			correctPattern: Pairs;
	  }
);

/** The result of a graded answer: correct, incorrect, or the share of credit when partial. */
export function resultOf(score: number): InteractionResult {
	if (score === 1) return 'correct';
	if (score === 0) return 'incorrect';
	return Math.round(score * 10000) / 10000;
}

const strings = (answer: unknown): string[] =>
	Array.isArray(answer) ? answer.filter((a): a is string => typeof a === 'string') : [];

/** The pairs of a match or classify answer, in the order of `sources`. */
const pairsOf = (answer: unknown, sources: readonly string[]): [string, string][] =>
	typeof answer === 'object' && answer !== null && !Array.isArray(answer)
		? sources.flatMap((source) => {
				const target = own(answer as Record<string, unknown>, source);
				return typeof target === 'string' ? [[source, target] as [string, string]] : [];
			})
		: [];

/** The interaction of `question` answered with `answer` (as the quiz stores it). */
export function interactionOf(
	question: Question,
	answer: unknown,
	latency?: number
): ScormInteraction {
	const base = { id: question.id, result: resultOf(gradeAnswer(question, answer)), latency };
	const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);
	switch (question.type) {
		case 'single':
		case 'multiple':
			return {
				...base,
				type: 'choice',
				choices: ids(question.options),
				learnerResponse: typeof answer === 'string' ? [answer] : strings(answer),
				correctPattern: strings([correctAnswer(question)].flat())
			};
		case 'truefalse':
			return {
				...base,
				type: 'true-false',
				learnerResponse: typeof answer === 'boolean' ? answer : undefined,
				correctPattern: question.answer
			};
		case 'text':
			return {
				...base,
				type: 'fill-in',
				learnerResponse: typeof answer === 'string' ? answer : '',
				correctPattern: question.answers,
				...(question.match === 'strict' ? { caseMatters: true } : {})
			};
		case 'order':
			return {
				...base,
				type: 'sequencing',
				choices: ids(orderItems(question)),
				learnerResponse: strings(answer),
				correctPattern: ids(orderItems(question))
			};
		case 'match':
		case 'classify': {
			const [sources, targets, key] =
				question.type === 'match'
					? [ids(matchLefts(question)), ids(matchRights(question)), matchKey(question)]
					: [
							ids(classifyItems(question)),
							ids(classifyCategories(question)),
							classifyKey(question)
						];
			return {
				...base,
				type: 'matching',
				sources,
				targets,
				learnerResponse: pairsOf(answer, sources),
				correctPattern: key
			};
		}
	}
}
