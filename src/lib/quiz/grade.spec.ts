import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { correctAnswer, gradeAnswer, gradeQuestions } from './grade.ts';
import { everyType, question } from '../testing/builders.ts';
import { loadCourses } from '../content/load.ts';
import { readContentFiles } from '../content/read-dir.ts';

describe('gradeAnswer, per DESIGN.md scoring', () => {
	it('single: 1 for the correct option, 0 for another', () => {
		const q = question('single');
		expect(gradeAnswer(q, 'dynamic')).toBe(1);
		expect(gradeAnswer(q, 'static')).toBe(0);
	});

	it('multiple: (right − wrong picks) / correct count, floored at 0', () => {
		const q = question('multiple');
		expect(gradeAnswer(q, ['serving', 'lite'])).toBe(1);
		expect(gradeAnswer(q, ['serving'])).toBe(0.5);
		expect(gradeAnswer(q, ['serving', 'lite', 'onnx'])).toBe(0.5);
		expect(gradeAnswer(q, ['serving', 'onnx'])).toBe(0);
		expect(gradeAnswer(q, ['torchserve', 'onnx'])).toBe(0);
		expect(gradeAnswer(q, [])).toBe(0);
		expect(gradeAnswer(q, ['lite', 'lite', 'serving'])).toBe(1);
	});

	it('truefalse: 1 only for the key', () => {
		expect(gradeAnswer(question('truefalse'), true)).toBe(1);
		expect(gradeAnswer(question('truefalse'), false)).toBe(0);
		expect(gradeAnswer(question('truefalse', { answer: false }), false)).toBe(1);
		expect(gradeAnswer(question('truefalse'), 'true')).toBe(0);
	});

	it('match: the share of correct pairs', () => {
		const q = question('match');
		const key = correctAnswer(q) as Record<string, string>;
		expect(gradeAnswer(q, key)).toBe(1);
		expect(gradeAnswer(q, { ...key, tensorflow: 'cpus-only' })).toBe(0.75);
		expect(gradeAnswer(q, { tensorflow: 'gpus-tpus' })).toBe(0.25);
	});

	it('order: the share of items in the right place', () => {
		const q = question('order');
		expect(gradeAnswer(q, ['tensorflow', 'pytorch', 'keras'])).toBe(1);
		expect(gradeAnswer(q, ['pytorch', 'tensorflow', 'keras'])).toBeCloseTo(1 / 3);
		expect(gradeAnswer(q, ['keras', 'tensorflow', 'pytorch'])).toBe(0);
	});

	it('text: trimmed, case- and space-insensitive against every accepted answer', () => {
		const q = question('text');
		for (const typed of ['TensorBoard', '  tensorboard ', 'TENSOR BOARD', 'tensor\tboard']) {
			expect(gradeAnswer(q, typed), typed).toBe(1);
		}
		expect(gradeAnswer(q, 'TorchBoard')).toBe(0);
		expect(gradeAnswer(q, '')).toBe(0);
	});

	it('classify: the share of items placed right', () => {
		const q = question('classify');
		const key = correctAnswer(q) as Record<string, string>;
		expect(gradeAnswer(q, key)).toBe(1);
		expect(gradeAnswer(q, { ...key, torchserve: 'tensorflow' })).toBe(0.75);
	});

	it('scores 0 for answers of the wrong shape or prototype tricks', () => {
		const q = question('match');
		expect(gradeAnswer(q, JSON.parse('{"__proto__": {"tensorflow": "gpus-tpus"}}'))).toBe(0);
		expect(gradeAnswer(question('single'), ['dynamic'])).toBe(0);
		expect(gradeAnswer(question('multiple'), 'serving')).toBe(0);
		expect(gradeAnswer(question('order'), null)).toBe(0);
		expect(gradeAnswer(question('classify'), [1, 2])).toBe(0);
	});
});

