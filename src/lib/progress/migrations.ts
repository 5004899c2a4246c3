/**
 * Versions of the `coursekit` IndexedDB database and how to move between them. Each version
 * lists the object stores it has; data moves through pure functions over a plain snapshot
 * (store → records), so every step is tested both ways in Node.
 */
export type Snapshot = Record<string, unknown[]>;

export interface Migration {
	/** The version this step produces. */
	version: number;
	/** Stores that exist from this version on. */
	stores: { name: string; keyPath?: string; autoIncrement?: boolean }[];
	up(snapshot: Snapshot): Snapshot;
	down(snapshot: Snapshot): Snapshot;
}

export const MIGRATIONS: Migration[] = [
	{
		version: 1,
		stores: [
			{ name: 'attempts', keyPath: 'id' },
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
	}
];

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
