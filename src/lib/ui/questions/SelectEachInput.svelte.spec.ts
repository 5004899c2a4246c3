import { describe, expect, it } from 'vitest';
import { renderAnswering } from '$lib/testing/render-answering';
import { page, userEvent } from 'vitest/browser';
import type { ComponentProps } from 'svelte';
import SelectEachInput from './SelectEachInput.svelte';
import type { Answer } from '$lib/quiz/grade';

const ROWS = [
	{ id: 'tensorflow', html: 'TensorFlow' },
	{ id: 'pytorch', html: '<strong>PyTorch</strong>' }
];

const CHOICES = [
	{ id: 'cpus-only', text: 'CPUs only' },
	{ id: 'gpus-tpus', text: 'GPUs, TPUs' },
	{ id: 'gpus-limited-tpu-support', text: 'GPUs, limited TPU support' }
];

/** Renders the input the way a quiz page uses it: each reported answer is passed back in. */
function renderRows(props: Partial<ComponentProps<typeof SelectEachInput>> = {}) {
	return renderAnswering(SelectEachInput, {
		uid: 'q1',
		rows: ROWS,
		choices: CHOICES,
		placeholder: 'Choose a match…',
		answer: undefined,
		disabled: false,
		...props
	});
}

const select = (name: string) => page.getByRole('combobox', { name });

describe('SelectEachInput', () => {
	it('gives every row a select labelled with the row, starting at the placeholder', async () => {
		await renderRows();
		for (const name of ['TensorFlow', 'PyTorch']) {
			await expect.element(select(name)).toHaveDisplayValue('Choose a match…');
		}
		expect(
			select('TensorFlow')
				.getByRole('option')
				.all()
				.map((option) => option.element().textContent)
		).toEqual(['Choose a match…', 'CPUs only', 'GPUs, TPUs', 'GPUs, limited TPU support']);
	});

	it('reports the choice made with the pointer for each row, by id, keeping the other rows', async () => {
		const { reported } = await renderRows();
		await select('PyTorch').click();
		await userEvent.selectOptions(select('PyTorch'), 'GPUs, limited TPU support');
		await userEvent.selectOptions(select('TensorFlow'), 'GPUs, TPUs');
		await expect.element(select('PyTorch')).toHaveDisplayValue('GPUs, limited TPU support');
		await expect.element(select('TensorFlow')).toHaveDisplayValue('GPUs, TPUs');
		expect(reported).toEqual([
			{ pytorch: 'gpus-limited-tpu-support' },
			{ tensorflow: 'gpus-tpus', pytorch: 'gpus-limited-tpu-support' }
		]);
	});

	it('is answered by keyboard alone: Tab to each select, arrow keys or typing to choose', async () => {
		const { reported } = await renderRows();
		await userEvent.tab();
		await expect.element(select('TensorFlow')).toHaveFocus();
		await userEvent.keyboard('{ArrowDown}');
		await userEvent.keyboard('{ArrowDown}');
		await userEvent.tab();
		await expect.element(select('PyTorch')).toHaveFocus();
		await userEvent.keyboard('c');
		await expect.element(select('TensorFlow')).toHaveDisplayValue('GPUs, TPUs');
		await expect.element(select('PyTorch')).toHaveDisplayValue('CPUs only');
		expect(reported).toEqual([
			{ tensorflow: 'cpus-only' },
			{ tensorflow: 'gpus-tpus' },
			{ tensorflow: 'gpus-tpus', pytorch: 'cpus-only' }
		]);
	});

	it('drops a row from the answer when it is set back to the placeholder', async () => {
		const { reported } = await renderRows({
			answer: { tensorflow: 'gpus-tpus', pytorch: 'cpus-only' }
		});
		await expect.element(select('TensorFlow')).toHaveDisplayValue('GPUs, TPUs');
		await userEvent.selectOptions(select('TensorFlow'), 'Choose a match…');
		expect(reported).toEqual([{ pytorch: 'cpus-only' }]);
	});

	it('cannot be changed once disabled, and says which rows were right', async () => {
		const { reported } = await renderRows({
			answer: { tensorflow: 'gpus-tpus', pytorch: 'cpus-only' },
			disabled: true,
			marks: { tensorflow: 'right', pytorch: 'wrong' }
		});
		await expect.element(select('TensorFlow')).toBeDisabled();
		await expect.element(select('PyTorch')).toBeDisabled();
		await userEvent.tab();
		await userEvent.keyboard('{ArrowDown}');
		await expect.element(select('TensorFlow')).toHaveDisplayValue('GPUs, TPUs');
		expect(reported).toEqual([]);
		const rows = page.getByRole('listitem');
		await expect.element(rows.nth(0)).toHaveTextContent(/TensorFlow.*\bcorrect$/);
		await expect.element(rows.nth(1)).toHaveTextContent(/PyTorch.*not correct$/);
	});

	it('treats a row whose id is "constructor" as unanswered until it is answered', async () => {
		const { reported } = await renderRows({
			rows: [
				{ id: 'constructor', html: 'Constructor' },
				{ id: 'tensorflow', html: 'TensorFlow' }
			],
			answer: {},
			marks: { tensorflow: 'wrong' }
		});
		await expect.element(select('Constructor')).toHaveDisplayValue('Choose a match…');
		await expect.element(page.getByRole('listitem').nth(0)).not.toHaveTextContent(/correct/);
		await userEvent.selectOptions(select('TensorFlow'), 'CPUs only');
		await userEvent.selectOptions(select('Constructor'), 'GPUs, TPUs');
		const expected: Answer[] = [
			{ tensorflow: 'cpus-only' },
			{ constructor: 'gpus-tpus', tensorflow: 'cpus-only' }
		];
		expect(reported).toEqual(expected);
	});
});