describe('grading properties', () => {
	const types = everyType();
	const anyQuestion = fc.constantFrom(...types);

	it('every score lies in [0, 1] and grading never throws, whatever the answer', () => {
		fc.assert(
			fc.property(anyQuestion, fc.anything(), (q, answer) => {
				const score = gradeAnswer(q, answer);
				expect(score).toBeGreaterThanOrEqual(0);
				expect(score).toBeLessThanOrEqual(1);
			}),
			{ numRuns: 2000 }
		);
	});

	it('answers made of the question’s own ids stay in [0, 1] too', () => {
		const multiple = question('multiple');
		const ids = multiple.options.map((o) => o.id);
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...ids, 'unknown')), (picks) => {
				const score = gradeAnswer(multiple, picks);
				expect(score >= 0 && score <= 1).toBe(true);
			})
		);
	});

	it('the order options, pairs and items are presented in never changes a score', () => {
		// Answers are stored by id, so reordering a question's parts (as a shuffle does) must not
		// change the score of any answer. (For `order` questions the order *is* the key.)
		const permute = <T>(items: T[] | undefined, seed: number) =>
			items &&
			[...items].sort(
				(a, b) => ((JSON.stringify(a).length * seed) % 7) - ((JSON.stringify(b).length * seed) % 7)
			);
		const answers = fc.oneof(
			fc.constantFrom(...types.map(correctAnswer)),
			fc.dictionary(
				fc.constantFrom('tensorflow', 'pytorch', 'keras', 'onnx', 'torchserve'),
				fc.constantFrom('gpus-tpus', 'tensorflow', 'pytorch', 'cpus-only')
			),
			fc.subarray(['serving', 'lite', 'torchserve', 'onnx'])
		);
		fc.assert(
			fc.property(
				fc.constantFrom(...types.filter((q) => q.type !== 'order')),
				answers,
				fc.integer({ min: 1, max: 50 }),
				(q, answer, seed) => {
					const shown = { ...q } as Record<string, unknown>;
					for (const key of ['options', 'pairs', 'items', 'distractors', 'categories']) {
						if (key in shown) shown[key] = permute(shown[key] as unknown[], seed);
					}
					expect(gradeAnswer(shown as typeof q, answer)).toBe(gradeAnswer(q, answer));
				}
			)
		);
	});

	it('the answer key scores 1 for every question in the shipped bank and the fixture course', () => {
		const { courses } = loadCourses({
			...readContentFiles('.'),
			...readContentFiles('tests/fixtures/tiny-course')
		});
		const questions = courses.flatMap((c) => [...c.quizzes.values()].flatMap((q) => q.questions));
		expect(questions.length).toBeGreaterThan(60);
		for (const q of questions) expect(gradeAnswer(q, correctAnswer(q)), q.id).toBe(1);
	});
});

describe('grading ids named like Object.prototype members', () => {
	const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

	it('scores such an answer id as an unknown option or item, whatever the type', () => {
		for (const name of names) {
			expect(gradeAnswer(question('single'), name), name).toBe(0);
			expect(gradeAnswer(question('multiple'), ['serving', 'lite', name]), name).toBe(0.5);
			expect(gradeAnswer(question('order'), [name, 'pytorch', 'keras']), name).toBeCloseTo(2 / 3);
			expect(gradeAnswer(question('text'), name), name).toBe(0);
		}
	});

	it('grades match and classify answers by their own entries only', () => {
		const match = question('match');
		const key = correctAnswer(match) as Record<string, string>;
		expect(gradeAnswer(match, { constructor: 'x' })).toBe(0);
		expect(gradeAnswer(match, JSON.parse('{"__proto__": "x", "toString": "y"}'))).toBe(0);
		expect(gradeAnswer(match, { ...key, constructor: 'x', toString: 'y' })).toBe(1);
		// Right pairs that are only inherited (not the answer's own entries) do not count.
		expect(gradeAnswer(match, Object.create(key))).toBe(0);
		const classify = question('classify');
		expect(gradeAnswer(classify, { constructor: 'tensorflow', torchserve: 'pytorch' })).toBe(0.25);
	});

	it('grades an item whose own id is "constructor" by the answer given for it', () => {
		const q = question('match', {
			pairs: [
				{ left: 'Constructor', right: 'Builds objects' },
				{ left: 'Factory', right: 'Returns objects' }
			]
		});
		expect(gradeAnswer(q, {})).toBe(0);
		expect(gradeAnswer(q, { factory: 'returns-objects' })).toBe(0.5);
		expect(gradeAnswer(q, { constructor: 'builds-objects', factory: 'returns-objects' })).toBe(1);
	});

	it('counts a question whose id is "constructor" as unanswered when the attempt has no answer for it', () => {
		const q = question('single', { id: 'constructor' });
		const questions = new Map([[q.id, q]]);
		expect(gradeQuestions({ questionIds: [q.id], answers: {} }, questions)).toEqual([
			{ questionId: 'constructor', question: q, answered: false, score: 0 }
		]);
		expect(
			gradeQuestions({ questionIds: [q.id], answers: { constructor: 'dynamic' } }, questions)
		).toEqual([{ questionId: 'constructor', question: q, answered: true, score: 1 }]);
	});
});
