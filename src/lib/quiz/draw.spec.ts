import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawQuestions, presentOrder } from './draw.ts';
import { question } from '../testing/builders.ts';
import type { Question } from '../content/schema.ts';

const pool: Question[] = [
	...['a', 'b', 'c', 'd'].map((id) =>
		question('truefalse', { id: `graph-${id}`, topic: 'graph-types' })
	),
	...['a', 'b', 'c'].map((id) =>
		question('truefalse', { id: `deploy-${id}`, topic: 'deployment' })
	),
	...['a', 'b'].map((id) => question('truefalse', { id: `hw-${id}`, topic: 'hardware' }))
];
const noShuffle = { shuffle: { questions: false, options: false } };
const countByTopic = (qs: Question[]) =>
	qs.reduce<Record<string, number>>((n, q) => ({ ...n, [q.topic]: (n[q.topic] ?? 0) + 1 }), {});

describe('drawQuestions', () => {
	it('without draw or shuffle presents every question in authoring order', () => {
		expect(drawQuestions(pool, noShuffle, 1).map((q) => q.id)).toEqual(pool.map((q) => q.id));
	});

	it('draws N questions per topic', () => {
		expect(countByTopic(drawQuestions(pool, { ...noShuffle, draw: 2 }, 5))).toEqual({
			'graph-types': 2,
			deployment: 2,
			hardware: 2
		});
	});

	it('respects per-topic counts for any seed', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 4 }),
				fc.integer({ min: 0, max: 3 }),
				fc.integer({ min: 0, max: 2 }),
				fc.integer(),
				fc.boolean(),
				(graph, deploy, hw, seed, shuffle) => {
					const draw = { 'graph-types': graph, deployment: deploy, hardware: hw };
					const drawn = drawQuestions(
						pool,
						{ draw, shuffle: { questions: shuffle, options: false } },
						seed
					);
					const counts = countByTopic(drawn);
					expect(counts['graph-types'] ?? 0).toBe(graph);
					expect(counts.deployment ?? 0).toBe(deploy);
					expect(counts.hardware ?? 0).toBe(hw);
					expect(new Set(drawn.map((q) => q.id)).size).toBe(drawn.length);
					expect(
						drawQuestions(pool, { draw, shuffle: { questions: shuffle, options: false } }, seed)
					).toEqual(drawn);
				}
			)
		);
	});

	it('shuffles questions by seed: same seed, same order', () => {
		const settings = { shuffle: { questions: true, options: true } };
		expect(drawQuestions(pool, settings, 42)).toEqual(drawQuestions(pool, settings, 42));
		expect(drawQuestions(pool, settings, 42).map((q) => q.id)).not.toEqual(
			drawQuestions(pool, settings, 43).map((q) => q.id)
		);
	});
});

describe('presentOrder', () => {
	const options = question('multiple').options;

	it('keeps authoring order when shuffling is off', () => {
		expect(presentOrder(options, 'q', 9, false)).toEqual(options);
	});

	it('is a seeded permutation that differs between questions of one attempt', () => {
		const a = presentOrder(options, 'q1', 9, true);
		expect(presentOrder(options, 'q1', 9, true)).toEqual(a);
		expect([...a].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
			[...options].sort((x, y) => x.id.localeCompare(y.id))
		);
		const orders = new Set(
			['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) =>
				presentOrder(options, id, 9, true)
					.map((o) => o.id)
					.join()
			)
		);
		expect(orders.size).toBeGreaterThan(1);
	});
});
