import { describe, expect, it } from 'vitest';
import { contentHash } from './hash.ts';
import { everyType, question } from '../testing/builders.ts';

describe('contentHash', () => {
	it('is stable for the same questions, whatever the key order of their fields', () => {
		const q = question('single');
		const reordered = Object.fromEntries(Object.entries(q).reverse()) as typeof q;
		expect(contentHash([q])).toBe(contentHash([reordered]));
		expect(contentHash(everyType())).toMatch(/^q1-[0-9a-f]{16}$/);
	});

	it('changes when a key, a prompt or the question order changes', () => {
		const base = contentHash(everyType());
		const changedKey = everyType();
		changedKey[2] = question('truefalse', { answer: false });
		expect(contentHash(changedKey)).not.toBe(base);
		const changedPrompt = everyType();
		changedPrompt[0] = question('single', { prompt: 'Another question?' });
		expect(contentHash(changedPrompt)).not.toBe(base);
		expect(contentHash(everyType().reverse())).not.toBe(base);
	});
});
