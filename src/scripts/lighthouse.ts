/**
 * `npm run lighthouse [-- <build folder>]`: Lighthouse's mobile performance figures for the pages
 * of issue 13's target (score 100, CLS 0), never a pass or fail (DESIGN.md, "Bars every change
 * keeps"). Serves the build (default `build/`; it builds nothing) on a free port as a static host
 * would (gzip included) and runs Lighthouse's default config, which is the mobile one (Moto G Power screen,
 * simulated slow 4G and 4× CPU slowdown), performance category only, on each page
 * LIGHTHOUSE_RUNS times (default 3), in rounds so that a slow moment of the machine is spread
 * over the pages. Prints each page's score (min and median), CLS (max), LCP, TBT and FCP
 * (medians), whether the target is met, and the elements that shifted on pages whose CLS is not 0.
 * Exits 1 only when it could not measure.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { chromiumLaunchOptions, findChromium } from '../../tests/support/chromium.ts';
import { serveBuild } from '../../tests/support/static-server.ts';

/** One lesson, one quiz, the learner's own pages and the home page. */
export const PAGES = [
	'/',
	'/courses/ai-frameworks/lessons/choosing',
	'/courses/ai-frameworks/quizzes/overview',
	'/progress',
	'/review'
];

/** Issue 13: performance 100, no layout shift at all. */
export const TARGET = { score: 100, cls: 0 };

/** An element Lighthouse saw move, with the share of CLS it caused and why, when it knows. */
export interface LayoutShift {
	selector: string;
	label: string;
	score: number;
	causes: string[];
}

export interface LighthouseRow {
	path: string;
	runs: number;
	/** Performance score ×100, as Lighthouse shows it. */
	scoreMin: number;
	scoreMedian: number;
	/** The largest CLS of any run: a shift in one run is a shift a learner can see. */
	clsMax: number;
	lcpMs: number;
	tbtMs: number;
	fcpMs: number;
	/** Median score 100 (Lighthouse's advice for its own variance) and no run with a shift. */
	met: boolean;
	/** From the runs with CLS > 0, largest share first, one entry per element. */
	shifts: LayoutShift[];
	/** Lighthouse's run warnings, once each. */
	warnings: string[];
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The elements of Lighthouse's 'layout-shifts' audit (12.x; 'layout-shift-elements' before). */
export function layoutShifts(lhr: Result): LayoutShift[] {
	const details = lhr.audits['layout-shifts']?.details;
	if (details?.type !== 'table') return [];
	return details.items.map((item) => {
		const node = item.node as { selector?: string; nodeLabel?: string } | undefined;
		const subItems = item.subItems as { items: { cause?: unknown }[] } | undefined;
		return {
			selector: node?.selector ?? '(unknown element)',
			label: node?.nodeLabel ?? '',
			score: typeof item.score === 'number' ? item.score : 0,
			causes: (subItems?.items ?? []).map((sub) => String(sub.cause ?? '')).filter(Boolean)
		};
	});
}

/** One run's figures, or an error naming the page when Lighthouse could not measure it. */
function runFigures(path: string, lhr: Result) {
	const score = lhr.categories.performance?.score;
	if (lhr.runtimeError || typeof score !== 'number') {
		throw new Error(
			`Lighthouse could not measure ${path}: ${lhr.runtimeError?.message ?? 'no score'}`
		);
	}
	const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
	return {
		score: Math.round(score * 100),
		cls: metric('cumulative-layout-shift'),
		lcp: metric('largest-contentful-paint'),
		tbt: metric('total-blocking-time'),
		fcp: metric('first-contentful-paint'),
		shifts: layoutShifts(lhr),
		warnings: lhr.runWarnings,
		benchmarkIndex: lhr.environment.benchmarkIndex,
		version: lhr.lighthouseVersion
	};
}

type RunFigures = ReturnType<typeof runFigures>;

function row(path: string, runs: RunFigures[]): LighthouseRow {
	const scores = runs.map((r) => r.score);
	const clsMax = Math.max(...runs.map((r) => r.cls));
	const shifts = new Map<string, LayoutShift>();
	for (const shift of runs.filter((r) => r.cls > 0).flatMap((r) => r.shifts)) {
		const seen = shifts.get(shift.selector);
		if (!seen || shift.score > seen.score) shifts.set(shift.selector, shift);
	}
	const scoreMedian = median(scores);
	return {
		path,
		runs: runs.length,
		scoreMin: Math.min(...scores),
		scoreMedian,
		clsMax,
		lcpMs: median(runs.map((r) => r.lcp)),
		tbtMs: median(runs.map((r) => r.tbt)),
		fcpMs: median(runs.map((r) => r.fcp)),
		met: scoreMedian >= TARGET.score && clsMax <= TARGET.cls,
		shifts: [...shifts.values()].sort((a, b) => b.score - a.score),
		warnings: [...new Set(runs.flatMap((r) => r.warnings))]
	};
}

/**
 * Lighthouse (mobile, performance only) `runs` times on each of PAGES, served from `buildDir`.
 * `onRun` hears about each run as it ends (the whole takes minutes).
 */
export async function lighthouseFigures(
	buildDir: string,
	runs: number,
	onRun: (path: string, run: number, figures: RunFigures) => void = () => {}
): Promise<LighthouseRow[]> {
	const chromePath = findChromium();
	if (!chromePath) throw new Error('No Chromium found: set CHROMIUM_PATH.');
	const server = await serveBuild(resolve(buildDir), { compress: true });
	let chrome: chromeLauncher.LaunchedChrome | undefined;
	try {
		chrome = await chromeLauncher.launch({
			chromePath,
			chromeFlags: ['--headless=new', ...chromiumLaunchOptions().args],
			logLevel: 'silent'
		});
		const figures = new Map<string, RunFigures[]>(PAGES.map((path) => [path, []]));
		for (let run = 1; run <= runs; run++) {
			for (const path of PAGES) {
				// The default config is Lighthouse's mobile one; the two settings say so for the reader.
				const result = await lighthouse(`${server.url}${path}`, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance'],
					formFactor: 'mobile',
					throttlingMethod: 'simulate',
					// A first visit: Lighthouse's default keeps IndexedDB and localStorage, so the
					// site's own records from the previous run would be there (and it warns so).
					clearStorageTypes: ['all']
				});
				if (!result) throw new Error(`Lighthouse returned nothing for ${path}.`);
				const one = runFigures(path, result.lhr);
				figures.get(path)!.push(one);
				onRun(path, run, one);
			}
		}
		return PAGES.map((path) => row(path, figures.get(path)!));
	} finally {
		chrome?.kill();
		await server.close();
	}
}

