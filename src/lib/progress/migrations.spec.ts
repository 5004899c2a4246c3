import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, storesAt } from './migrations.ts';

const sample = (version: number) =>
	Object.fromEntries(
		storesAt(version).map((name) => [name, [{ key: `${name}-1`, id: `${name}-1` }]])
	);

describe('database migrations', () => {
	it('are numbered 1, 2, … without gaps', () => {
		expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
	});

	it('move every version up to the latest with the stores it has', () => {
		for (let v = 0; v <= LATEST_VERSION; v++) {
			expect(Object.keys(migrate(sample(v), v, LATEST_VERSION)).sort()).toEqual(
				storesAt(LATEST_VERSION).sort()
			);
		}
	});

	it('keep the records of every store on the way up', () => {
		for (let v = 1; v <= LATEST_VERSION; v++) {
			const up = migrate(sample(v), v, LATEST_VERSION);
			for (const [store, records] of Object.entries(sample(v))) expect(up[store]).toEqual(records);
		}
	});

	it('go down and up again to the same data, between every pair of versions', () => {
		for (let high = 1; high <= LATEST_VERSION; high++) {
			for (let low = 0; low < high; low++) {
				const down = migrate(sample(high), high, low);
				expect(Object.keys(down).sort()).toEqual(storesAt(low).sort());
				expect(migrate(down, low, high)).toEqual(migrate(sample(low), low, high));
				expect(migrate(migrate(sample(low), low, high), high, low)).toEqual(sample(low));
			}
		}
	});

	it('move the backup taken before a restore into its own store at v4, and back', () => {
		const backup = { format: 'coursekit-backup', exportedAt: '2026-03-01T10:00:00.000Z' };
		const v3 = {
			...sample(3),
			meta: [
				{ key: 'profile', value: { learner: { id: 'learner-1' } } },
				{ key: 'auto-backup', value: backup }
			]
		};
		const v4 = migrate(v3, 3, 4);
		expect(v4.meta).toEqual([{ key: 'profile', value: { learner: { id: 'learner-1' } } }]);
		expect(v4.backups).toEqual([
			{
				id: 'restore-2026-03-01T10:00:00.000Z',
				at: '2026-03-01T10:00:00.000Z',
				reason: 'restore',
				backup
			}
		]);
		expect(migrate(v4, 4, 3)).toEqual({ ...v3, meta: [v3.meta[0], v3.meta[1]] });
	});
});

describe('the v6 migration (the xAPI outbox)', () => {
	it('adds an empty outbox and leaves every other store as it was, and takes it away going down', () => {
		const v5 = sample(5);
		const v6 = migrate(v5, 5, 6);
		expect(v6).toEqual({ ...v5, outbox: [] });
		for (const store of Object.keys(v5)) expect(v6[store]).toBe(v5[store]);
		const queued = { ...v6, outbox: [{ id: 'x', seq: 1, state: 'waiting' }] };
		expect(migrate(queued, 6, 5)).toEqual(v5);
	});

	it('orders the outbox by state, then by place in the queue', () => {
		const v6 = MIGRATIONS.find((m) => m.version === 6)!;
		expect(v6.stores).toEqual([
			{ name: 'outbox', keyPath: 'id', indexes: [{ name: 'byQueue', keyPath: ['state', 'seq'] }] }
		]);
	});
});
