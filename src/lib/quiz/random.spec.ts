import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedFrom, shuffled } from './random.ts';

describe('seeded shuffle', () => {
	it('is a deterministic permutation: same seed, same order; every item kept once', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer()),
				fc.integer({ min: 0, max: 2 ** 32 - 1 }),
				(items, seed) => {
					const once = shuffled(items, seed);
					expect(shuffled(items, seed)).toEqual(once);
					expect([...once].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
				}
			)
		);
	});

	it('gives different orders for different seeds', () => {
		const items = Array.from({ length: 10 }, (_, i) => i);
		const orders = new Set(Array.from({ length: 20 }, (_, seed) => shuffled(items, seed).join()));
		expect(orders.size).toBeGreaterThan(15);
	});

	it('does not change the array it was given', () => {
		const items = [1, 2, 3, 4];
		shuffled(items, 7);
		expect(items).toEqual([1, 2, 3, 4]);
	});

	it('derives stable seeds from strings', () => {
		expect(seedFrom('attempt-1')).toBe(seedFrom('attempt-1'));
		expect(seedFrom('attempt-1')).not.toBe(seedFrom('attempt-2'));
	});
});