const ms = (n: number, width: number) => `${n.toFixed(0)}`.padStart(width);
/** CLS to four places, so that a tiny shift does not print as 0. */
const cls = (n: number) => (n === 0 ? '0' : n < 0.0001 ? '<0.0001' : n.toFixed(4)).padStart(8);

async function main() {
	const root = resolve(process.argv[2] ?? 'build');
	const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
	if (!existsSync(join(root, 'index.html'))) {
		console.error(
			`No site in ${root}: run \`npm run build\` first, or \`COURSEKIT_BUILD_DIR=<folder> npm run build\` and pass that folder (npm run lighthouse measures a build, it builds nothing).`
		);
		process.exit(1);
	}
	if (!Number.isInteger(runs) || runs < 1) {
		console.error(
			`LIGHTHOUSE_RUNS must be a whole number ≥ 1, not ${process.env.LIGHTHOUSE_RUNS}.`
		);
		process.exit(1);
	}
	const shown = relative(process.cwd(), root).startsWith('..')
		? root
		: relative(process.cwd(), root) || '.';
	let about = { version: '?', benchmarkIndex: [] as number[] };
	const rows = await lighthouseFigures(root, runs, (path, run, figures) => {
		about = {
			version: figures.version,
			benchmarkIndex: [...about.benchmarkIndex, figures.benchmarkIndex]
		};
		console.error(`  run ${run}/${runs} ${path}: ${figures.score}, CLS ${cls(figures.cls).trim()}`);
	});
	console.log(
		`\nLighthouse ${about.version}, mobile (simulated slow 4G, 4× CPU), performance only, ${runs} run(s) a page: ${shown}\n` +
			`target: score ${TARGET.score}, CLS ${TARGET.cls}; host benchmark index ${median(about.benchmarkIndex).toFixed(0)} (Lighthouse's CPU measure of this machine)\n`
	);
	console.log('score min/med       CLS  LCP ms  TBT ms  FCP ms  target  page');
	for (const r of rows) {
		console.log(
			`${String(r.scoreMin).padStart(9)}/${String(r.scoreMedian).padEnd(3)}  ${cls(r.clsMax)}  ${ms(r.lcpMs, 6)}  ${ms(r.tbtMs, 6)}  ${ms(r.fcpMs, 6)}  ${(r.met ? 'met' : 'no').padEnd(6)}  ${r.path}`
		);
	}
	for (const r of rows.filter((r) => r.clsMax > 0)) {
		console.log(`\nLayout shifts on ${r.path} (CLS up to ${cls(r.clsMax).trim()}):`);
		if (!r.shifts.length) console.log('  (Lighthouse named no element)');
		for (const shift of r.shifts) {
			const causes = shift.causes.length ? `; causes: ${shift.causes.join(', ')}` : '';
			console.log(`  ${shift.score.toFixed(4)}  ${shift.selector}  "${shift.label}"${causes}`);
		}
	}
	const warnings = rows.flatMap((r) => r.warnings.map((w) => `${r.path}: ${w}`));
	if (warnings.length)
		console.log(`\nLighthouse warnings:\n${warnings.map((w) => `  ${w}`).join('\n')}`);
	const met = rows.filter((r) => r.met).length;
	console.log(`\n${met} of ${rows.length} pages meet the target.`);
}

// Run as a script (`tsx src/scripts/lighthouse.ts`), not when a test imports the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
