import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { question } from '../testing/builders.ts';
import { classMastery, masteryByTopic, type MasteryAttempt } from './mastery.ts';

// Quizzes A and B share a question (`q2`), under a different topic in each, so that one group can
// mix topics; C and D share none; `q9` is in none of them.
const quizOf = (...questions: [string, string][]) =>
	new Map(questions.map(([id, topic]) => [id, question('truefalse', { id, topic })]));
const quizA = quizOf(['q1', 'a'], ['q2', 'b']);
const quizB = quizOf(['q2', 'c'], ['q3', 'a']);
const quizC = quizOf(['q4', 'a'], ['q5', 'c']);
const quizD = quizOf(['q6', 'b']);

const aScore = fc.constantFrom(0, 0.25, 1 / 3, 0.5, 1);
const anAttempt = fc
	.record({
		learnerId: fc.constantFrom('ada', 'bob', 'cy'),
		// Few distinct times, so that groups hold answers given at the same time.
		at: fc.constantFrom(
			'2026-11-25T10:00:00.000Z',
			'2026-11-25T11:00:00.000Z',
			'2026-11-26T09:30:00.000Z'
		),
		questions: fc.constantFrom(quizA, quizB, quizC, quizD),
		// Now and then a score for a question the quiz lacks.
		stray: fc.option(fc.constantFrom('q1', 'q4', 'q9'), { freq: 8 })
	})
	.chain(({ stray, ...attempt }) =>
		fc
			.dictionary(fc.constantFrom(...attempt.questions.keys(), ...(stray ? [stray] : [])), aScore)
			.map((scores) => ({ ...attempt, scores }))
	);

describe('a class’s mastery', () => {
	it('is masteryByTopic of each learner’s answers grouped per question, whatever the class', () => {
		fc.assert(
			fc.property(fc.array(anAttempt, { maxLength: 12 }), (attempts: MasteryAttempt[]) => {
				const answers = attempts.flatMap(({ learnerId, at, scores, questions }) =>
					Object.entries(scores).map(([questionId, score]) => ({
						questionId: `${learnerId}/${questionId}`,
						topic: questions.get(questionId)?.topic ?? '?',
						score,
						at
					}))
				);
				// Exactly equal, floating error included: the sums run in the same order.
				expect(classMastery(attempts)).toEqual(masteryByTopic(answers));
			}),
			{ numRuns: 500 }
		);
	});

	it('weighs a learner’s newest answer to a question most, and keeps learners apart', () => {
		const at = (hour: number) => `2026-11-25T${String(hour).padStart(2, '0')}:00:00.000Z`;
		const mastery = classMastery([
			{ learnerId: 'ada', at: at(9), scores: { q1: 0 }, questions: quizA },
			{ learnerId: 'bob', at: at(10), scores: { q1: 1 }, questions: quizA },
			{ learnerId: 'ada', at: at(11), scores: { q1: 1 }, questions: quizA }
		]);
		// Ada: right now (1), wrong before (½); Bob: right (1) → (1 + 0 + 1) / 2.5.
		expect(mastery).toEqual([{ topic: 'a', mastery: 2 / 2.5, answers: 3, questions: 2 }]);
	});
});
