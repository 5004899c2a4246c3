import { describe, expect, it } from 'vitest';
import { loadCourses } from '../content/load.ts';
import { readContentFiles } from '../content/read-dir.ts';
import type { Question, QuestionType } from '../content/schema.ts';
import { correctAnswer } from '../quiz/grade.ts';
import { everyType, question } from '../testing/builders.ts';
import type { ScormVersion } from './scorm-api.ts';
import { launch, stored } from './scorm-fixtures.ts';
import { interactionFields } from './scorm-fields.ts';
import { interactionOf, resultOf } from './scorm-interaction.ts';

/** `question` answered with `answer`, recorded in a fresh LMS; the interaction as it stored it. */
function recorded(version: ScormVersion, q: Question, answer: unknown, latency?: number) {
	const { session, api } = launch(version);
	const n = session.recordInteraction(interactionOf(q, answer, latency));
	const cmi = stored(api);
	const field = (name: string) => cmi[`cmi.interactions.${n}.${name}`];
	const patterns = Object.keys(cmi)
		.filter((key) => key.startsWith(`cmi.interactions.${n}.correct_responses.`))
		.map((key) => cmi[key]);
	return {
		id: field('id'),
		type: field('type'),
		response: field(version === '1.2' ? 'student_response' : 'learner_response'),
		patterns,
		result: field('result'),
		latency: field('latency')
	};
}

/** Per type: an answer (partly right where the type allows), and what each version writes. */
const cases: {
	type: QuestionType;
	answer: unknown;
	'1.2': [response: string, patterns: string[], result: string];
	'2004': [response: string, patterns: string[], result: string];
}[] = [
	{
		type: 'single',
		answer: 'static',
		'1.2': ['b', ['a'], 'wrong'],
		'2004': ['static', ['dynamic'], 'incorrect']
	},
	{
		type: 'multiple',
		answer: ['lite'],
		'1.2': ['b', ['{a,b}'], '0.5'],
		'2004': ['lite', ['serving[,]lite'], '0.5']
	},
	{
		type: 'truefalse',
		answer: true,
		'1.2': ['t', ['t'], 'correct'],
		'2004': ['true', ['true'], 'correct']
	},
	{
		type: 'text',
		answer: 'tensorboard',
		'1.2': ['tensorboard', ['TensorBoard', 'Tensor Board'], 'correct'],
		'2004': [
			'tensorboard',
			['{case_matters=false}TensorBoard', '{case_matters=false}Tensor Board'],
			'correct'
		]
	},
	{
		type: 'match',
		answer: { tensorflow: 'gpus-tpus', pytorch: 'cpus-only', keras: 'same-as-tensorflow' },
		'1.2': ['1.a,2.e,3.c', ['{1.a,2.b,3.c,4.d}'], '0.5'],
		'2004': [
			'tensorflow[.]gpus-tpus[,]pytorch[.]cpus-only[,]keras[.]same-as-tensorflow',
			[
				'tensorflow[.]gpus-tpus[,]pytorch[.]gpus-limited-tpu-support[,]keras[.]same-as-tensorflow[,]onnx[.]model-exchange'
			],
			'0.5'
		]
	},
	{
		type: 'order',
		answer: ['pytorch', 'tensorflow', 'keras'],
		'1.2': ['b,a,c', ['a,b,c'], '0.3333'],
		'2004': ['pytorch[,]tensorflow[,]keras', ['tensorflow[,]pytorch[,]keras'], '0.3333']
	},
	{
		type: 'classify',
		answer: {
			'tensorflow-serving': 'tensorflow',
			torchserve: 'tensorflow',
			tensorboard: 'tensorflow',
			'eager-by-default': 'pytorch'
		},
		'1.2': ['1.a,2.a,3.a,4.b', ['{1.a,2.b,3.a,4.b}'], '0.75'],
		'2004': [
			'tensorflow-serving[.]tensorflow[,]torchserve[.]tensorflow[,]tensorboard[.]tensorflow[,]eager-by-default[.]pytorch',
			[
				'tensorflow-serving[.]tensorflow[,]torchserve[.]pytorch[,]tensorboard[.]tensorflow[,]eager-by-default[.]pytorch'
			],
			'0.75'
		]
	}
];

const INTERACTION_TYPE: Record<QuestionType, string> = {
	single: 'choice',
	multiple: 'choice',
	truefalse: 'true-false',
	text: 'fill-in',
	match: 'matching',
	classify: 'matching',
	order: 'sequencing'
};

