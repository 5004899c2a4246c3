/**
 * `npm run size [-- <build folder>]`: what the browser downloads. Serves the build (default
 * `build/`; it builds nothing) on a free port as a static host would, opens every prerendered page
 * in Chromium with an empty cache, and sums the gzip -9 size of every script the page fetches
 * until the network is idle, with no interaction; for a quiz it then presses Start and adds what
 * that fetches. Prints the framework floor (SvelteKit's client and the Svelte runtime) and each
 * page's share above it. Budgets: DESIGN.md, "Bars every change keeps"; instructor pages are
 * reported, not budgeted. It exits 1 when a student page is over any budget.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../tests/support/chromium.ts';
import { serveBuild } from '../../tests/support/static-server.ts';

export const BUDGET = {
	/** Every student page, until the network is idle, no interaction. */
	jsBytes: 40 * 1024,
	/** A quiz page once Start has loaded the question screen. */
	quizStartedBytes: 55 * 1024,
	htmlBytes: 14 * 1024
};

/** The network counts as idle after this long with no request in flight. */
const IDLE_MS = 500;
/** A page that is still fetching after this long is measured as it stands, and said so. */
const SETTLE_LIMIT_MS = 15_000;

export const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Site paths of the JS a page starts with: module preloads, module scripts, inline imports. */
export function entryScripts(html: string): string[] {
	const found = new Set<string>();
	const attribute = (tag: string, name: string) =>
		new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = attribute(tag, 'href');
		if (attribute(tag, 'rel') === 'modulepreload' && href) found.add(href);
	}
	for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
		const src = attribute(tag, 'src');
		if (attribute(tag, 'type') === 'module' && src) found.add(src);
	}
	for (const script of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
		for (const match of script[1].matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g))
			found.add(match[1]);
	}
	return [...found];
}

/** Relative specifiers a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
export function staticImports(code: string): string[] {
	const found = new Set<string>();
	for (const match of code.matchAll(
		/(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g
	)) {
		found.add(match[1]);
	}
	return [...found];
}

/** The site path of each prerendered page (`index.html` → `/`, `a/b.html` → `/a/b`). */
export function pagePaths(files: string[]): string[] {
	return files
		.filter((file) => file.endsWith('.html') && file !== '404.html')
		.map((file) => '/' + file.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, ''))
		.sort();
}

export type PageKind = 'student' | 'quiz' | 'instructor';

/** Instructor pages may load heavier code (DESIGN.md); every other page is a student's. */
export function pageKind(path: string): PageKind {
	if (path === '/instructor' || path.startsWith('/instructor/')) return 'instructor';
	return /^\/courses\/[^/]+\/quizzes\/[^/]+$/.test(path) ? 'quiz' : 'student';
}

export interface PageSize {
	path: string;
	kind: PageKind;
	/** Gzipped bytes of every script fetched until the network was idle. */
	js: number;
	scripts: number;
	/** For a quiz: the same, once Start has been pressed and the network was idle again. */
	started?: number;
	html: number;
	/** Anything that kept the measurement from being complete. */
	problem?: string;
}

/** What is over budget on a page (empty when it is within, and always for instructor pages). */
export function overBudget(size: PageSize): string[] {
	if (size.kind === 'instructor') return size.problem ? [size.problem] : [];
	const over: string[] = [];
	if (size.problem) over.push(size.problem);
	if (size.js > BUDGET.jsBytes) over.push(`JS over ${BUDGET.jsBytes / 1024} KB`);
	if (size.html > BUDGET.htmlBytes) over.push(`HTML over ${BUDGET.htmlBytes / 1024} KB`);
	if (size.kind === 'quiz' && (size.started ?? Infinity) > BUDGET.quizStartedBytes)
		over.push(`after Start over ${BUDGET.quizStartedBytes / 1024} KB`);
	return over;
}

/**
 * The framework floor: the Kit client's two entries and what they import statically (the Svelte
 * runtime), read from the build. No page can load less.
 */
export function frameworkFloor(root: string): number {
	const html = readFileSync(join(root, 'index.html'), 'utf8');
	const queue = entryScripts(html)
		.filter((src) => /\/entry\/(start|app)\.[^/]+\.js$/.test(src))
		.map((src) => posix.resolve('/', src));
	const seen = new Set<string>();
	let bytes = 0;
	while (queue.length) {
		const path = queue.pop()!;
		if (seen.has(path)) continue;
		seen.add(path);
		const code = readFileSync(join(root, path));
		bytes += gzipSize(code);
		for (const spec of staticImports(code.toString('utf8')))
			queue.push(posix.resolve(posix.dirname(path), spec));
	}
	return bytes;
}

/** Counts a page's scripts (each URL once) and knows when its network has gone quiet. */
class ScriptMeter {
	bytes = 0;
	private urls = new Set<string>();
	private inFlight = 0;
	private lastActivity = Date.now();
	private pending: Promise<void>[] = [];

