/**
 * `npm run bench [-- <build folder>]`: figures, never a pass or fail on time (DESIGN.md, "Bars
 * every change keeps").
 *
 * 1. The gradebook at scale: 500, 5 000 and 50 000 learners × 3 quizzes × 20 questions of results
 *    files, each size in a process of its own (so its peak memory is its own): parse + validate +
 *    re-grade, item analysis and the gradebook's rows, timed in Node, with the ratio between sizes
 *    (linear: ×10 learners ≈ ×10 time).
 * 2. The gradebook in the browser, against a build (default `build/`, served on a free port):
 *    18 files × 2 000 attempts (36 000) of the shipped course imported at once; the page's long
 *    tasks (PerformanceObserver 'longtask') from the import to the grades on screen: the longest,
 *    and how many took over 100 ms. The work itself runs in the gradebook's Web Worker.
 * 3. Persistence speed, in Chromium against the same build: from an answer change in a quiz to
 *    the IndexedDB commit of the attempt, p50 and p95 over 50 answers.
 * 4. Lighthouse (mobile) on a lesson, a quiz, /progress, /review and /, against the same build:
 *    `npm run lighthouse` (src/scripts/lighthouse.ts), run as it is.
 *
 * BENCH_SIZES=500,5000 picks other class sizes; BENCH_SKIP_BROWSER=1 stops after section 1 (no
 * build or Chromium needed); BENCH_SKIP_LIGHTHOUSE=1 leaves out section 4 (about 2.5 minutes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const SIZES = (process.env.BENCH_SIZES ?? '500,5000,50000').split(',').filter(Boolean).map(Number);
const QUIZZES = 3;
const QUESTIONS = 20;
const ANSWERS = 50;
const TARGET = { fiveThousandMs: 1_000, fiftyThousandMs: 12_000, commitP95Ms: 20, longTaskMs: 100 };
/** The browser import: a legal batch (≤ 2 000 attempts a file, ≤ 50 MB in all). */
const IMPORT = { files: 18, attemptsPerFile: 2_000 };

interface GradebookFigures {
	learners: number;
	attempts: number;
	megabytes: number;
	/** Parse, validate and re-grade, file by file (each file dropped once graded). */
	readMs: number;
	/** Flags across files (copies, two learners), options, counting. */
	flagsMs: number;
	/** Rows, item analysis, class mastery and the rest of the page's figures. */
	viewMs: number;
	totalMs: number;
	/** CPU time of the same work (user + system): less moved by other processes than `totalMs`. */
	cpuMs: number;
	/** RSS with the generated files in memory, before the gradebook starts. */
	baseMb: number;
	peakMb: number;
}

