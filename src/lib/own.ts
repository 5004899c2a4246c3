/**
 * Lookups by id in plain records: answers, marks and rendered texts are keyed by ids that a
 * learner's file may choose (`constructor`, `__proto__`, `toString`), and records that went
 * through JSON or devalue always have `Object.prototype`, so a bare `record[id]` can return an
 * inherited member instead of nothing.
 */

/** `record[key]` when `key` is the record's own property, else undefined (never an inherited member). */
export function own<T>(
	record: Readonly<Record<string, T>> | undefined,
	key: string
): T | undefined {
	return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
