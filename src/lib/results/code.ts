/**
 * The results code: a results file as compressed text with a checksum, short enough to paste
 * into an LMS text box, e.g. `CK1.<data>.<crc32>`. The gradebook accepts it like a file.
 */
import { crc32, packJson, TooLargeError, unpackJson } from '../assign/codec.ts';

export async function encodeResultsCode(file: unknown): Promise<string> {
	const body = await packJson(file);
	return `CK1.${body}.${crc32(body)}`;
}

export type CodeRead = { ok: true; json: string } | { ok: false; message: string };

/** How large a results code may be once unpacked: the same cap as a results file. */
const MAX_CODE_BYTES = 5 * 1024 * 1024;

/**
 * The results codes in pasted text. Email clients wrap a long code over several lines and may
 * quote it (`> `): a piece that does not start a new code (`CK1.`) continues the one before.
 */
export function splitResultsCodes(text: string): string[] {
	const codes: string[] = [];
	for (const piece of text.replace(/^[ \t]*(?:>[ \t]*)+/gm, '').split(/\s+/)) {
		if (!piece) continue;
		if (piece.startsWith('CK1.') || codes.length === 0) codes.push(piece);
		else codes[codes.length - 1] += piece;
	}
	return codes;
}

/** The results-file JSON inside a code, or why it can't be read. */
export async function decodeResultsCode(code: string): Promise<CodeRead> {
	const text = code.replace(/\s+/g, '');
	if (!text.startsWith('CK1.'))
		return {
			ok: false,
			message: 'This is not a Coursekit results code (it should start with "CK1.").'
		};
	const match = /^CK1\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})$/.exec(text);
	if (!match) {
		return /^CK1\.[A-Za-z0-9_-]*\.?[0-9a-f]{0,7}$/.test(text)
			? {
					ok: false,
					message: 'This results code is incomplete: its end is missing. Copy the whole code again.'
				}
			: { ok: false, message: 'This results code contains characters a code never has.' };
	}
	if (crc32(match[1]) !== match[2])
		return {
			ok: false,
			message:
				'This results code is damaged, incomplete or was changed: its checksum does not match.'
		};
	try {
		return { ok: true, json: JSON.stringify(await unpackJson(match[1], MAX_CODE_BYTES)) };
	} catch (error) {
		return {
			ok: false,
			message:
				error instanceof TooLargeError
					? 'This results code unpacks to more than 5 MB, more than any results file; it was not read.'
					: 'This results code is damaged and cannot be read.'
		};
	}
}
