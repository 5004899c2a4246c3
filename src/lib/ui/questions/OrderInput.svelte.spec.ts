import { describe, expect, it } from 'vitest';
import { renderAnswering } from '$lib/testing/render-answering';
import { page, userEvent } from 'vitest/browser';
import type { ComponentProps } from 'svelte';
import OrderInput from './OrderInput.svelte';

const ITEMS = [
	{ id: 'tensorflow', html: 'TensorFlow', text: 'TensorFlow' },
	{ id: 'pytorch', html: 'PyTorch', text: 'PyTorch' },
	{ id: 'keras', html: '<em>Keras</em>', text: 'Keras' }
];

/** Renders the input the way a quiz page uses it: each reported answer is passed back in. */
function renderOrder(props: Partial<ComponentProps<typeof OrderInput>> = {}) {
	return renderAnswering(OrderInput, {
		uid: 'q1',
		items: ITEMS,
		initial: ['keras', 'tensorflow', 'pytorch'],
		answer: undefined,
		disabled: false,
		...props
	});
}

/** The items' texts as shown, top to bottom. */
const shown = () =>
	page
		.getByRole('list')
		.getByRole('listitem')
		.all()
		.map((item) => item.element().querySelector('.text')?.textContent);

const button = (name: string) => page.getByRole('button', { name });

describe('OrderInput', () => {
	it('shows the starting arrangement, numbered, with no way up for the first or down for the last', async () => {
		await renderOrder();
		expect(shown()).toEqual(['Keras', 'TensorFlow', 'PyTorch']);
		await expect.element(page.getByRole('listitem').nth(0)).toHaveTextContent(/^1/);
		// Unavailable but focusable, so that focus can stay on a button whose item reached an end.
		await expect.element(button('Move Keras up')).toHaveAttribute('aria-disabled', 'true');
		await expect.element(button('Move PyTorch down')).toHaveAttribute('aria-disabled', 'true');
		await expect.element(button('Move TensorFlow up')).not.toHaveAttribute('aria-disabled');
	});

	it('moves an item with the pointer, reports the ids in the new order and announces it', async () => {
		const { reported } = await renderOrder();
		await button('Move PyTorch up').click();
		expect(shown()).toEqual(['Keras', 'PyTorch', 'TensorFlow']);
		await expect.element(button('Move PyTorch up')).toHaveFocus();
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('PyTorch moved to position 2 of 3.');
		await button('Move Keras down').click();
		expect(shown()).toEqual(['PyTorch', 'Keras', 'TensorFlow']);
		expect(reported).toEqual([
			['keras', 'pytorch', 'tensorflow'],
			['pytorch', 'keras', 'tensorflow']
		]);
	});

	it('keeps focus on the pressed button; at an end, pressing again says so and undoes nothing', async () => {
		const { reported } = await renderOrder();
		await userEvent.tab();
		await userEvent.tab();
		await expect.element(button('Move Keras down')).toHaveFocus();
		await userEvent.keyboard('{Enter}');
		await expect.element(button('Move Keras down')).toHaveFocus();
		await userEvent.keyboard(' ');
		// Keras is last now: its Move down stays focused, marked unavailable.
		await expect.element(button('Move Keras down')).toHaveFocus();
		await expect.element(button('Move Keras down')).toHaveAttribute('aria-disabled', 'true');
		expect(shown()).toEqual(['TensorFlow', 'PyTorch', 'Keras']);
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('Keras moved to position 3 of 3, last.');
		await userEvent.keyboard('{Enter}');
		expect(shown()).toEqual(['TensorFlow', 'PyTorch', 'Keras']);
		await expect.element(page.getByRole('status')).toHaveTextContent('Keras is already last.');
		await expect.element(button('Move Keras down')).toHaveFocus();
		expect(reported).toEqual([
			['tensorflow', 'keras', 'pytorch'],
			['tensorflow', 'pytorch', 'keras']
		]);
	});

	it('moving an item to the top keeps focus on its Move up, and a repeated press does not undo it', async () => {
		const { reported } = await renderOrder();
		await button('Move TensorFlow up').click();
		await expect.element(button('Move TensorFlow up')).toHaveFocus();
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('TensorFlow moved to position 1 of 3, first.');
		await userEvent.keyboard('{Enter}');
		await expect.element(button('Move TensorFlow up')).toHaveFocus();
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('TensorFlow is already first.');
		expect(shown()).toEqual(['TensorFlow', 'Keras', 'PyTorch']);
		expect(reported).toEqual([['tensorflow', 'keras', 'pytorch']]);
	});

	it('lets the learner keep the starting order as the answer, and confirms it', async () => {
		const { reported } = await renderOrder();
		await button('Keep this order as my answer').click();
		expect(reported).toEqual([['keras', 'tensorflow', 'pytorch']]);
		// The button stays (focus is not lost) and says what happened.
		const kept = button('✓ This order is your answer');
		await expect.element(kept).toHaveFocus();
		await expect.element(kept).toHaveAttribute('aria-disabled', 'true');
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('This order is now your answer.');
		await userEvent.keyboard('{Enter}');
		expect(reported).toHaveLength(1);
	});

	it('shows a saved answer instead of the starting arrangement', async () => {
		await renderOrder({ answer: ['pytorch', 'keras', 'tensorflow'] });
		expect(shown()).toEqual(['PyTorch', 'Keras', 'TensorFlow']);
		await expect.element(button('Keep this order as my answer')).not.toBeInTheDocument();
	});

	it('ignores a saved answer that is not an arrangement of these items', async () => {
		await renderOrder({ answer: ['pytorch', 'constructor', 'tensorflow'] });
		expect(shown()).toEqual(['Keras', 'TensorFlow', 'PyTorch']);
	});

	it('cannot be reordered once disabled, and says which items are in the right place', async () => {
		const { reported } = await renderOrder({
			answer: ['tensorflow', 'keras', 'pytorch'],
			disabled: true,
			marks: { tensorflow: 'right', keras: 'wrong', pytorch: 'wrong' }
		});
		const moves = page.getByRole('button').all();
		expect(moves).toHaveLength(6);
		for (const move of moves) await expect.element(move).toBeDisabled();
		await userEvent.tab();
		await userEvent.keyboard('{Enter}');
		expect(reported).toEqual([]);
		const items = page.getByRole('listitem');
		await expect.element(items.nth(0)).toHaveTextContent('right place');
		await expect.element(items.nth(1)).toHaveTextContent('wrong place');
		await expect.element(items.nth(2)).toHaveTextContent('wrong place');
	});
});
