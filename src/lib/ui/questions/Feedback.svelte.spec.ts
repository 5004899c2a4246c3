import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import Feedback from './Feedback.svelte';
import { question, questionViewOf } from '$lib/testing/builders';

const single = () =>
	question('single', {
		options: [
			{ id: 'dynamic', text: 'Dynamic', correct: true, feedback: 'Yes: **eager** execution.' },
			{ id: 'static', text: 'Static', feedback: 'That was TensorFlow 1.' },
			{ id: 'both', text: 'Both' }
		]
	});

const multiple = () =>
	question('multiple', {
		options: [
			{ id: 'serving', text: 'TensorFlow Serving', correct: true, feedback: 'It serves models.' },
			{ id: 'lite', text: 'TensorFlow Lite', correct: true },
			{ id: 'torchserve', text: 'TorchServe', feedback: 'That one is PyTorch’s.' },
			{ id: 'onnx', text: 'ONNX' }
		]
	});

const panel = () => page.getByText('Review in the lesson').element().closest('.feedback')!;

describe('Feedback', () => {
	it('says a wrong answer is not correct, why, what the right answer is and where it is taught', async () => {
		await render(Feedback, {
			view: questionViewOf(single()),
			courseId: 'ai-frameworks',
			answer: 'static'
		});
		await expect
			.element(page.getByRole('heading', { level: 3 }))
			.toHaveTextContent(/^Not correct$/);
		await expect.element(page.getByText('Static:')).toBeVisible();
		await expect.element(page.getByText('That was TensorFlow 1.')).toBeVisible();
		await expect.element(page.getByText('The right answer:')).toBeVisible();
		await expect.element(page.getByRole('listitem')).toHaveTextContent('Dynamic');
		await expect.element(page.getByText('Because.')).toBeVisible();
		await expect
			.element(
				page.getByRole('link', { name: 'Review in the lesson: Key differences › Graph type' })
			)
			.toHaveAttribute('href', '/courses/ai-frameworks/lessons/key-differences#graph-type');
	});

	it('says a right answer is correct, shows its option feedback and no key', async () => {
		await render(Feedback, { view: questionViewOf(single()), courseId: 'c', answer: 'dynamic' });
		await expect.element(page.getByRole('heading', { level: 3 })).toHaveTextContent(/^Correct$/);
		await expect.element(page.getByText('Yes: eager execution.')).toBeVisible();
		await expect.element(page.getByRole('strong').filter({ hasText: 'eager' })).toBeVisible();
		await expect.element(page.getByText('The right answer:')).not.toBeInTheDocument();
		await expect.element(page.getByText('Because.')).toBeVisible();
	});

	it('gives a partly right answer its share, and the feedback of each option picked', async () => {
		await render(Feedback, {
			view: questionViewOf(multiple()),
			courseId: 'c',
			answer: ['serving', 'torchserve', 'lite']
		});
		await expect
			.element(page.getByRole('heading', { level: 3 }))
			.toHaveTextContent(/^Partly correct: 50%$/);
		await expect.element(page.getByText('It serves models.')).toBeVisible();
		await expect.element(page.getByText('That one is PyTorch’s.')).toBeVisible();
		expect(
			page
				.getByRole('listitem')
				.all()
				.map((item) => item.element().textContent?.trim())
		).toEqual(['TensorFlow Serving', 'TensorFlow Lite']);
	});

	it('says a question was not answered, at the heading level asked for', async () => {
		await render(Feedback, {
			view: questionViewOf(question('truefalse')),
			courseId: 'c',
			answer: undefined,
			level: 4
		});
		await expect
			.element(page.getByRole('heading', { level: 4 }))
			.toHaveTextContent(/^Not answered$/);
		await expect.element(page.getByText('True', { exact: true })).toBeVisible();
	});

	it('shows the key of match, order, classify and text questions in their own shape', async () => {
		const screen = await render(Feedback, {
			view: questionViewOf(question('match')),
			courseId: 'c',
			answer: {}
		});
		expect(
			page
				.getByRole('listitem')
				.all()
				.map((item) => item.element().textContent?.replace(/\s+/g, ' ').trim())
		).toEqual([
			'TensorFlow → GPUs, TPUs',
			'PyTorch → GPUs, limited TPU support',
			'Keras → Same as TensorFlow',
			'ONNX → Model exchange'
		]);

		await screen.rerender({ view: questionViewOf(question('order')), answer: ['keras'] });
		expect(
			page
				.getByRole('list')
				.getByRole('listitem')
				.all()
				.map((item) => item.element().textContent)
		).toEqual(['TensorFlow', 'PyTorch', 'Keras']);

		await screen.rerender({ view: questionViewOf(question('classify')), answer: {} });
		await expect
			.element(page.getByRole('listitem').first())
			.toHaveTextContent(/TensorFlow Serving\s*→\s*TensorFlow/);
		await expect
			.element(page.getByRole('listitem').nth(3))
			.toHaveTextContent(/Eager by default\s*→\s*PyTorch/);

		await screen.rerender({ view: questionViewOf(question('text')), answer: 'Tensor Flow' });
		await expect.element(page.getByText('TensorBoard', { exact: true })).toBeVisible();
	});

	it('gives a typed answer one model answer, the first listed, not every accepted wording', async () => {
		const q = question('text', {
			answers: ['Facebook', 'Meta', 'Facebook (now Meta)', 'Meta Platforms']
		});
		const screen = await render(Feedback, {
			view: questionViewOf(q),
			courseId: 'c',
			answer: 'Google'
		});
		await expect.element(page.getByText('Facebook', { exact: true })).toBeVisible();
		expect(panel().textContent).not.toMatch(/Meta|\bor\b/);
		await expect.element(page.getByText(/capitals and punctuation count/)).not.toBeInTheDocument();

		// A strict question says why a near miss was not accepted.
		await screen.rerender({
			view: questionViewOf(question('text', { answers: ['TorchServe'], match: 'strict' })),
			answer: 'torchserve'
		});
		await expect.element(page.getByText('TorchServe', { exact: true })).toBeVisible();
		await expect
			.element(page.getByText('Spelling, capitals and punctuation count in this answer.'))
			.toBeVisible();
	});

	it('reveals the answer and explanation without judging when asked to', async () => {
		await render(Feedback, {
			view: questionViewOf(single()),
			courseId: 'c',
			answer: undefined,
			reveal: true
		});
		await expect.element(page.getByRole('heading')).not.toBeInTheDocument();
		await expect.element(page.getByRole('listitem')).toHaveTextContent('Dynamic');
		await expect.element(page.getByText('Because.')).toBeVisible();
	});

	it('follows the lesson link by keyboard (Tab, Enter) and by pointer', async () => {
		await render(Feedback, { view: questionViewOf(single()), courseId: 'c', answer: 'both' });
		const followed: string[] = [];
		// Record where the link leads instead of leaving the test page.
		const follow = (event: MouseEvent) => {
			const link = (event.target as Element).closest('a');
			if (!link) return;
			event.preventDefault();
			followed.push(link.getAttribute('href')!);
		};
		document.addEventListener('click', follow);
		try {
			const link = page.getByRole('link', { name: /Review in the lesson/ });
			await userEvent.tab();
			await expect.element(link).toHaveFocus();
			await userEvent.keyboard('{Enter}');
			await link.click();
		} finally {
			document.removeEventListener('click', follow);
		}
		const section = '/courses/c/lessons/key-differences#graph-type';
		expect(followed).toEqual([section, section]);
	});

	it('never shows an inherited object member for an answer id like "constructor"', async () => {
		// A restored backup may hold any id; only the question's own options have feedback.
		const screen = await render(Feedback, {
			view: questionViewOf(single()),
			courseId: 'c',
			answer: 'constructor'
		});
		await expect
			.element(page.getByRole('heading', { level: 3 }))
			.toHaveTextContent(/^Not correct$/);
		await expect.element(page.getByRole('listitem')).toHaveTextContent('Dynamic');
		expect(panel().textContent).not.toMatch(/native code|\[object Object\]|undefined/);

		await screen.rerender({
			view: questionViewOf(multiple()),
			answer: ['serving', 'constructor', 'toString', '__proto__', 'hasOwnProperty']
		});
		await expect.element(page.getByText('It serves models.')).toBeVisible();
		expect(panel().textContent).not.toMatch(/native code|\[object Object\]|undefined/);
	});

	it('shows the text and feedback of an option whose own id is "constructor"', async () => {
		const q = question('single', {
			options: [
				{ id: 'constructor', text: 'A constructor', correct: true, feedback: 'Builds objects.' },
				{ id: 'factory', text: 'A factory', feedback: 'Close, but no.' }
			]
		});
		await render(Feedback, { view: questionViewOf(q), courseId: 'c', answer: 'constructor' });
		await expect.element(page.getByRole('heading', { level: 3 })).toHaveTextContent(/^Correct$/);
		await expect.element(page.getByText('A constructor:')).toBeVisible();
		await expect.element(page.getByText('Builds objects.')).toBeVisible();
	});
});
