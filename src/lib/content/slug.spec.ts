import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugify, textId } from './slug.ts';

/** The id every match, order and classify text got before ids worked in any script. */
const asciiSlug = (text: string) =>
	text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** Text in the Latin alphabet: letters with and without accents, digits, punctuation, spaces. */
const latinText = fc.string({
	unit: fc.constantFrom(...'aZéÉçñøßıłœæ09 -+,.:;!?()&/\'"µ²½ﬁＡ'.split('')),
	maxLength: 30
});

describe('textId: the id a text gets when its author gives none', () => {
	it('keeps the ASCII slug a text in the Latin alphabet has always had', () => {
		expect(textId('GPUs, TPUs')).toBe('gpus-tpus');
		expect(textId('Café crème')).toBe('cafe-cre-me');
		expect(textId('10 µs')).toBe('10-s');
		fc.assert(
			fc.property(latinText, (text) => {
				expect(textId(text)).toBe(asciiSlug(text));
				expect(textId(text)).toBe(slugify(text));
			})
		);
	});

	it('keeps the letters and digits of any other script, lower-cased', () => {
		expect(textId('Нижний Новгород')).toBe('нижний-новгород');
		expect(textId('Αθήνα 2004')).toBe('αθήνα-2004');
		expect(textId('東京タワー')).toBe('東京タワー');
		expect(textId('PyTorch на GPU')).toBe('pytorch-на-gpu');
		expect(textId('القاهرة')).toBe('القاهرة');
	});

	it('tells apart texts that differ only by a mark: й and и, ё and е, ά and α, が and か', () => {
		for (const [a, b] of [
			['мой', 'мои'],
			['всё', 'все'],
			['πότε', 'ποτε'],
			['が', 'か'],
			['ガ', 'カ']
		]) {
			expect(textId(a), `${a} / ${b}`).not.toBe(textId(b));
		}
	});

	it('gives the same id to a text however it is encoded or cased', () => {
		expect(textId('ё')).toBe(textId('е\u0308'));
		expect(textId('ｶﾞｯｺｳ')).toBe(textId('ガッコウ'));
		expect(textId('МОСКВА')).toBe(textId('Москва'));
	});

	it('is empty for a text without a letter or digit', () => {
		expect(textId('→')).toBe('');
		expect(textId('— !')).toBe('');
	});

	it('is empty for a text that normalises to marks alone', () => {
		expect(textId('ﱞ')).toBe('');
		expect(textId('ﹰ')).toBe('');
	});

	it('is its own id, so that an id an author writes can be checked against it', () => {
		const anyText = fc.oneof(latinText, fc.string({ unit: 'grapheme', maxLength: 20 }));
		fc.assert(
			fc.property(anyText, (text) => {
				expect(textId(textId(text))).toBe(textId(text));
			}),
			{ numRuns: 5_000 }
		);
	});
});
