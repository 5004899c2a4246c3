import { describe, expect, it } from 'vitest';
import { own } from './own.ts';

describe('own', () => {
	it('reads the record’s own properties, including ones named like Object.prototype members', () => {
		const record = JSON.parse('{"a": "x", "constructor": "y", "__proto__": "z"}');
		expect(own(record, 'a')).toBe('x');
		expect(own(record, 'constructor')).toBe('y');
		expect(own(record, '__proto__')).toBe('z');
	});

	it('gives undefined for inherited members and missing keys, never a function or an object', () => {
		const record: Record<string, string> = { a: 'x' };
		for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'b']) {
			expect(own(record, key), key).toBeUndefined();
		}
		expect(own(undefined, 'a')).toBeUndefined();
	});
});
