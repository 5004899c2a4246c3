/**
 * Versions of the `coursekit` IndexedDB database and how to move between them. Each version
 * lists the object stores it has; data moves through pure functions over a plain snapshot
 * (store → records), so every step is tested both ways in Node.
 */
export type Snapshot = Record<string, unknown[]>;

export interface StoreDef {
	name: string;
	keyPath?: string;
	autoIncrement?: boolean;
	indexes?: { name: string; keyPath: string | string[] }[];
}

export interface Migration {
	/** The version this step produces. */
	version: number;
	/** Stores that exist from this version on. */
	stores: StoreDef[];
	up(snapshot: Snapshot): Snapshot;
	down(snapshot: Snapshot): Snapshot;
}

export const MIGRATIONS: Migration[] = [
	{
		version: 1,
		stores: [
			{
				name: 'attempts',
				keyPath: 'id',
				indexes: [{ name: 'byQuiz', keyPath: ['courseId', 'quizId'] }]
			},
			{ name: 'quarantine', keyPath: 'id', autoIncrement: true }
		],
		up: (s) => ({ attempts: [], quarantine: [], ...s }),
		down: () => ({})
	},
	{
		// v2: the learner profile, lessons marked as done, and saved snapshots (automatic backups).
		version: 2,
		stores: [
			{ name: 'meta', keyPath: 'key' },
			{ name: 'lessons', keyPath: 'key' }
		],
		up: (s) => ({ ...s, meta: s.meta ?? [], lessons: s.lessons ?? [] }),
		down: (s) => {
			const rest = { ...s };
			delete rest.meta;
			delete rest.lessons;
			return rest;
		}
	},
	{
		// v3: spaced-repetition review answers (cards are derived from them and quiz answers).
		version: 3,
		stores: [{ name: 'reviews', keyPath: 'id' }],
		up: (s) => ({ ...s, reviews: s.reviews ?? [] }),
		down: (s) => {
			const rest = { ...s };
			delete rest.reviews;
			return rest;
		}
	},
	{
		// v4: the copies taken before each restore get a store of their own (the last three are
		// kept and can be put back); v3 kept a single one in `meta` under `auto-backup`.
		version: 4,
		stores: [{ name: 'backups', keyPath: 'id' }],
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
	{
		// v5: the instructor's gradebook keeps the files it imported, per assignment.
		version: 5,
		stores: [{ name: 'imports', keyPath: 'id', indexes: [{ name: 'byScope', keyPath: 'scope' }] }],
		up: (s) => ({ ...s, imports: s.imports ?? [] }),
		down: (s) => {
			const rest = { ...s };
			delete rest.imports;
			return rest;
		}
	},
	{
		// v6: the xAPI outbox: statements waiting for an LRS, in the order they were queued, and
		// the ids of those delivered (so that none is queued twice). See `lrs/`.
		version: 6,
		stores: [
			{ name: 'outbox', keyPath: 'id', indexes: [{ name: 'byQueue', keyPath: ['state', 'seq'] }] }
		],
		up: (s) => ({ ...s, outbox: s.outbox ?? [] }),
		down: (s) => {
			const rest = { ...s };
			delete rest.outbox;
			return rest;
		}
	}
];

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

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

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

/** The stores a database of `version` has. */
export const storesAt = (version: number) =>
	MIGRATIONS.filter((m) => m.version <= version).flatMap((m) => m.stores.map((s) => s.name));
