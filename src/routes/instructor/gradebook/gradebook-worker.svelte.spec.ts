import { describe, expect, it } from 'vitest';
import { gradebookView } from '$lib/results/gradebook-engine';
import { regrade } from '$lib/results/regrade';
import {
	gradebookQuiz,
	learner,
	question,
	resultsFile,
	submittedAttempt
} from '$lib/testing/builders';
import { GradebookClient } from './gradebook-client';

const questions = [
	question('truefalse', { id: 'q1', answer: true }),
	question('single', { id: 'q2' }),
	question('text', { id: 'q3' })
];
const quizzes = new Map([['tiny/basics-quiz', gradebookQuiz(questions, { passMark: 50 })]]);

/** A class with an honest file, a copy of it, a forged score and another learner's copy. */
function classFiles() {
	const honest = resultsFile(
		[submittedAttempt(questions, { q1: true, q2: 'dynamic', q3: 'nothing' }, { id: 'a1' })],
		{ learner: learner({ id: 'ada', name: 'Ada' }) }
	);
	const forged = resultsFile([submittedAttempt(questions, { q1: false }, { id: 'b1' })], {
		learner: learner({ id: 'bob', name: 'Bob' })
	});
	forged.attempts[0].score = 1;
	const copied = { ...honest, learner: learner({ id: 'cy', name: 'Cy' }) };
	return [
		{ source: 'ada.json', file: honest },
		{ source: 'ada-again.json', file: honest },
		{ source: 'bob.json', file: forged },
		{ source: 'cy.json', file: copied }
	];
}

describe('the gradebook worker', () => {
	it('runs in a real Web Worker and shows what re-grading on the page would show', async () => {
		const client = new GradebookClient();
		try {
			await client.init(quizzes);
			const files = classFiles();
			const outcomes = await Promise.all(
				files.map(({ source, file }, i) => {
					const text = JSON.stringify(file);
					return client.add(`id-${i}`, source, text, text.length);
				})
			);
			expect(outcomes.map((o) => o.ok && o.learner.name)).toEqual(['Ada', 'Ada', 'Bob', 'Cy']);
			const now = Date.parse('2026-11-25T10:00:00Z');
			const accepted = ['["bob","b1"]'];
			const view = await client.view({ accepted, now });
			const onThePage = gradebookView(
				regrade(files, { quizzes, accepted: new Set(accepted), now: new Date(now) }),
				quizzes
			);
			expect(view).toEqual(onThePage);
			expect(view.flagged.map((f) => [f.source, f.flags])).toEqual([
				['ada.json', ['two-learners']],
				['ada-again.json', ['duplicate', 'two-learners']],
				['bob.json', ['score-differs']],
				['cy.json', ['two-learners']]
			]);

			await client.remove(['id-3']);
			expect((await client.view({ accepted, now })).flagged.map((f) => f.flags)).toEqual([
				['duplicate'],
				['score-differs']
			]);
		} finally {
			client.close();
		}
	});

	it('refuses a damaged file with the reason, in the worker', async () => {
		const client = new GradebookClient();
		try {
			await client.init(quizzes);
			expect(await client.add('x', 'notes.txt', 'not json', 8)).toEqual({
				ok: false,
				message: expect.stringMatching(/not valid JSON/)
			});
		} finally {
			client.close();
		}
	});
});
