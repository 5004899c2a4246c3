/**
 * The figures behind the gradebook's charts: a class's scores on one quiz in bands of 10
 * percentage points, and which questions are hard or easy by their facility.
 */
import { passes } from '../quiz/pass.ts';

/** One band of the score distribution: scores from `from`% up to (not including) `from + 10`%. */
export interface ScoreBin {
	/** Lowest percentage in the band: 0, 10, …, 90. */
	from: number;
	/** Highest whole percentage in the band: 9, 19, …, 89, and 100 for the last band. */
	to: number;
	count: number;
}

export interface ScoreDistribution {
	bins: ScoreBin[];
	/** Learners counted: one score each. */
	total: number;
	/** How many of them reach the pass mark, by the app's pass rule. */
	passed: number;
}

export const BIN_WIDTH = 10;
const BINS = 100 / BIN_WIDTH;

/**
 * The band (0–9) a score in [0, 1] falls in: band k holds scores from 10k% up to, not including,
 * 10(k + 1)%, and 100% goes in the last band. A score is at or above a band's lower edge exactly
 * when it would pass a pass mark set there, so the bars right of a pass-mark line at 70% count
 * exactly the learners who pass it (a score of 0.7999999999999999, from adding fractions, is 80%).
 */
export function binOf(score: number): number {
	if (!Number.isFinite(score) || score < 0 || score > 1) {
		throw new RangeError(`A score must be a number from 0 to 1, not ${score}`);
	}
	let bin = 0;
	while (bin < BINS - 1 && passes(score, (bin + 1) * BIN_WIDTH)) bin++;
	return bin;
}

/** The class's scores (each in [0, 1], one per learner) in ten bands, and how many pass. */
export function scoreDistribution(scores: readonly number[], passMark: number): ScoreDistribution {
	const bins: ScoreBin[] = Array.from({ length: BINS }, (_, k) => ({
		from: k * BIN_WIDTH,
		to: k === BINS - 1 ? 100 : (k + 1) * BIN_WIDTH - 1,
		count: 0
	}));
	for (const score of scores) bins[binOf(score)].count++;
	return {
		bins,
		total: scores.length,
		passed: scores.filter((score) => passes(score, passMark)).length
	};
}

/** How a band is written: "70–79%", "90–100%". */
export const binLabel = (bin: ScoreBin) => `${bin.from}–${bin.to}%`;

/** A fraction in [0, 1] as the whole percentage the charts write beside it. */
export const wholePercent = (fraction: number) => Math.round(fraction * 100);

/** Facility (percent, as written) below which a question is marked hard. */
export const HARD_BELOW = 30;
/** Facility (percent, as written) above which a question is marked easy. */
export const EASY_ABOVE = 90;

export type FacilityBand = 'hard' | 'easy';

/**
 * Whether a question is hard (facility below 30%) or easy (above 90%). It judges the whole
 * percentage the chart writes, so a bar reading "30%" is never marked hard beside it. A question
 * nobody answered has no facility, so no band either.
 */
export function facilityBand(facility: number, answered: number): FacilityBand | undefined {
	if (answered === 0) return undefined;
	const percent = wholePercent(facility);
	if (percent < HARD_BELOW) return 'hard';
	if (percent > EASY_ABOVE) return 'easy';
	return undefined;
}

// Characters drawn about twice as wide as Latin letters: CJK ideographs, kana, Hangul,
// full-width forms and emoji. Counting them double keeps a Japanese label as short on screen as a Latin one.
const WIDE =
	/[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]|\p{Extended_Pictographic}/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` shortened to at most `width` character widths, ending in "…" when cut (wide characters
 * count two). It cuts between whole characters as a reader sees them (an accented letter or an
 * emoji is never split) and drops the spaces before the ellipsis.
 */
export function ellipsize(text: string, width: number): string {
	const graphemes = Array.from(segmenter.segment(text), (s) => s.segment);
	const widthOf = (g: string) => (WIDE.test(g) ? 2 : 1);
	if (graphemes.reduce((sum, g) => sum + widthOf(g), 0) <= width) return text;
	let kept = '';
	let used = 0;
	for (const g of graphemes) {
		// Leave one width for the ellipsis.
		if (used + widthOf(g) > width - 1) break;
		kept += g;
		used += widthOf(g);
	}
	return `${kept.trimEnd()}…`;
}
