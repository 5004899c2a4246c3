/**
 * The content hash of a quiz: a fingerprint of its questions and answer keys. It travels with
 * every attempt and result, so the gradebook can tell which version of a quiz was answered.
 */
import type { Question } from '../content/schema.ts';

/** JSON with object keys sorted, so that key order in the YAML does not change the hash. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. Not a security hash: an identity. */
export function fnv1a64(text: string): string {
	let hash = 0xcbf29ce484222325n;
	const prime = 0x100000001b3n;
	for (let i = 0; i < text.length; i++) {
		hash ^= BigInt(text.charCodeAt(i));
		hash = (hash * prime) & 0xffffffffffffffffn;
	}
	return hash.toString(16).padStart(16, '0');
}

/** The hash of a quiz's questions and keys, e.g. `"q1-3f9a…"`. */
export function contentHash(questions: readonly Question[]): string {
	return `q1-${fnv1a64(canonical(questions))}`;
}
