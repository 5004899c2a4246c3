/**
 * Compact text for links and paste boxes: JSON, deflated, base64url. Used for assignment links
 * (in the URL fragment) and results codes (with a checksum, to paste into an LMS text box).
 * Uses the platform's CompressionStream (browsers and Node 18+), so no library ships.
 */

async function pipe(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream
): Promise<Uint8Array> {
	const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(out).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
	const binary = atob(
		text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
	);
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** JSON → deflate-raw → base64url. */
export async function packJson(value: unknown): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(value));
	return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/** Thrown by `unpackJson` when the inflated text would pass its cap. */
export class TooLargeError extends Error {
	constructor(readonly maxBytes: number) {
		super(`larger than ${maxBytes} bytes once unpacked`);
	}
}

/**
 * The inverse of packJson; throws on damaged input. `maxBytes` caps the inflated size, and
 * inflating stops as soon as it is passed: a small code that would inflate to gigabytes never
 * gets to fill the memory (TooLargeError).
 */
export async function unpackJson(text: string, maxBytes = 5 * 1024 * 1024): Promise<unknown> {
	const reader = new Blob([fromBase64Url(text) as BlobPart])
		.stream()
		.pipeThrough(new DecompressionStream('deflate-raw'))
		.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > maxBytes) {
			await reader.cancel().catch(() => {});
			throw new TooLargeError(maxBytes);
		}
		chunks.push(value);
	}
	const inflated = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		inflated.set(chunk, offset);
		offset += chunk.length;
	}
	return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
}

/** CRC-32 (IEEE) of a string's UTF-8 bytes, as 8 hex digits. */
export function crc32(text: string): string {
	let crc = 0xffffffff;
	for (const byte of new TextEncoder().encode(text)) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}
