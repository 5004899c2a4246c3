/**
 * The versions of the `coursekit` IndexedDB database and the object stores each one adds. Opening
 * a new database needs only this; moving the data of an older one needs `migrations.ts` too,
 * which db.ts loads only for that (issue 13: every page that stores something opens the database).
 */
export interface StoreDef {
	name: string;
	keyPath?: string;
	autoIncrement?: boolean;
	indexes?: { name: string; keyPath: string | string[] }[];
}

export interface Version {
	version: number;
	/** Stores that exist from this version on. */
	stores: StoreDef[];
}

export const VERSIONS: Version[] = [
	{
		version: 1,
		stores: [
			{
				name: 'attempts',
				keyPath: 'id',
				indexes: [{ name: 'byQuiz', keyPath: ['courseId', 'quizId'] }]
			},
			{ name: 'quarantine', keyPath: 'id', autoIncrement: true }
		]
	},
	// v2: the learner profile, lessons marked as done, and saved snapshots (automatic backups).
	{
		version: 2,
		stores: [
			{ name: 'meta', keyPath: 'key' },
			{ name: 'lessons', keyPath: 'key' }
		]
	},
	// v3: spaced-repetition review answers (cards are derived from them and quiz answers).
	{ version: 3, stores: [{ name: 'reviews', keyPath: 'id' }] },
	// v4: the copies taken before each restore (the last three are kept and can be put back).
	{ version: 4, stores: [{ name: 'backups', keyPath: 'id' }] },
	// v5: the instructor's gradebook keeps the files it imported, per assignment.
	{
		version: 5,
		stores: [{ name: 'imports', keyPath: 'id', indexes: [{ name: 'byScope', keyPath: 'scope' }] }]
	},
	// v6: the xAPI outbox: statements waiting for an LRS, in the order they were queued, and the
	// ids of those delivered (so that none is queued twice). See `lrs/`.
	{
		version: 6,
		stores: [
			{ name: 'outbox', keyPath: 'id', indexes: [{ name: 'byQueue', keyPath: ['state', 'seq'] }] }
		]
	}
];

export const LATEST_VERSION = VERSIONS.at(-1)!.version;

/** The stores a database of `version` has. */
export const storesAt = (version: number) =>
	VERSIONS.filter((v) => v.version <= version).flatMap((v) => v.stores.map((s) => s.name));
