/**
 * The results code: a results file as compressed text with a checksum, short enough to paste
 * into an LMS text box, e.g. `CK1.<data>.<crc32>`. The gradebook accepts it like a file.
 */
import { crc32, packJson, unpackJson } from '../assign/codec.ts';

export async function encodeResultsCode(file: unknown): Promise<string> {
	const body = await packJson(file);
	return `CK1.${body}.${crc32(body)}`;
}

export type CodeRead = { ok: true; json: string } | { ok: false; message: string };

/** The results-file JSON inside a code, or why it can't be read. */
export async function decodeResultsCode(code: string): Promise<CodeRead> {
	const match = /^CK1\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})$/.exec(code.replace(/\s+/g, ''));
	if (!match)
		return {
			ok: false,
			message: 'This is not a Coursekit results code (it should start with "CK1.").'
		};
	if (crc32(match[1]) !== match[2])
		return {
			ok: false,
			message: 'This results code is damaged or was changed: its checksum does not match.'
		};
	try {
		return { ok: true, json: JSON.stringify(await unpackJson(match[1])) };
	} catch {
		return { ok: false, message: 'This results code is damaged and cannot be read.' };
	}
}
