// Questions written in Russian and Japanese (the world fixture course), rendered as a quiz page
// renders them. With ids made of ASCII letters only, all their texts had the id "_" and the page
// threw Svelte's `each_key_duplicate` and went blank.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import QuestionInput from './QuestionInput.svelte';
import Feedback from './Feedback.svelte';
import { loadCourses } from '$lib/content/load';
import { questionView } from '$lib/content/quiz-view';
import { correctAnswer, gradeAnswer } from '$lib/quiz/grade';
import { renderAnswering } from '$lib/testing/render-answering';

const FIXTURE = '/tests/fixtures/world-course/';
const files = import.meta.glob<string>('/tests/fixtures/world-course/quizzes/**/*.{yaml,md}', {
	query: '?raw',
	import: 'default',
	eager: true
});
const [course] = loadCourses(
	Object.fromEntries(
		Object.entries(files).map(([path, text]) => [path.slice(FIXTURE.length), text])
	)
).courses;
const questions = [...course.quizzes.values()].flatMap((quiz) => quiz.questions);
const view = (id: string) =>
	questionView(
		course,
		questions.find((q) => q.id === id)!
	);
const presentation = { seed: 7, shuffleOptions: true };

describe('questions in Russian and Japanese on a quiz page', () => {
	it('order: Russian rivers are put in order with the Move buttons, reported by their ids', async () => {
		const rivers = view('reki-po-dline');
		const { reported } = await renderAnswering(QuestionInput, {
			view: rivers,
			uid: 'q1',
			presentation,
			answer: undefined
		});
		const key = ['Лена', 'Обь', 'Волга', 'Енисей'];
		for (const [target, river] of key.entries()) {
			for (;;) {
				const shown = page
					.getByRole('listitem')
					.elements()
					.map((li) => li.textContent ?? '');
				if (shown.findIndex((text) => text.includes(river)) <= target) break;
				await page.getByRole('button', { name: `Move ${river} up` }).click();
			}
		}
		expect(reported.at(-1)).toEqual(['лена', 'обь', 'волга', 'енисей']);
		expect(gradeAnswer(rivers.question, reported.at(-1))).toBe(1);
	});

	it('match: a select per Japanese island, answered with the ids of the cities', async () => {
		const islands = view('shima-to-toshi');
		const { reported } = await renderAnswering(QuestionInput, {
			view: islands,
			uid: 'q2',
			presentation,
			answer: undefined
		});
		await userEvent.selectOptions(page.getByRole('combobox', { name: '北海道' }), '札幌');
		await userEvent.selectOptions(page.getByRole('combobox', { name: '九州' }), '那覇');
		expect(reported.at(-1)).toEqual({ hokkaido: '札幌', 九州: 'naha' });
	});

	it('shows the key of every question, answered right, as correct', async () => {
		for (const q of questions) {
			const screen = await render(Feedback, {
				view: questionView(course, q),
				courseId: course.id,
				answer: correctAnswer(q)
			});
			const verdict = screen.container.querySelector('h3')?.textContent?.trim();
			expect(verdict, q.id).toBe('Correct');
			screen.unmount();
		}
	});
});
