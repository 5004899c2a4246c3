/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline after the first visit: every file of the build, every static file and every
 * prerendered page is cached at install, under this deployment's version. A new deployment
 * installs beside the old one and waits; the page offers "reload" and only then does it take
 * over, so a learner never runs half of one version and half of another.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `coursekit-${version}`;
const ASSETS = [...build, ...files, ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			await cache.addAll(ASSETS);
			// The app's "not found" page, for unknown addresses while offline. Some servers send
			// it with status 404 even when asked for it by name, so it is stored as it comes.
			const notFound = await fetch(`${base}/404.html`).catch(() => undefined);
			if (notFound && (notFound.ok || notFound.status === 404)) {
				const body = await notFound.text();
				await cache.put(
					`${base}/404.html`,
					new Response(body, { headers: { 'content-type': 'text/html' } })
				);
			}
		})
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
			)
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') void sw.skipWaiting();
});

/** The cached copy of a request: the file itself, or the page at `path.html` / `path/`. */
async function fromCache(url: URL): Promise<Response | undefined> {
	const cache = await caches.open(CACHE);
	for (const candidate of [
		url.pathname,
		`${url.pathname}.html`,
		`${url.pathname.replace(/\/$/, '')}/index.html`
	]) {
		const hit = await cache.match(candidate);
		if (hit) return hit;
	}
	return undefined;
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cached = await fromCache(url);
			if (cached) return cached;
			try {
				return await fetch(request);
			} catch {
				// Offline and not cached: the app's own "not found" page explains.
				const fallback =
					request.mode === 'navigate'
						? await fromCache(new URL(`${base}/404.html`, url))
						: undefined;
				return fallback ?? new Response('Offline', { status: 503, statusText: 'Offline' });
			}
		})()
	);
});