describe.each(['1.2', '2004'] as const)('interactions in SCORM %s', (version) => {
	it.each(cases)('records a $type answer in the form the LMS accepts', (c) => {
		const [response, patterns, result] = c[version];
		expect(recorded(version, question(c.type), c.answer, 4500)).toEqual({
			id: `${c.type}-q`,
			type: INTERACTION_TYPE[c.type],
			response,
			patterns,
			result,
			// Sent as 0000:00:04.50 in 1.2, which scorm-again keeps in its own spelling.
			latency: version === '1.2' ? '00:00:04.5' : 'PT4.5S'
		});
	});

	it('leaves out a response the learner has not given, and still records the question', () => {
		const multiple = recorded(version, question('multiple'), []);
		expect(multiple.response).toBe('');
		expect(multiple.result).toBe(version === '1.2' ? 'wrong' : 'incorrect');
		expect(recorded(version, question('truefalse'), undefined).response).toBe('');
	});
});

// The SCORM 1.2 RTE's formats of a response (CMIFeedback) by interaction type. scorm-again takes
// any string in 1.2, so these patterns, not the LMS, are what the 1.2 output is held to.
const RTE12: Record<string, RegExp> = {
	'true-false': /^[01tf]$/,
	choice: /^(\{[0-9a-z](,[0-9a-z])*\}|[0-9a-z](,[0-9a-z])*)$/,
	'fill-in': /^[\s\S]{0,255}$/,
	matching:
		/^(\{[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*\}|[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*)$/,
	sequencing: /^[0-9a-z](,[0-9a-z])*$/
};

const world = loadCourses(readContentFiles('tests/fixtures/world-course')).courses[0];
const worldQuestions = [...world.quizzes.values()].flatMap((quiz) => quiz.questions);

describe('questions in any script', () => {
	it('are fixture questions of every type in Russian and Japanese', () => {
		const types = new Set(worldQuestions.map((q) => q.type));
		expect(types.size).toBe(7);
	});

	it.each(worldQuestions.map((q) => [q.id, q] as const))(
		'%s, answered right, is written in the 1.2 RTE formats',
		(_, q) => {
			const fields = interactionFields('1.2', interactionOf(q, correctAnswer(q)));
			expect(fields.id).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
			expect(fields.learnerResponse).toMatch(RTE12[fields.type]);
			expect(fields.correctPatterns.length).toBeGreaterThan(0);
			for (const pattern of fields.correctPatterns) expect(pattern).toMatch(RTE12[fields.type]);
			expect(fields.result).toBe('correct');
		}
	);

	it.each(worldQuestions.map((q) => [q.id, q] as const))(
		'%s, answered right, is accepted by a 2004 LMS and names the choices by their ids',
		(_, q) => {
			const { response, patterns, result } = recorded('2004', q, correctAnswer(q));
			expect(result).toBe('correct');
			if (q.type === 'order' || q.type === 'match' || q.type === 'classify') {
				const ids = String(response)
					.split(/\[,\]|\[\.\]/)
					.map(decodeURIComponent);
				expect(new Set(ids).size).toBeGreaterThan(1);
				expect(ids.some((id) => /[^\x20-\x7e]/.test(id))).toBe(true);
				expect(patterns).toEqual([response]);
			}
		}
	);
});

describe('typed answers', () => {
	it('are cut to the 255 characters a 1.2 response holds', () => {
		const long = 'x'.repeat(300);
		expect(recorded('1.2', question('text'), long).response).toBe('x'.repeat(255));
	});

	it('are made one line of at most 250 characters, without 2004 delimiters, for 2004', () => {
		const text = question('text');
		expect(recorded('2004', text, '{lang=xx} a [,] b\nc').response).toBe(' {lang=xx} a [ ,] b c');
		expect(recorded('2004', text, 'y'.repeat(300)).response).toBe('y'.repeat(250));
	});
});

describe.each(['1.2', '2004'] as const)('accepted answers in SCORM %s', (version) => {
	it('become a correct pattern each, the first five of them', () => {
		const text = question('text', { answers: ['one', 'two', 'three', 'four', 'five', 'six'] });
		const { patterns } = recorded(version, text, 'two');
		expect(patterns).toHaveLength(5);
		expect(patterns[1]).toBe(version === '1.2' ? 'two' : '{case_matters=false}two');
	});
});

describe('results', () => {
	it('are correct, incorrect, or the share of credit of a partly right answer', () => {
		expect(resultOf(1)).toBe('correct');
		expect(resultOf(0)).toBe('incorrect');
		expect(resultOf(2 / 3)).toBe(0.6667);
	});

	it('of every right answer are correct', () => {
		for (const q of everyType()) {
			expect(interactionOf(q, correctAnswer(q)).result).toBe('correct');
		}
	});
});
