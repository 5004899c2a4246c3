import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmiIdentifier, cmiTimespan, isoDuration, uriIdentifier } from './scorm-format.ts';
import { launch, stored } from './scorm-fixtures.ts';

// CMITimespan as the SCORM 1.2 RTE defines it: hours in 2 to 4 digits, minutes and seconds in
// 2, then optionally a point and 1 or 2 digits.
const CMI_TIMESPAN = /^(\d{2,4}):([0-5]\d):([0-5]\d(?:\.\d{1,2})?)$/;
const ISO_DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/;
const hundredths = (ms: number) => Math.round(ms / 10);

/** The hundredths of a second a 1.2 time span holds, or NaN when it is not one. */
function spanHundredths(span: unknown): number {
	const [, h, m, s] = CMI_TIMESPAN.exec(String(span)) ?? [];
	return Number(h) * 360_000 + Number(m) * 6000 + Math.round(Number(s) * 100);
}

describe('SCORM 1.2 time spans', () => {
	it('are written HHHH:MM:SS.SS', () => {
		expect(cmiTimespan(0)).toBe('0000:00:00.00');
		expect(cmiTimespan(3_723_400)).toBe('0001:02:03.40');
		expect(cmiTimespan(59_995)).toBe('0000:01:00.00');
		expect(cmiTimespan(36_000_000 * 1000)).toBe('9999:59:59.99');
	});

	it('hold the duration to the hundredth of a second, in the 1.2 format', () => {
		fc.assert(
			fc.property(fc.nat({ max: 9999 * 3_600_000 }), (ms) => {
				expect(spanHundredths(cmiTimespan(ms))).toBe(hundredths(ms));
			})
		);
	});
});

describe('SCORM 2004 time intervals', () => {
	it('are ISO 8601 durations', () => {
		expect(isoDuration(3_723_400)).toBe('PT1H2M3.4S');
		expect(isoDuration(0)).toBe('PT0S');
		expect(isoDuration(60_000)).toBe('PT1M');
		expect(isoDuration(90_061_230)).toBe('PT25H1M1.23S');
		expect(isoDuration(10)).toBe('PT0.01S');
	});

	it('hold the duration to the hundredth of a second', () => {
		fc.assert(
			fc.property(fc.nat({ max: 1e10 }), (ms) => {
				const [, h = '0', m = '0', s = '0'] = ISO_DURATION.exec(isoDuration(ms)) ?? [];
				const total = Number(h) * 360_000 + Number(m) * 6000 + Math.round(Number(s) * 100);
				expect(total).toBe(hundredths(ms));
			})
		);
	});
});

describe('durations', () => {
	it('refuse negative and non-finite times', () => {
		for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(() => cmiTimespan(ms)).toThrow(RangeError);
			expect(() => isoDuration(ms)).toThrow(RangeError);
		}
	});

	// scorm-again keeps a 1.2 time span in its own spelling (`01:02:03.4`): the duration is what
	// must survive.
	it('are accepted by the LMS as session times in either version', () => {
		const v12 = launch('1.2');
		const v2004 = launch('2004');
		fc.assert(
			fc.property(fc.nat({ max: 1e10 }), (ms) => {
				v12.session.sessionTime(ms);
				v2004.session.sessionTime(ms);
				expect(spanHundredths(stored(v12.api)['cmi.core.session_time'])).toBe(hundredths(ms));
				expect(stored(v2004.api)['cmi.session_time']).toBe(isoDuration(ms));
			}),
			{ numRuns: 50 }
		);
	});
});

describe('SCORM 1.2 identifiers', () => {
	it('keep ids of letters, digits and hyphens as they are', () => {
		expect(cmiIdentifier('graph-types-2')).toBe('graph-types-2');
	});

	it('are alphanumeric (with - and _), at most 255 characters, and distinct for distinct ids', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
				fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
				(a, b) => {
					expect(cmiIdentifier(a)).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
					if (a !== b) expect(cmiIdentifier(a)).not.toBe(cmiIdentifier(b));
				}
			)
		);
	});

	it('spell an id in another script with its code points', () => {
		expect(cmiIdentifier('мой дом')).toBe('_43c__43e__439__20__434__43e__43c_');
		expect(cmiIdentifier('a_b')).toBe('a_5f_b');
	});
});

describe('SCORM 2004 identifiers', () => {
	it('are URIs that decode to the id', () => {
		expect(uriIdentifier('мой-дом', 250)).toBe('%D0%BC%D0%BE%D0%B9-%D0%B4%D0%BE%D0%BC');
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (id) => {
				expect(decodeURIComponent(uriIdentifier(id, 250))).toBe(id);
			})
		);
	});

	it('stay within 250 characters, and distinct, when the id is long', () => {
		const long = 'дом-'.repeat(40);
		const a = uriIdentifier(`${long}a`, 250);
		const b = uriIdentifier(`${long}b`, 250);
		expect(a).toHaveLength(250);
		expect(a).not.toBe(b);
	});
});
