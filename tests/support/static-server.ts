/**
 * A tiny static server over a build, for `npm run size`, `npm run lighthouse`, the bench and the
 * tests that need to change what the server sends between two requests (a new deployment's
 * service worker). Resolves pages as static
 * hosts do: `/path` → `/path.html`, `/` → `/index.html`, unknown → `/404.html` with status 404.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types by file extension, as a static host sends them. */
export const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.xml': 'application/xml',
	'.webmanifest': 'application/manifest+json'
};

export interface StaticServer {
	url: string;
	/** Replace a file's contents for the requests that follow. */
	override(path: string, body: string | undefined): void;
	close(): Promise<void>;
}

/** Text types a static host compresses. */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.webmanifest']);

/**
 * `compress`: gzip text responses when the browser accepts it, as static hosts do (what
 * Lighthouse should see; tests that read bodies are unaffected either way).
 */
export async function serveBuild(
	root: string,
	{ compress = false }: { compress?: boolean } = {}
): Promise<StaticServer> {
	const overrides = new Map<string, string>();
	const server: Server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		const candidates = [path, `${path}.html`, join(path, 'index.html')];
		for (const candidate of candidates) {
			const file = join(root, normalize(candidate));
			if (!file.startsWith(root)) break;
			const override = overrides.get(candidate);
			if (override !== undefined || (existsSync(file) && statSync(file).isFile())) {
				const type = extname(candidate) || '.html';
				const body = Buffer.from(override ?? readFileSync(file));
				const gzip =
					compress &&
					COMPRESSED.has(type) &&
					/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
				response.writeHead(200, {
					'content-type': TYPES[type] ?? 'application/octet-stream',
					'cache-control': 'no-cache',
					...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {})
				});
				response.end(gzip ? gzipSync(body) : body);
				return;
			}
		}
		response.writeHead(404, { 'content-type': TYPES['.html'] });
		response.end(readFileSync(join(root, '404.html')));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://localhost:${port}`,
		override: (path, body) =>
			body === undefined ? overrides.delete(path) : overrides.set(path, body),
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
