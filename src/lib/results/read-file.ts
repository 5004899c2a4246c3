/**
 * Reading a results or backup file someone gives us: size cap before parsing, JSON without
 * prototype tricks, a clear word on another format or a future version, then the zod schema.
 * Never throws: every failure is a message a person can act on.
 */
import * as z from '../zod-mini.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKey extends Error {}

/**
 * Where a forbidden key could be: its name in quotes, or any `\u` escape (which could spell it).
 * Text without either parses without the reviver, which is several times slower.
 */
const MAYBE_FORBIDDEN = /\\u|"(?:__proto__|constructor|prototype)"/;

/** JSON.parse that refuses keys that could reach an object's prototype. */
export function parseJsonSafely(text: string): unknown {
	if (!MAYBE_FORBIDDEN.test(text)) return JSON.parse(text);
	return JSON.parse(text, function (key, value) {
		if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
		return value;
	});
}

interface Expected<T> {
	format: string;
	version: number;
	/** What a person calls it: "results file", "backup". */
	noun: string;
	schema: z.ZodMiniType<T>;
	/**
	 * A check without zod that accepts exactly what `schema` accepts (held to it by a property
	 * test), for large imports: zod then only words the refusal of a file this check refuses.
	 */
	accepts?: (data: unknown) => data is T;
}

/** Parses and validates `text` (the file's contents; `bytes` its size) as the expected format. */
export function readJsonFile<T>(text: string, bytes: number, expected: Expected<T>): ReadResult<T> {
	const fail = (message: string): ReadResult<T> => ({ ok: false, message });
	if (bytes > MAX_FILE_BYTES) {
		return fail(
			`This file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a Coursekit ${expected.noun} is at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Nothing was changed.`
		);
	}
	let data: unknown;
	try {
		data = parseJsonSafely(text);
	} catch (error) {
		if (error instanceof ForbiddenKey)
			return fail(
				`This file contains a forbidden key ("${error.message}") and was refused. Nothing was changed.`
			);
		return fail(
			`This file is not valid JSON (it may be truncated or not a Coursekit ${expected.noun}). Nothing was changed.`
		);
	}
	const header = (data ?? {}) as { format?: unknown; version?: unknown };
	if (typeof data !== 'object' || data === null || header.format !== expected.format) {
		return fail(
			`This is not a Coursekit ${expected.noun} (expected "format": "${expected.format}"). Nothing was changed.`
		);
	}
	if (typeof header.version === 'number' && header.version > expected.version) {
		return fail(
			`This ${expected.noun} was made by a newer version of Coursekit (format version ${header.version}; this app reads version ${expected.version}). Update the app, then try again. Nothing was changed.`
		);
	}
	if (expected.accepts?.(data)) return { ok: true, value: data };
	const parsed = expected.schema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
		return fail(
			`This ${expected.noun} is damaged or was edited: ${issue.message}${where}. Nothing was changed.`
		);
	}
	return { ok: true, value: parsed.data };
}
