import { describe, expect, it } from 'vitest';
import { crc32, toBase64Url, TooLargeError, unpackJson } from '../assign/codec.ts';
import { resultsFile } from '../testing/builders.ts';
import { decodeResultsCode, encodeResultsCode, splitResultsCodes } from './code.ts';

/** `text` wrapped at `width` characters, as an email client sends it. */
const wrap = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, 'g'))!;

/** A deflate-raw stream of `bytes` zero bytes, as base64url (a "zip bomb" for unpackJson). */
async function zeros(bytes: number): Promise<string> {
	const stream = new Blob([new Uint8Array(bytes)])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('pasted results codes', () => {
	it('finds codes wrapped over several lines, quoted or not, among others', async () => {
		const a = await encodeResultsCode(resultsFile());
		const b = await encodeResultsCode(
			resultsFile(undefined, { exportedAt: '2026-01-02T00:00:00.000Z' })
		);
		const pasted = `${wrap(a, 40).join('\n')}\n\n> ${wrap(b, 30).join('\n> ')}\n`;
		expect(splitResultsCodes(pasted)).toEqual([a, b]);
		for (const code of splitResultsCodes(pasted))
			expect(await decodeResultsCode(code)).toMatchObject({ ok: true });
	});

	it('says a code cut short is incomplete, not that it lacks "CK1."', async () => {
		const code = await encodeResultsCode(resultsFile());
		for (const cut of [code.slice(0, 20), code.slice(0, -3), code.slice(0, code.lastIndexOf('.'))])
			expect(await decodeResultsCode(cut)).toEqual({
				ok: false,
				message: 'This results code is incomplete: its end is missing. Copy the whole code again.'
			});
	});

	it('stops unpacking at the cap instead of inflating everything', async () => {
		const bomb = await zeros(64 * 1024 * 1024);
		expect(bomb.length).toBeLessThan(100_000);
		await expect(unpackJson(bomb, 1024 * 1024)).rejects.toBeInstanceOf(TooLargeError);
		const code = `CK1.${bomb}.${crc32(bomb)}`;
		expect(await decodeResultsCode(code)).toMatchObject({
			ok: false,
			message: expect.stringContaining('more than 5 MB')
		});
	});
});
