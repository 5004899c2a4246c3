import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	binLabel,
	binOf,
	ellipsize,
	facilityBand,
	scoreDistribution,
	wholePercent
} from './distribution.ts';

/** The band a learner with this score is counted in, as the chart writes it. */
const label = (score: number) =>
	scoreDistribution([score], 50)
		.bins.filter((bin) => bin.count === 1)
		.map(binLabel)
		.join();

describe('binOf', () => {
	it('puts each score in the band of 10 percentage points that holds it', () => {
		expect(label(0)).toBe('0–9%');
		expect(label(0.05)).toBe('0–9%');
		expect(label(0.099)).toBe('0–9%');
		expect(label(0.1)).toBe('10–19%');
		expect(label(0.19)).toBe('10–19%');
		expect(label(0.5)).toBe('50–59%');
		expect(label(0.7)).toBe('70–79%');
		expect(label(0.89)).toBe('80–89%');
		expect(label(0.9)).toBe('90–100%');
	});

	it('puts 100% in the last band', () => {
		expect(label(1)).toBe('90–100%');
		expect(binOf(1)).toBe(9);
	});

	it('puts a score on a band edge in the upper band despite floating error', () => {
		// Each of these is a band edge in fractions but falls just short of it as a float.
		const eightTenths = Array.from({ length: 8 }, () => 0.1).reduce((a, b) => a + b, 0);
		expect(eightTenths).toBeLessThan(0.8);
		expect(label(eightTenths)).toBe('80–89%');
		expect(label(7 / 10)).toBe('70–79%');
		expect(label(21 / 30)).toBe('70–79%');
	});

	it('keeps a score just under an edge below it, even when it rounds up to the edge', () => {
		// 69.5% is written "70%" (rounded) but fails a 70% pass mark, so it stays left of that line.
		expect(label(0.695)).toBe('60–69%');
		expect(label(0.6999)).toBe('60–69%');
		expect(label(0.0999999)).toBe('0–9%');
	});

	it('puts a mean of question scores in the band of its exact value, whatever the float', () => {
		// Question scores are fractions with small denominators (a share of pairs, of items…);
		// summed as floats their mean can fall just short of a band edge it equals exactly.
		const questionScore = fc
			.integer({ min: 1, max: 4 })
			.chain((d) => fc.record({ right: fc.integer({ min: 0, max: d }), d: fc.constant(d) }));
		fc.assert(
			fc.property(fc.array(questionScore, { minLength: 1, maxLength: 60 }), (questions) => {
				const mean = questions.reduce((sum, q) => sum + q.right / q.d, 0) / questions.length;
				// The same mean in whole twelfths, exactly.
				const twelfths = questions.reduce((sum, q) => sum + q.right * (12 / q.d), 0);
				const band = Math.floor((twelfths * 10) / (12 * questions.length));
				expect(binOf(mean)).toBe(Math.min(9, band));
			})
		);
	});

	it('counts right of a pass mark on a band edge exactly the learners who pass it', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
				fc.integer({ min: 1, max: 9 }),
				(scores, band) => {
					const { bins, passed } = scoreDistribution(scores, band * 10);
					const right = bins.slice(band).reduce((sum, bin) => sum + bin.count, 0);
					expect(right).toBe(passed);
				}
			)
		);
	});

	it('refuses a score outside [0, 1] rather than drawing it in a wrong band', () => {
		expect(() => binOf(-0.01)).toThrow(RangeError);
		expect(() => binOf(1.01)).toThrow(RangeError);
		expect(() => binOf(Number.NaN)).toThrow(RangeError);
		expect(() => scoreDistribution([0.5, 70], 70)).toThrow(/from 0 to 1, not 70/);
	});
});

describe('scoreDistribution', () => {
	it('counts the learners in each of the ten bands', () => {
		const { bins, total } = scoreDistribution([0, 0.05, 0.7, 0.72, 0.79, 0.95, 1], 70);
		expect(bins.map(binLabel)).toEqual([
			'0–9%',
			'10–19%',
			'20–29%',
			'30–39%',
			'40–49%',
			'50–59%',
			'60–69%',
			'70–79%',
			'80–89%',
			'90–100%'
		]);
		expect(bins.map((b) => b.count)).toEqual([2, 0, 0, 0, 0, 0, 0, 3, 0, 2]);
		expect(total).toBe(7);
	});

	it('counts the learners who reach the pass mark', () => {
		expect(scoreDistribution([0.69, 0.7, 0.71, 1, 0], 70).passed).toBe(3);
		expect(scoreDistribution([0.57, 0.56], 57).passed).toBe(1);
		expect(scoreDistribution([0, 0.2], 0).passed).toBe(2);
	});

	it('has ten empty bands and nobody passed when there are no scores', () => {
		const { bins, total, passed } = scoreDistribution([], 70);
		expect(bins).toHaveLength(10);
		expect(bins.every((b) => b.count === 0)).toBe(true);
		expect([total, passed]).toEqual([0, 0]);
	});
});

describe('facilityBand', () => {
	it('marks a question below 30% hard and one above 90% easy', () => {
		expect(facilityBand(0, 12)).toBe('hard');
		expect(facilityBand(0.25, 12)).toBe('hard');
		expect(facilityBand(0.5, 12)).toBeUndefined();
		expect(facilityBand(0.95, 12)).toBe('easy');
		expect(facilityBand(1, 12)).toBe('easy');
	});

	it('judges the percentage as written, so 30% and 90% are neither', () => {
		expect(facilityBand(0.3, 12)).toBeUndefined();
		expect(facilityBand(0.9, 12)).toBeUndefined();
		expect(facilityBand(0.1 + 0.2 - 1e-12, 12)).toBeUndefined();
		expect(wholePercent(0.294)).toBe(29);
		expect(facilityBand(0.294, 12)).toBe('hard');
		expect(wholePercent(0.296)).toBe(30);
		expect(facilityBand(0.296, 12)).toBeUndefined();
		expect(facilityBand(0.904, 12)).toBeUndefined();
		expect(facilityBand(0.906, 12)).toBe('easy');
	});

	it('marks nothing for a question nobody answered', () => {
		expect(facilityBand(0, 0)).toBeUndefined();
	});
});

describe('ellipsize', () => {
	it('leaves text that fits as it is', () => {
		expect(ellipsize('Which framework builds a static graph?', 40)).toBe(
			'Which framework builds a static graph?'
		);
		expect(ellipsize('exactly ten', 11)).toBe('exactly ten');
	});

	it('cuts longer text to the width, ending in an ellipsis', () => {
		const cut = ellipsize('Which framework builds a static graph before running it?', 20);
		expect(cut).toBe('Which framework bui…');
		expect([...cut]).toHaveLength(20);
		expect(ellipsize('ab cdef', 4)).toBe('ab…');
	});

	it('counts wide characters twice and never splits a character', () => {
		expect(ellipsize('静的グラフを作るのはどれですか', 10)).toBe('静的グラ…');
		expect(ellipsize('ok 👩‍💻👩‍💻👩‍💻', 6)).toBe('ok 👩‍💻…');
		expect(ellipsize('é'.normalize('NFD').repeat(6), 4)).toBe(`${'é'.normalize('NFD').repeat(3)}…`);
	});
});
