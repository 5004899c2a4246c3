import { describe, expect, it } from 'vitest';
import { question } from '../testing/builders.ts';
import { matchLefts, matchRights, orderItems } from '../quiz/choices.ts';
import { describeAnswer } from './describe-answer.ts';

describe('an answer in words', () => {
	it('names chosen options by their text', () => {
		expect(describeAnswer(question('single'), 'static')).toBe('Static');
		expect(describeAnswer(question('multiple'), ['serving', 'onnx'])).toBe(
			'TensorFlow Serving, ONNX'
		);
		expect(describeAnswer(question('truefalse'), false)).toBe('False');
		expect(describeAnswer(question('text'), '  Tensor board ')).toBe('Tensor board');
	});

	it('gives pairs and orders with the texts of both sides, never their ids', () => {
		const match = question('match');
		const [tf, pt] = matchLefts(match);
		const rights = matchRights(match);
		expect(describeAnswer(match, { [tf.id]: rights[1].id, [pt.id]: rights[4].id })).toBe(
			'TensorFlow → GPUs, limited TPU support; PyTorch → CPUs only'
		);
		const order = question('order');
		const items = orderItems(order).map((i) => i.id);
		expect(describeAnswer(order, [items[2], items[0], items[1]])).toBe(
			'Keras → TensorFlow → PyTorch'
		);
	});

	it('shows an id the question does not know as it is, even "constructor"', () => {
		expect(describeAnswer(question('single'), 'constructor')).toBe('constructor');
		expect(describeAnswer(question('classify'), { constructor: 'x' })).toBe('constructor → x');
	});
});
