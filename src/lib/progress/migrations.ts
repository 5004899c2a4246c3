/**
 * How data moves between the versions of the `coursekit` IndexedDB database (versions.ts lists
 * the stores each adds). Data moves through pure functions over a plain snapshot (store →
 * records), so every step is tested both ways in Node. db.ts loads this module only to upgrade a
 * database that already has data.
 */
import { VERSIONS, type Version } from './versions.ts';

export { LATEST_VERSION, storesAt, type StoreDef } from './versions.ts';

export type Snapshot = Record<string, unknown[]>;

export interface Step {
	up(snapshot: Snapshot): Snapshot;
	down(snapshot: Snapshot): Snapshot;
}

export type Migration = Version & Step;

/** What each version does to the data, by version. */
const STEPS: Record<number, Step> = {
	1: {
		up: (s) => ({ attempts: [], quarantine: [], ...s }),
		down: () => ({})
	},
	2: {
		up: (s) => ({ ...s, meta: s.meta ?? [], lessons: s.lessons ?? [] }),
		down: (s) => {
			const rest = { ...s };
			delete rest.meta;
			delete rest.lessons;
			return rest;
		}
	},
	3: {
		up: (s) => ({ ...s, reviews: s.reviews ?? [] }),
		down: (s) => {
			const rest = { ...s };
			delete rest.reviews;
			return rest;
		}
	},
	// v3 kept a single pre-restore copy in `meta` under `auto-backup`; v4 moves it to `backups`.
	4: {
		up: (s) => {
			const meta = s.meta ?? [];
			const old = meta.find((r) => keyOf(r) === AUTO_BACKUP) as { value?: unknown } | undefined;
			const at = exportedAt(old?.value);
			return {
				...s,
				meta: old ? meta.filter((r) => r !== old) : meta,
				backups: [
					...(s.backups ?? []),
					...(old ? [{ id: `restore-${at}`, at, reason: 'restore', backup: old.value }] : [])
				]
			};
		},
		down: (s) => {
			const rest = { ...s };
			delete rest.backups;
			const newest = [...(s.backups ?? [])]
				.filter((b): b is { at: string; backup: unknown } => typeof keyOf(b, 'at') === 'string')
				.sort((a, b) => b.at.localeCompare(a.at))[0];
			if (newest) rest.meta = [...(s.meta ?? []), { key: AUTO_BACKUP, value: newest.backup }];
			return rest;
		}
	},
	5: {
		up: (s) => ({ ...s, imports: s.imports ?? [] }),
		down: (s) => {
			const rest = { ...s };
			delete rest.imports;
			return rest;
		}
	},
	6: {
		up: (s) => ({ ...s, outbox: s.outbox ?? [] }),
		down: (s) => {
			const rest = { ...s };
			delete rest.outbox;
			return rest;
		}
	}
};

/** Every version with its step (a version without one fails here, at load, in every test). */
export const MIGRATIONS: Migration[] = VERSIONS.map((v) => {
	const step = STEPS[v.version];
	if (!step) throw new Error(`No migration step for version ${v.version}`);
	return { ...v, ...step };
});

const AUTO_BACKUP = 'auto-backup';

/** A record's field, whatever the record is (stored data may be anything). */
function keyOf(record: unknown, field = 'key'): unknown {
	return typeof record === 'object' && record !== null
		? (record as Record<string, unknown>)[field]
		: undefined;
}

const exportedAt = (backup: unknown) => {
	const at = keyOf(backup, 'exportedAt');
	return typeof at === 'string' ? at : '1970-01-01T00:00:00.000Z';
};

/** Moves a snapshot from one version to another, up or down, one step at a time. */
export function migrate(snapshot: Snapshot, from: number, to: number): Snapshot {
	let current = snapshot;
	if (to > from) {
		for (const step of MIGRATIONS.filter((m) => m.version > from && m.version <= to))
			current = step.up(current);
	} else {
		for (const step of MIGRATIONS.filter((m) => m.version <= from && m.version > to).reverse())
			current = step.down(current);
	}
	return current;
}
