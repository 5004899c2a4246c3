/** Test data: valid objects in one line, e.g. `question('match')`, `question('single', { id: 'q2' })`. */
import type { Question, QuestionType } from '../content/schema.ts';

const common = {
	topic: 'graph-types',
	source: 'key-differences#graph-type',
	prompt: 'A question?',
	explanation: 'Because.'
};

const samples: { [T in QuestionType]: Extract<Question, { type: T }> } = {
	single: {
		...common,
		id: 'single-q',
		type: 'single',
		options: [
			{ id: 'dynamic', text: 'Dynamic', correct: true },
			{ id: 'static', text: 'Static' },
			{ id: 'both', text: 'Both' }
		]
	},
	multiple: {
		...common,
		id: 'multiple-q',
		type: 'multiple',
		options: [
			{ id: 'serving', text: 'TensorFlow Serving', correct: true },
			{ id: 'lite', text: 'TensorFlow Lite', correct: true },
			{ id: 'torchserve', text: 'TorchServe' },
			{ id: 'onnx', text: 'ONNX' }
		]
	},
	truefalse: { ...common, id: 'truefalse-q', type: 'truefalse', answer: true },
	match: {
		...common,
		id: 'match-q',
		type: 'match',
		pairs: [
			{ left: 'TensorFlow', right: 'GPUs, TPUs' },
			{ left: 'PyTorch', right: 'GPUs, limited TPU support' },
			{ left: 'Keras', right: 'Same as TensorFlow' },
			{ left: 'ONNX', right: 'Model exchange' }
		],
		distractors: ['CPUs only']
	},
	order: { ...common, id: 'order-q', type: 'order', items: ['TensorFlow', 'PyTorch', 'Keras'] },
	text: { ...common, id: 'text-q', type: 'text', answers: ['TensorBoard', 'Tensor Board'] },
	classify: {
		...common,
		id: 'classify-q',
		type: 'classify',
		categories: ['TensorFlow', 'PyTorch'],
		items: [
			{ text: 'TensorFlow Serving', category: 'TensorFlow' },
			{ text: 'TorchServe', category: 'PyTorch' },
			{ text: 'TensorBoard', category: 'TensorFlow' },
			{ text: 'Eager by default', category: 'PyTorch' }
		]
	}
};

/** A valid question of the given type, with any fields overridden. */
export function question<T extends QuestionType>(
	type: T,
	overrides: Partial<Extract<Question, { type: T }>> = {}
): Extract<Question, { type: T }> {
	return { ...structuredClone(samples[type]), ...overrides } as Extract<Question, { type: T }>;
}

/** One valid question of every type. */
export const everyType = (): Question[] =>
	(Object.keys(samples) as QuestionType[]).map((type) => question(type));
