// Results of quizzes written in Russian and Japanese (the world fixture course). Their xAPI
// statements must keep "Within an array of interaction components, all id values MUST be
// distinct" (xAPI 1.0.3), which ids made of ASCII letters only could not.
import { describe, expect, it } from 'vitest';
import validateStatement from '@learninglocker/xapi-validation';
import { parse } from 'yaml';
import { xapiStatements, type QuizMeta } from './xapi.ts';
import { loadCourses } from '../content/load.ts';
import { readContentFiles } from '../content/read-dir.ts';
import { OrderQuestion, type Question } from '../content/schema.ts';
import { orderItems } from '../quiz/choices.ts';
import { correctAnswer, type Answer } from '../quiz/grade.ts';
import { resultsFile, rightAnswers, submittedAttempt } from '../testing/builders.ts';
import { courseBank } from '../content/course-bank.ts';
import { contentHash } from '../quiz/hash.ts';
import { Bank } from './fetch-bank.ts';

const [course] = loadCourses(readContentFiles('tests/fixtures/world-course')).courses;
const quizzes = [...course.quizzes.values()];
const metas = new Map<string, QuizMeta>(
	quizzes.map((quiz) => [
		`world/${quiz.id}`,
		{
			title: quiz.title,
			passMark: quiz.passMark,
			questions: new Map(quiz.questions.map((q) => [q.id, q]))
		}
	])
);
const BASE = 'https://coursekit.example.org/';

interface Interaction {
	interactionType: string;
	correctResponsesPattern: string[];
	choices?: { id: string }[];
	source?: { id: string }[];
	target?: { id: string }[];
}

/** The `answered` statements of one learner who answered every question of every quiz so. */
function answered(answers: (questions: readonly Question[]) => Record<string, Answer>) {
	const attempts = quizzes.map((quiz) =>
		submittedAttempt(quiz.questions, answers(quiz.questions), {
			id: `attempt-${quiz.id}`,
			courseId: 'world',
			quizId: quiz.id
		})
	);
	const statements = xapiStatements(resultsFile(attempts), metas, BASE);
	return { statements, answers: statements.filter((s) => s.verb.display['en-US'] === 'answered') };
}

/** The component ids a response pattern names: `a[,]b` and `left[.]right[,]…`. */
const patternIds = (pattern: string) => pattern.split('[,]').flatMap((part) => part.split('[.]'));

describe('xAPI statements of the Russian and Japanese quizzes', () => {
	const right = answered(rightAnswers);

	it('are valid xAPI 1.0.3', () => {
		expect(right.answers).toHaveLength(quizzes.flatMap((q) => q.questions).length);
		for (const statement of right.statements) {
			expect(validateStatement(statement), JSON.stringify(statement)).toEqual([]);
		}
	});

	it('have distinct component ids within each interaction, and a response pattern made of them', () => {
		let lists = 0;
		for (const { object } of right.answers) {
			const definition = object.definition as Interaction;
			const components = [definition.choices, definition.source, definition.target].flatMap(
				(list) => (list ? [list.map((c) => c.id)] : [])
			);
			for (const ids of components) {
				expect(new Set(ids).size, `${object.id}: ${ids.join(' ')}`).toBe(ids.length);
				lists++;
			}
			if (['sequencing', 'matching'].includes(definition.interactionType)) {
				const known = new Set(components.flat());
				for (const id of patternIds(definition.correctResponsesPattern[0])) {
					expect(known, `${object.id}: ${id}`).toContain(id);
				}
			}
		}
		expect(lists).toBeGreaterThanOrEqual(10);
	});

	it('record right answers as successes and a wrong order as a failure', () => {
		expect(right.answers.every((s) => s.result?.success)).toBe(true);
		const reversed = answered((questions) =>
			Object.fromEntries(
				questions.map((q) => [
					q.id,
					q.type === 'order' ? [...(correctAnswer(q) as string[])].reverse() : correctAnswer(q)
				])
			)
		);
		const orders = reversed.answers.filter(
			(s) => (s.object.definition as Interaction).interactionType === 'sequencing'
		);
		expect(orders).toHaveLength(2);
		for (const statement of orders) {
			expect(statement.result, statement.object.id).toMatchObject({
				success: false,
				score: { scaled: 0 }
			});
		}
	});

	it('name the ids an author gave order items in the correct-response pattern', () => {
		const order = OrderQuestion.parse(
			parse(`
id: order-q
type: order
topic: rossiya
source: rossiya#reki
prompt: По длине?
explanation: Лена, Обь.
items: [{ id: lena, text: Лена }, Обь]
`)
		);
		const file = resultsFile([
			submittedAttempt([order], rightAnswers([order]), {
				courseId: 'world',
				quizId: 'q'
			})
		]);
		const meta = { title: 'Q', passMark: 50, questions: new Map([[order.id, order]]) };
		const [, statement] = xapiStatements(file, new Map([['world/q', meta]]), BASE);
		expect((statement.object.definition as Interaction).correctResponsesPattern).toEqual([
			orderItems(order)
				.map((item) => item.id)
				.join('[,]')
		]);
	});
});

describe('the question bank of the Russian and Japanese quizzes', () => {
	it('passes the check pages make of bank.json and hashes as the quiz, ids an author gave included', () => {
		const served = Bank.parse(JSON.parse(JSON.stringify(courseBank(course))));
		for (const [i, quiz] of quizzes.entries()) {
			const questions = served.quizzes[i].questions.map((view) => view.question);
			expect(contentHash(questions), quiz.id).toBe(contentHash(quiz.questions));
		}
		expect(JSON.stringify(served)).toContain('"leftId":"hokkaido"');
		expect(JSON.stringify(served)).toContain('"categoryIds":["gorod","река"]');
	});
});
