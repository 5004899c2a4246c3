/**
 * The checks of the rarer records of the `coursekit` database: pre-restore backups, the
 * gradebook's imported files and the xAPI outbox (their types are in `records.ts`). Only
 * `db-more.ts` reads these records, so their checks load with it.
 */
import { LIMITS, hasFields, isIsoInstant, isPlainObject } from '../quiz/attempt-guard.ts';
import { id, text, type OutboxEntry, type StoredBackup, type StoredImport } from './records.ts';

/** How many pre-restore backups are kept. */
export const KEEP_BACKUPS = 3;

/** A pre-restore backup's envelope (its file is checked by the backup schema when used). */
export const isStoredBackup = (value: unknown): value is StoredBackup =>
	hasFields(value, {
		id: { check: id },
		at: { check: isIsoInstant },
		reason: { check: (v) => v === 'restore' || v === 'undo' },
		backup: { check: isPlainObject }
	});

/** The largest import kept: the cap on a results file. */
const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

export const isStoredImport = (value: unknown): value is StoredImport =>
	hasFields(value, {
		id: { check: id },
		scope: { check: text(0, LIMITS.id) },
		source: { check: text(1, 500) },
		text: { check: text(1, MAX_IMPORT_CHARS) },
		at: { check: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) }
	});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isOutboxEntry = (value: unknown): value is OutboxEntry =>
	hasFields(value, {
		id: { check: (v) => typeof v === 'string' && UUID.test(v) },
		seq: { check: (v) => Number.isSafeInteger(v) && (v as number) > 0 },
		state: { check: (v) => v === 'waiting' || v === 'sent' },
		endpoint: { check: text(1, 2_000) },
		auth: { check: text(1, 4_000), optional: true },
		attemptId: { check: id, optional: true },
		statement: {
			check: (v) => isPlainObject(v) && v.id === (value as { id?: unknown }).id,
			optional: true
		},
		at: { check: isIsoInstant },
		sentAt: { check: isIsoInstant, optional: true }
	}) &&
	// A waiting entry without its statement could never be sent.
	(value.state === 'sent' || value.statement !== undefined);
