import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	classifyCategories,
	classifyItems,
	matchLefts,
	matchRights,
	orderItems,
	questionChoices
} from './choices.ts';
import { correctAnswer, gradeAnswer } from './grade.ts';
import { contentHash } from './hash.ts';
import { loadCourses } from '../content/load.ts';
import { readContentFiles } from '../content/read-dir.ts';
import { Question } from '../content/schema.ts';
import { questionViewOf } from '../testing/builders.ts';

/** How ids were derived before they worked in any script: stored answers hold these. */
const oldChoiceId = (text: string) =>
	text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '') || '_';

/** Every question of the shipped course and the tiny fixture, with the YAML it was parsed from. */
const latinQuestions = ['.', 'tests/fixtures/tiny-course'].flatMap((root) => {
	const files = readContentFiles(root);
	return loadCourses(files).courses.flatMap((course) =>
		[...course.quizzes.values()].flatMap((quiz) => {
			const yaml = parse(files[`quizzes/${course.id}/quizzes/${quiz.id}.yaml`]);
			return quiz.questions.map((question, i) => ({ question, yaml: yaml.questions[i] }));
		})
	);
});

describe('choice ids of the courses written before ids worked in any script', () => {
	it('are exactly the ids derived before, text by text, so stored answers still mean the same', () => {
		let compared = 0;
		const same = (ids: { id: string }[], texts: string[]) => {
			expect(ids.map((c) => c.id)).toEqual(texts.map(oldChoiceId));
			compared += texts.length;
		};
		for (const { question: q } of latinQuestions) {
			if (q.type === 'match') {
				same(
					matchLefts(q),
					q.pairs.map((p) => p.left)
				);
				same(matchRights(q), [...q.pairs.map((p) => p.right), ...(q.distractors ?? [])]);
				expect(correctAnswer(q)).toEqual(
					Object.fromEntries(q.pairs.map((p) => [oldChoiceId(p.left), oldChoiceId(p.right)]))
				);
			} else if (q.type === 'order') {
				same(orderItems(q), q.items);
				expect(correctAnswer(q)).toEqual(q.items.map(oldChoiceId));
			} else if (q.type === 'classify') {
				same(
					classifyItems(q),
					q.items.map((i) => i.text)
				);
				same(classifyCategories(q), q.categories);
				expect(correctAnswer(q)).toEqual(
					Object.fromEntries(q.items.map((i) => [oldChoiceId(i.text), oldChoiceId(i.category)]))
				);
			}
		}
		expect(compared).toBeGreaterThan(100);
	});

	it('parse to exactly what their YAML says, so their content hashes are unchanged', () => {
		for (const { question, yaml } of latinQuestions) {
			expect(question, question.id).toStrictEqual(yaml);
			expect(contentHash([question])).toBe(contentHash([yaml]));
		}
	});
});

/** Parses a question as the content check does. */
const parsed = (yaml: string) => Question.parse(parse(yaml));

const common = `
topic: t
source: l#s
prompt: A question?
explanation: Because.
`;

describe('ids an author gives', () => {
	const order = parsed(`
id: order-q
type: order
${common}
items: [Alpha, { id: second, text: Beta }, Gamma]
`);
	const match = parsed(`
id: match-q
type: match
${common}
pairs:
  - { left: One, leftId: first, right: Uno }
  - { left: Two, right: Dos, rightId: segundo }
distractors: [Tres, { id: cuatro, text: Cuatro }]
`);
	const classify = parsed(`
id: classify-q
type: classify
${common}
categories: [{ id: even, text: Even numbers }, Odd numbers]
items:
  - { id: two, text: '2', category: Even numbers }
  - { text: '3', category: Odd numbers }
`);

	it('replace the derived id of that text only', () => {
		expect(questionChoices(order).map((c) => c.id)).toEqual(['alpha', 'second', 'gamma']);
		expect(questionChoices(match).map((c) => c.id)).toEqual([
			'first',
			'two',
			'uno',
			'segundo',
			'tres',
			'cuatro'
		]);
		expect(questionChoices(classify).map((c) => c.id)).toEqual(['even', 'odd-numbers', 'two', '3']);
	});

	it('are what the answer key, grading and the rendered texts use', () => {
		expect(correctAnswer(order)).toEqual(['alpha', 'second', 'gamma']);
		expect(gradeAnswer(order, ['alpha', 'second', 'gamma'])).toBe(1);
		expect(gradeAnswer(order, ['alpha', 'beta', 'gamma'])).toBeCloseTo(2 / 3);
		expect(correctAnswer(match)).toEqual({ first: 'uno', two: 'segundo' });
		expect(gradeAnswer(match, { first: 'uno', two: 'dos' })).toBe(0.5);
		expect(correctAnswer(classify)).toEqual({ two: 'even', '3': 'odd-numbers' });
		expect(gradeAnswer(classify, { two: 'even', '3': 'odd-numbers' })).toBe(1);
		expect(questionViewOf(match).html.choices).toMatchObject({ segundo: 'Dos', cuatro: 'Cuatro' });
	});

	it('count in the content hash, so that a changed id is a changed quiz', () => {
		const bare = parsed(`
id: order-q
type: order
${common}
items: [Alpha, Beta, Gamma]
`);
		expect(contentHash([order])).not.toBe(contentHash([bare]));
	});
});