	constructor(page: Page) {
		page.on('request', () => {
			this.inFlight++;
			this.lastActivity = Date.now();
		});
		const done = () => {
			this.inFlight--;
			this.lastActivity = Date.now();
		};
		page.on('requestfailed', done);
		page.on('requestfinished', (request) => {
			const url = request.url();
			const script = request.resourceType() === 'script' || /\.m?js$/.test(new URL(url).pathname);
			if (script && !this.urls.has(url)) {
				this.urls.add(url);
				this.pending.push(
					request.response().then(async (response) => {
						// Read the body first: `bytes += await …` would add to a stale total.
						const size = response ? gzipSize(await response.body()) : 0;
						this.bytes += size;
					})
				);
			}
			done();
		});
	}

	get scripts() {
		return this.urls.size;
	}

	/** Resolves once no request has been in flight for IDLE_MS; false when it never settled. */
	async idle(): Promise<boolean> {
		const start = Date.now();
		while (Date.now() - start < SETTLE_LIMIT_MS) {
			await new Promise((r) => setTimeout(r, 100));
			if (this.inFlight <= 0 && Date.now() - this.lastActivity >= IDLE_MS) {
				await Promise.all(this.pending);
				return true;
			}
		}
		await Promise.all(this.pending);
		return false;
	}
}

async function measurePage(browser: Browser, origin: string, path: string): Promise<PageSize> {
	const kind = pageKind(path);
	// A fresh profile per page: an empty cache and empty storage, as for a first visit.
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const meter = new ScriptMeter(page);
		const response = await page.goto(origin + path, { waitUntil: 'load' });
		const html = response ? gzipSize(await response.body()) : 0;
		let problem = (await meter.idle()) ? undefined : 'network never idle';
		const js = meter.bytes;
		const scripts = meter.scripts;
		let started: number | undefined;
		if (kind === 'quiz') {
			const start = page.getByRole('button', { name: /^Start (the quiz|a new attempt)$/ });
			try {
				await start.click({ timeout: SETTLE_LIMIT_MS });
				await page.locator('#question-heading').waitFor({ timeout: SETTLE_LIMIT_MS });
				if (!(await meter.idle())) problem ??= 'network never idle after Start';
				started = meter.bytes;
			} catch {
				problem ??= 'Start did not show a question';
			}
		}
		return { path, kind, js, scripts, started, html, problem };
	} finally {
		await context.close();
	}
}

const kb = (bytes: number | undefined, width = 6) =>
	(bytes === undefined ? '–' : (bytes / 1024).toFixed(1)).padStart(width);

/** Every page of the build in `root`, measured one after another (the machine is small). */
export async function measureBuild(root: string): Promise<{ floor: number; pages: PageSize[] }> {
	const files = readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
	const server = await serveBuild(root);
	const browser = await chromium.launch(chromiumLaunchOptions());
	try {
		const pages: PageSize[] = [];
		for (const path of pagePaths(files)) pages.push(await measurePage(browser, server.url, path));
		return { floor: frameworkFloor(root), pages };
	} finally {
		await browser.close();
		await server.close();
	}
}

async function main() {
	const root = resolve(process.argv[2] ?? 'build');
	if (!existsSync(join(root, 'index.html'))) {
		console.error(
			`No site in ${root}: run \`npm run build\` first (npm run size measures a build, it builds nothing).`
		);
		process.exit(1);
	}
	const { floor, pages } = await measureBuild(root);
	console.log(
		`What Chromium downloads, gzip -9, until the network is idle (no interaction): ${relative(process.cwd(), root) || '.'}\n` +
			`budgets: student page JS ≤ ${BUDGET.jsBytes / 1024} KB, quiz after Start ≤ ${BUDGET.quizStartedBytes / 1024} KB, HTML ≤ ${BUDGET.htmlBytes / 1024} KB; instructor pages reported only\n` +
			`framework floor (SvelteKit client + Svelte runtime): ${kb(floor, 0)} KB\n`
	);
	console.log('   JS KB  above floor  after Start  HTML KB  scripts  page');
	let over = 0;
	for (const size of pages) {
		const problems = overBudget(size);
		if (problems.length && size.kind !== 'instructor') over++;
		const note = problems.length
			? `  FAIL: ${problems.join(', ')}`
			: size.kind === 'instructor'
				? '  (instructor: no budget)'
				: '';
		console.log(
			`${kb(size.js, 8)}  ${kb(size.js - floor, 11)}  ${kb(size.started, 11)}  ${kb(size.html, 7)}  ${String(size.scripts).padStart(7)}  ${size.path}${note}`
		);
	}
	const student = pages.filter((p) => p.kind !== 'instructor');
	const largest = Math.max(...student.map((p) => p.js));
	console.log(
		`\n${pages.length} pages, largest student page ${kb(largest, 0)} KB (${kb(largest - floor, 0)} KB above the floor), ${over} over budget`
	);
	if (over) process.exit(1);
}

// Run as a script (`tsx src/scripts/size.ts`), not when a test imports the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
