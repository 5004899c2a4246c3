/**
 * An LMS for the package tests: a plain static server that serves an unzipped package from a
 * deep sub-path, as Moodle does (`/pluginfile.php/42/mod_scorm/content/1/…`), with no URL
 * rewriting at all (no `.html` added, no index page for a folder), and a host page whose SCORM
 * API is scorm-again's, the runtime LMSs embed. The test launches the package from the host
 * page and reads the LMS's CMI data from it.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { TYPES } from './static-server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CONTENT_PATH = '/pluginfile.php/42/mod_scorm/content/1/';

/**
 * The package `name` (e.g. `ai-frameworks-scorm12`) unzipped into a temporary folder. Built
 * with `npm run package` first when `dist/` does not have it (CI builds it beforehand).
 */
export function unzippedPackage(name: string, args: string[]): string {
	const zip = join(ROOT, 'dist', `${name}.zip`);
	if (!existsSync(zip)) {
		const built = spawnSync('npm', ['run', 'package', '--', ...args], {
			cwd: ROOT,
			stdio: 'inherit'
		});
		if (built.status !== 0) throw new Error(`npm run package -- ${args.join(' ')} failed`);
	}
	const dir = mkdtempSync(join(tmpdir(), `${name}-`));
	for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
		if (path.endsWith('/')) continue;
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), bytes);
	}
	return dir;
}

/**
 * The site built into `dist/<name>/` with `env` (e.g. the LRS origins it may send to), once:
 * a second build beside `build/`, which the other tests serve.
 */
export function builtSite(name: string, env: Record<string, string>): string {
	const dir = join(ROOT, 'dist', name);
	if (!existsSync(join(dir, 'index.html'))) {
		if (!existsSync(join(ROOT, '.svelte-kit', 'tsconfig.json'))) {
			spawnSync('npx', ['svelte-kit', 'sync'], { cwd: ROOT, stdio: 'inherit' });
		}
		const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, ...env, COURSEKIT_BUILD_DIR: dir }
		});
		if (built.status !== 0) throw new Error(`building the site into dist/${name} failed`);
	}
	return dir;
}

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/lms/scorm-again.js"></script>
<script>
	// Starts an LMS session with scorm-again: window.API (1.2) or window.API_1484_11 (2004),
	// launched with \`cmi\` (scorm-again's JSON), then opens the package in a frame or a window.
	window.launchPackage = (version, cmi, launch, how) => {
		const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 };
		const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
		api.loadFromJSON(cmi);
		window.commits = 0;
		api.on(version === '1.2' ? 'LMSCommit' : 'Commit', () => window.commits++);
		window.finished = false;
		api.on(version === '1.2' ? 'LMSFinish' : 'Terminate', () => (window.finished = true));
		if (version === '1.2') window.API = api; else window.API_1484_11 = api;
		if (how === 'window') return void window.open(launch, 'sco');
		const frame = document.createElement('iframe');
		frame.title = 'Course';
		frame.src = launch;
		frame.style = 'width: 100%; height: 90vh; border: 0';
		document.body.append(frame);
	};
	// What the LMS stores: element → value, and the JSON a relaunch loads.
	window.lmsData = () => {
		const api = window.API || window.API_1484_11;
		return { flat: api.getFlattenedCMI(), json: JSON.parse(JSON.stringify(api.cmi)) };
	};
</script></head><body><h1>Test LMS</h1></body></html>`;

export interface LmsHost {
	url: string;
	close(): Promise<void>;
}

/** Serves the host page and the package in `packageDir` under CONTENT_PATH. */
export async function serveLms(packageDir: string): Promise<LmsHost> {
	const scormAgain = readFileSync(
		join(ROOT, 'node_modules/scorm-again/dist/scorm-again.min.js'),
		'utf8'
	);
	const server: Server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		const send = (status: number, type: string, body: string | Buffer) => {
			response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
			response.end(body);
		};
		if (path === '/lms/host.html') return send(200, TYPES['.html'], HOST_PAGE);
		if (path === '/lms/scorm-again.js') return send(200, TYPES['.js'], scormAgain);
		if (path.startsWith(CONTENT_PATH)) {
			// Exactly the file asked for, as a plain file server (or Moodle's pluginfile.php) does.
			const file = normalize(join(packageDir, path.slice(CONTENT_PATH.length)));
			if (file.startsWith(packageDir) && existsSync(file) && statSync(file).isFile()) {
				return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
			}
		}
		send(404, 'text/plain', 'not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