/** One size, in this process: generates the files, then times the gradebook's work on them. */
async function gradebookRun(learners: number): Promise<GradebookFigures> {
	const { everyType, question } = await import('../lib/testing/builders.ts');
	const { answerQuestion, startAttempt, submitAttempt } = await import('../lib/quiz/attempt.ts');
	const { correctAnswer } = await import('../lib/quiz/grade.ts');
	const { contentHash } = await import('../lib/quiz/hash.ts');
	const { random } = await import('../lib/quiz/random.ts');
	const { buildResultsFile } = await import('../lib/results/export.ts');
	const { GradebookEngine, gradebookView } = await import('../lib/results/gradebook-engine.ts');
	type GradebookQuiz = import('../lib/results/regrade.ts').GradebookQuiz;

	const types = everyType().map((q) => q.type);
	const quizzes: GradebookQuiz[] = Array.from({ length: QUIZZES }, (_, k) => {
		const questions = Array.from({ length: QUESTIONS }, (_, i) =>
			question(types[i % types.length], { id: `quiz${k}-q${i}` })
		);
		return {
			courseId: 'bench',
			quizId: `quiz${k}`,
			title: `Quiz ${k}`,
			passMark: 60,
			contentHash: contentHash(questions),
			questions: new Map(questions.map((q) => [q.id, q])),
			// The attempts below present every question in authoring order.
			settings: { shuffle: { questions: false, options: false } }
		};
	});
	const byKey = new Map(quizzes.map((q) => [`bench/${q.quizId}`, q]));

	const next = random(42);
	const t0 = new Date('2026-11-25T10:00:00Z');
	let bytes = 0;
	const files = Array.from({ length: learners }, (_, l) => {
		const attempts = quizzes.map((quiz) => {
			const qs = [...quiz.questions.values()];
			let a = startAttempt(
				{ courseId: 'bench', quizId: quiz.quizId, contentHash: quiz.contentHash, settings: {} },
				qs.map((q) => q.id),
				{ id: `l${l}-${quiz.quizId}`, seed: l, now: t0 }
			);
			for (const q of qs) if (next() < 0.7) a = answerQuestion(a, q.id, correctAnswer(q), t0);
			return submitAttempt(a, qs, quiz.passMark, t0);
		});
		const text = JSON.stringify(
			buildResultsFile({
				learner: { id: `learner-${l}`, name: `Learner ${l}` },
				attempts,
				now: t0
			})
		);
		bytes += text.length;
		return text;
	});

	const base = process.memoryUsage().rss;
	const cpuBefore = process.cpuUsage();
	let peak = base;
	const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	const lap = (() => {
		let last = performance.now();
		return () => {
			const now = performance.now();
			const ms = now - last;
			last = now;
			return ms;
		};
	})();

	// As the gradebook worker does: each file read, validated and re-graded as it arrives.
	const engine = new GradebookEngine(byKey);
	files.forEach((text, i) => {
		const read = engine.add(`${i}`, `file-${i}.json`, text, text.length);
		if (!read.ok) throw new Error(read.message);
	});
	const readMs = lap();
	const graded = engine.graded({ now: t0.getTime() });
	const flagsMs = lap();
	gradebookView(graded, byKey);
	const viewMs = lap();
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sample);
	peak = Math.max(peak, process.memoryUsage().rss);
	return {
		learners,
		attempts: graded.length,
		megabytes: bytes / 1024 / 1024,
		readMs,
		flagsMs,
		viewMs,
		totalMs: readMs + flagsMs + viewMs,
		cpuMs: (cpu.user + cpu.system) / 1000,
		baseMb: base / 1024 / 1024,
		peakMb: peak / 1024 / 1024
	};
}

