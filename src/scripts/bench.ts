/**
 * `npm run bench [-- <build folder>]`: figures, never a pass or fail on time (DESIGN.md, "Bars
 * every change keeps").
 *
 * 1. The gradebook at scale: 500, 5 000 and 50 000 learners × 3 quizzes × 20 questions of results
 *    files, each size in a process of its own (so its peak memory is its own): parse + validate +
 *    re-grade, item analysis and the gradebook's rows, timed in Node, with the ratio between sizes
 *    (linear: ×10 learners ≈ ×10 time).
 * 2. Persistence speed, in Chromium against a build (default `build/`, served on a free port):
 *    from an answer change in a quiz to the IndexedDB commit of the attempt, p50 and p95 over 50
 *    answers.
 *
 * BENCH_SIZES=500,5000 picks other class sizes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const SIZES = (process.env.BENCH_SIZES ?? '500,5000,50000').split(',').map(Number);
const QUIZZES = 3;
const QUESTIONS = 20;
const ANSWERS = 50;
const TARGET = { fiveThousandMs: 1_000, fiftyThousandMs: 12_000, commitP95Ms: 20 };

interface GradebookFigures {
	learners: number;
	attempts: number;
	megabytes: number;
	readMs: number;
	regradeMs: number;
	analysisMs: number;
	rowsMs: number;
	totalMs: number;
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
	const { readJsonFile } = await import('../lib/results/read-file.ts');
	const { RESULTS_FORMAT, RESULTS_VERSION, ResultsFile } = await import('../lib/results/schema.ts');
	const { gradebookRows, regrade } = await import('../lib/results/regrade.ts');
	const { itemAnalysis } = await import('../lib/results/item-analysis.ts');
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

	let peak = process.memoryUsage().rss;
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

	const parsed = files.map((text, i) => {
		const read = readJsonFile(text, text.length, {
			format: RESULTS_FORMAT,
			version: RESULTS_VERSION,
			noun: 'results file',
			schema: ResultsFile
		});
		if (!read.ok) throw new Error(read.message);
		return { source: `file-${i}.json`, file: read.value };
	});
	const readMs = lap();
	const graded = regrade(parsed, { quizzes: byKey, now: t0 });
	const regradeMs = lap();
	const perQuiz = new Map<string, typeof graded>();
	for (const g of graded) {
		const key = `${g.attempt.courseId}/${g.attempt.quizId}`;
		const list = perQuiz.get(key) ?? [];
		list.push(g);
		perQuiz.set(key, list);
	}
	for (const [key, attempts] of perQuiz) itemAnalysis(attempts, byKey.get(key)!.questions);
	const analysisMs = lap();
	gradebookRows(graded, byKey);
	const rowsMs = lap();
	clearInterval(sample);
	peak = Math.max(peak, process.memoryUsage().rss);
	return {
		learners,
		attempts: graded.length,
		megabytes: bytes / 1024 / 1024,
		readMs,
		regradeMs,
		analysisMs,
		rowsMs,
		totalMs: readMs + regradeMs + analysisMs + rowsMs,
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
		'  learners  attempts  files MB  read+validate   re-grade   analysis      rows      total  peak RSS'
	);
	for (const r of runs) {
		console.log(
			`  ${String(r.learners).padStart(8)}  ${String(r.attempts).padStart(8)}  ${r.megabytes.toFixed(1).padStart(8)}  ${ms(r.readMs).padStart(13)}  ${ms(r.regradeMs)}  ${ms(r.analysisMs).padStart(9)}  ${ms(r.rowsMs)}  ${ms(r.totalMs).padStart(9)}  ${`${r.peakMb.toFixed(0)} MB`.padStart(8)}`
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

/**
 * Answer change → IndexedDB commit, in Chromium: the page notes when an answer control changes
 * and when each transaction that writes an attempt completes; each change is paired with the
 * first commit after it.
 */
async function persistenceRun(root: string): Promise<number[]> {
	const { chromium } = await import('playwright');
	const { chromiumLaunchOptions } = await import('../../tests/support/chromium.ts');
	const { serveBuild } = await import('../../tests/support/static-server.ts');
	const server = await serveBuild(root);
	const browser = await chromium.launch(chromiumLaunchOptions());
	try {
		const page = await browser.newPage();
		await page.addInitScript(() => {
			const marks = { changes: [] as number[], commits: [] as number[] };
			(window as unknown as { __persist: typeof marks }).__persist = marks;
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
		const options = page.locator('fieldset input[type="radio"]');
		for (let i = 0; i < 30 && (await options.count()) < 2; i++)
			await page.getByRole('button', { name: 'Next →' }).click();
		if ((await options.count()) < 2)
			throw new Error('the overview quiz has no question with two radio options');
		for (let i = 0; i < ANSWERS; i++) {
			await options.nth(i % 2).check();
			// One change at a time: wait for its commit before the next.
			await page.waitForFunction(
				(n) =>
					(window as unknown as { __persist: { commits: number[] } }).__persist.commits.length >= n,
				i + 1
			);
		}
		const { changes, commits } = await page.evaluate(
			() => (window as unknown as { __persist: { changes: number[]; commits: number[] } }).__persist
		);
		// A change whose save was merged into the next one's commit is paired with that commit.
		return changes
			.slice(0, ANSWERS)
			.map((at) => (commits.find((c) => c >= at) ?? NaN) - at)
			.filter(Number.isFinite);
	} finally {
		await browser.close();
		await server.close();
	}
}

async function main() {
	const child = process.argv.indexOf('--gradebook');
	if (child >= 0) {
		console.log(JSON.stringify(await gradebookRun(Number(process.argv[child + 1]))));
		return;
	}
	const runs: GradebookFigures[] = [];
	for (const learners of SIZES) runs.push(gradebookChild(learners));
	printGradebook(runs);

	const root = resolve(process.argv[2] ?? 'build');
	console.log('');
	if (!existsSync(join(root, 'index.html'))) {
		console.log(
			`answer change → IndexedDB commit: no site in ${root} (build one, e.g. COURSEKIT_BUILD_DIR=/tmp/bench-build npx vite build, then npm run bench -- /tmp/bench-build)`
		);
		return;
	}
	const delays = await persistenceRun(root);
	const p50 = percentile(delays, 50);
	const p95 = percentile(delays, 95);
	console.log(`answer change → IndexedDB commit, Chromium, ${delays.length} answers (${root}):`);
	console.log(
		`  p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...delays).toFixed(1)} ms (target p95 ≤ ${TARGET.commitP95Ms} ms) ${p95 <= TARGET.commitP95Ms ? 'ok' : 'OVER TARGET'}`
	);
}

// Run as a script, not when a test imports `percentile`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