/** Runs one size in a child process (`--gradebook <n>`) and reads its figures. */
function gradebookChild(learners: number): GradebookFigures {
	const run = spawnSync(
		process.execPath,
		[
			'--import',
			'tsx',
			'--max-old-space-size=8192',
			process.argv[1],
			'--gradebook',
			String(learners)
		],
		{ encoding: 'utf8', maxBuffer: 1 << 20 }
	);
	if (run.status !== 0) throw new Error(`bench for ${learners} learners failed:\n${run.stderr}`);
	return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(9);

function printGradebook(runs: GradebookFigures[]) {
	console.log(
		`gradebook: learners × ${QUIZZES} quizzes × ${QUESTIONS} questions, in Node on this machine (each size in its own process)`
	);
	console.log(
		'  learners  attempts  files MB  read+validate+re-grade  flags  rows+analysis+mastery      total  (cpu)  RSS before → peak'
	);
	for (const r of runs) {
		console.log(
			`  ${String(r.learners).padStart(8)}  ${String(r.attempts).padStart(8)}  ${r.megabytes.toFixed(1).padStart(8)}  ${ms(r.readMs).padStart(21)}  ${ms(r.flagsMs).padStart(5)}  ${ms(r.viewMs).padStart(21)}  ${ms(r.totalMs).padStart(9)}  ${`(${r.cpuMs.toFixed(0)})`.padStart(6)}  ${`${r.baseMb.toFixed(0)} → ${r.peakMb.toFixed(0)} MB`.padStart(17)}`
		);
	}
	for (let i = 1; i < runs.length; i++) {
		const [a, b] = [runs[i - 1], runs[i]];
		console.log(
			`  ${b.learners} / ${a.learners} learners (×${b.learners / a.learners}): time ×${(b.totalMs / a.totalMs).toFixed(1)}, peak memory ×${(b.peakMb / a.peakMb).toFixed(1)}`
		);
	}
	const at = (n: number) => runs.find((r) => r.learners === n)?.totalMs;
	const five = at(5_000);
	const fifty = at(50_000);
	if (five !== undefined)
		console.log(
			`  5 000 learners: ${five.toFixed(0)} ms (target ≤ ${TARGET.fiveThousandMs} ms) ${five <= TARGET.fiveThousandMs ? 'ok' : 'OVER TARGET'}`
		);
	if (fifty !== undefined)
		console.log(
			`  50 000 learners: ${fifty.toFixed(0)} ms (target ≤ ${TARGET.fiftyThousandMs} ms) ${fifty <= TARGET.fiftyThousandMs ? 'ok' : 'OVER TARGET'}`
		);
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface ImportFigures {
	attempts: number;
	megabytes: number;
	/** From choosing the files to the grades on screen. */
	importMs: number;
	longestTaskMs: number;
	longTasks: number;
	overLimit: number;
	progressShown: boolean;
}

/** Writes the import's files: every quiz of the shipped course, drawn as the quiz page draws. */
async function importFiles(dir: string): Promise<{ paths: string[]; bytes: number }> {
	const { writeFileSync } = await import('node:fs');
	const { loadCourses } = await import('../lib/content/load.ts');
	const { readContentFiles } = await import('../lib/content/read-dir.ts');
	const { answerQuestion, startAttempt, submitAttempt } = await import('../lib/quiz/attempt.ts');
	const { correctAnswer } = await import('../lib/quiz/grade.ts');
	const { contentHash } = await import('../lib/quiz/hash.ts');
	const { drawQuestions } = await import('../lib/quiz/draw.ts');
	const { random } = await import('../lib/quiz/random.ts');
	const { buildResultsFile } = await import('../lib/results/export.ts');
	const course = loadCourses(readContentFiles(process.cwd())).courses.find(
		(c) => c.id === 'ai-frameworks'
	)!;
	const quizzes = [...course.quizzes.values()].map((quiz) => ({
		quiz,
		hash: contentHash(quiz.questions)
	}));
	const next = random(7);
	const t = new Date('2026-11-20T09:00:00Z');
	let bytes = 0;
	const paths = Array.from({ length: IMPORT.files }, (_, f) => {
		const attempts = Array.from({ length: IMPORT.attemptsPerFile }, (_, n) => {
			const { quiz, hash } = quizzes[n % quizzes.length];
			const seed = f * IMPORT.attemptsPerFile + n;
			const drawn = drawQuestions(quiz.questions, quiz.settings, seed);
			let a = startAttempt(
				{ courseId: course.id, quizId: quiz.id, contentHash: hash, settings: {} },
				drawn.map((q) => q.id),
				{ id: `bench-${f}-${n}`, seed, now: t }
			);
			for (const q of drawn) if (next() < 0.7) a = answerQuestion(a, q.id, correctAnswer(q), t);
			return submitAttempt(a, quiz.questions, quiz.passMark, t);
		});
		const text = JSON.stringify(
			buildResultsFile({
				learner: { id: `learner-${f}`, name: `Learner ${String(f).padStart(2, '0')}` },
				attempts,
				now: t
			})
		);
		bytes += text.length;
		const path = join(dir, `learner-${f}.json`);
		writeFileSync(path, text);
		return path;
	});
	return { paths, bytes };
}

/**
 * The gradebook import in Chromium: the page's long tasks from choosing the files until the
 * grades are on screen, and whether the progress bar showed.
 */
async function importRun(root: string): Promise<ImportFigures> {
	const { mkdtempSync, rmSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { chromium } = await import('playwright');
	const { chromiumLaunchOptions } = await import('../../tests/support/chromium.ts');
	const { serveBuild } = await import('../../tests/support/static-server.ts');
	const dir = mkdtempSync(join(tmpdir(), 'coursekit-bench-'));
	const { paths, bytes } = await importFiles(dir);
	const server = await serveBuild(root);
	const browser = await chromium.launch(chromiumLaunchOptions());
	try {
		const page = await browser.newPage();
		await page.addInitScript(() => {
			const tasks: { start: number; duration: number }[] = [];
			(window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					tasks.push({ start: entry.startTime, duration: entry.duration });
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`${server.url}/instructor/gradebook`);
		const input = page.getByLabel(/Choose results files/);
		await input.waitFor();
		await page.waitForFunction(
			() => !(document.querySelector('#gb-files') as HTMLInputElement | null)?.disabled
		);
		await page.waitForLoadState('networkidle');
		const started = await page.evaluate(() => performance.now());
		const progress = page
			.locator('progress')
			.waitFor({ timeout: 60_000 })
			.then(
				() => true,
				() => false
			);
		await input.setInputFiles(paths);
		const attempts = IMPORT.files * IMPORT.attemptsPerFile;
		await page
			.getByText(`${IMPORT.files} imported; ${attempts} attempts re-graded.`)
			.waitFor({ timeout: 300_000 });
		// Let the grades and charts render, then read the tasks.
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
		const ended = await page.evaluate(() => performance.now());
		const tasks = (
			await page.evaluate(
				() =>
					(window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
			)
		).filter((task) => task.start >= started);
		const durations = tasks.map((task) => task.duration);
		return {
			attempts,
			megabytes: bytes / 1024 / 1024,
			importMs: ended - started,
			longestTaskMs: durations.length ? Math.max(...durations) : 0,
			longTasks: durations.length,
			overLimit: durations.filter((d) => d > TARGET.longTaskMs).length,
			progressShown: await progress
		};
	} finally {
		await browser.close();
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** How an answer is changed: as Playwright clicks, or by the page's own click. */
type Clicker = 'playwright' | 'page';

/**
 * Answer change → IndexedDB commit, in Chromium: the page notes when an answer control changes
 * and when each transaction that writes an attempt completes. One answer at a time: each change
 * is paired with the first commit after it among those that follow it, and a change without its
 * own commit stops the bench (no figure is made of an unpaired change).
 *
 * `playwright` changes the answer with `check()`, whose own work (scrolling, waiting for a
 * stable element, reading the checked state back) runs on the page's main thread around the
 * change; `page` clicks the radio button from inside the page, so only the app's own work sits
 * between the change and the commit.
 */
async function persistenceRun(root: string, clicker: Clicker): Promise<number[]> {
	const { chromium } = await import('playwright');
	const { chromiumLaunchOptions } = await import('../../tests/support/chromium.ts');
	const { serveBuild } = await import('../../tests/support/static-server.ts');
	const server = await serveBuild(root);
	const browser = await chromium.launch(chromiumLaunchOptions());
	type Marks = { changes: number[]; commits: number[] };
	try {
		const page = await browser.newPage();
		await page.addInitScript(() => {
			const marks: Marks = { changes: [], commits: [] };
			(window as unknown as { __persist: Marks }).__persist = marks;
			document.addEventListener('change', () => marks.changes.push(performance.now()), true);
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
				if (this.name === 'attempts') {
					this.transaction.addEventListener('complete', () =>
						marks.commits.push(performance.now())
					);
				}
				return put.apply(this, args);
			};
		});
		await page.goto(`${server.url}/courses/ai-frameworks/quizzes/overview`);
		await page.getByRole('button', { name: /^Start (the quiz|a new attempt)$/ }).click();
		await page.locator('#question-heading').waitFor();
		// The first question with two options to choose between (true/false counts).
		const radios = 'fieldset input[type="radio"]';
		const options = page.locator(radios);
		for (let i = 0; i < 30 && (await options.count()) < 2; i++)
			await page.getByRole('button', { name: 'Next →' }).click();
		if ((await options.count()) < 2)
			throw new Error('the overview quiz has no question with two radio options');
		const counts = () =>
			page.evaluate(() => {
				const { changes, commits } = (window as unknown as { __persist: Marks }).__persist;
				return { changes: changes.length, commits: commits.length };
			});
		const delays: number[] = [];
		for (let i = 0; i < ANSWERS; i++) {
			// Let the previous answer's drawing and writing settle, as between two real answers.
			await page.waitForTimeout(50);
			const before = await counts();
			if (clicker === 'playwright') await options.nth(i % 2).check();
			else
				await page.evaluate(
					({ selector, n }) => (document.querySelectorAll(selector)[n] as HTMLElement).click(),
					{ selector: radios, n: i % 2 }
				);
			await page.waitForFunction((b) => {
				const { changes, commits } = (window as unknown as { __persist: Marks }).__persist;
				return changes.length > b.changes && commits.length > b.commits;
			}, before);
			const pair = await page.evaluate((b) => {
				const { changes, commits } = (window as unknown as { __persist: Marks }).__persist;
				const change = changes[b.changes];
				return {
					change,
					commit: commits.slice(b.commits).find((at) => at >= change),
					changes: changes.length - b.changes
				};
			}, before);
			if (pair.changes !== 1 || pair.commit === undefined)
				throw new Error(
					`answer ${i + 1}: ${pair.changes} change events and ${pair.commit === undefined ? 'no' : 'a'} commit after them; the pairing would not be sound`
				);
			delays.push(pair.commit - pair.change);
		}
		return delays;
	} finally {
		await browser.close();
		await server.close();
	}
}

/** p50, p95 and max of `delays`, with the target. */
function printDelays(label: string, delays: readonly number[]) {
	const p50 = percentile(delays, 50);
	const p95 = percentile(delays, 95);
	console.log(
		`  ${label}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...delays).toFixed(1)} ms (target p95 ≤ ${TARGET.commitP95Ms} ms) ${p95 <= TARGET.commitP95Ms ? 'ok' : 'OVER TARGET'}`
	);
}

/** The machine's load: the figures are wall-clock times, which other processes stretch. */
async function printLoad() {
	const { availableParallelism, loadavg } = await import('node:os');
	const [one, five] = loadavg();
	console.log(
		`load average ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min) on ${availableParallelism()} cores: compare runs made under similar load`
	);
	console.log('');
}

async function main() {
	const child = process.argv.indexOf('--gradebook');
	if (child >= 0) {
		console.log(JSON.stringify(await gradebookRun(Number(process.argv[child + 1]))));
		return;
	}
	await printLoad();
	const runs: GradebookFigures[] = [];
	for (const learners of SIZES) runs.push(gradebookChild(learners));
	printGradebook(runs);
	if (process.env.BENCH_SKIP_BROWSER === '1') return;

	const root = resolve(process.argv[2] ?? 'build');
	console.log('');
	if (!existsSync(join(root, 'index.html'))) {
		console.log(
			`answer change → IndexedDB commit: no site in ${root} (build one, e.g. COURSEKIT_BUILD_DIR=/tmp/bench-build npx vite build, then npm run bench -- /tmp/bench-build)`
		);
		return;
	}
	const imported = await importRun(root);
	console.log(
		`gradebook import in Chromium: ${IMPORT.files} files × ${IMPORT.attemptsPerFile} attempts (${imported.attempts}, ${imported.megabytes.toFixed(1)} MB) (${root}):`
	);
	console.log(
		`  grades on screen after ${(imported.importMs / 1000).toFixed(1)} s; progress bar ${imported.progressShown ? 'shown' : 'NOT SHOWN'}; main-thread long tasks (> 50 ms): ${imported.longTasks}, longest ${imported.longestTaskMs.toFixed(0)} ms, over ${TARGET.longTaskMs} ms: ${imported.overLimit} ${imported.overLimit === 0 ? 'ok' : 'OVER TARGET'}`
	);
	console.log('');

	console.log(
		`answer change → IndexedDB commit, Chromium, ${ANSWERS} answers one at a time (${root}):`
	);
	printDelays('clicked in the page', await persistenceRun(root, 'page'));
	printDelays(
		"Playwright's check() (its own work on the page)",
		await persistenceRun(root, 'playwright')
	);
	if (process.env.BENCH_SKIP_LIGHTHOUSE === '1') return;

	console.log('');
	const lighthouse = spawnSync(
		process.execPath,
		['--import', 'tsx', join(import.meta.dirname, 'lighthouse.ts'), root],
		{ stdio: 'inherit' }
	);
	if (lighthouse.status !== 0) throw new Error('npm run lighthouse could not measure (see above).');
}

// Run as a script, not when a test imports `percentile`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
