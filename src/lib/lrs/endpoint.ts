/**
 * LRS endpoints: which addresses may name one (https, or plain http on this machine for tests),
 * and which origins this site may send statements to. The allow-list is a build setting,
 * `VITE_COURSEKIT_LRS_ORIGINS`, that the Content-Security-Policy's `connect-src` repeats: an
 * endpoint outside it is refused here, with a message, before anything is sent. Pure and tiny:
 * the assignment schema imports it.
 */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The longest endpoint accepted. */
export const MAX_ENDPOINT = 2_000;

/**
 * The endpoint as a URL when `text` is one an LRS may have: https (or http on localhost), with
 * no user name or password, query or fragment. Its path ends with `/`, so that `statements`
 * resolves under it.
 */
export function parseEndpoint(text: string): URL | null {
	if (text.length > MAX_ENDPOINT) return null;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	const secure =
		url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
	if (!secure || url.username || url.password || url.search || url.hash) return null;
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url;
}

/** True when `text` may name an LRS (see `parseEndpoint`). */
export const isLrsEndpoint = (text: string) => parseEndpoint(text) !== null;

/** The build settings that name LRSs (`import.meta.env` in the app). */
export interface LrsEnv {
	/** An endpoint every page reports to. */
	VITE_COURSEKIT_LRS?: string;
	/** The origins statements may go to, comma separated. */
	VITE_COURSEKIT_LRS_ORIGINS?: string;
}

/**
 * The origins this build may send statements to: those listed in `VITE_COURSEKIT_LRS_ORIGINS`
 * (trimmed, as origins; entries that are not https or local http are ignored). The CSP's
 * `connect-src` lists the same, so a build endpoint must be listed too.
 */
export function allowedLrsOrigins(env: LrsEnv): string[] {
	const listed = (env.VITE_COURSEKIT_LRS_ORIGINS ?? '')
		.split(',')
		.map((origin) => parseEndpoint(origin.trim())?.origin)
		.filter((origin): origin is string => !!origin);
	return [...new Set(listed)];
}

export type EndpointCheck = { ok: true; endpoint: string } | { ok: false; message: string };

/** The endpoint, normalised, if it is well formed and its origin is allowed; else why not. */
export function checkEndpoint(text: string, allowed: readonly string[]): EndpointCheck {
	const url = parseEndpoint(text);
	if (!url)
		return {
			ok: false,
			message: `“${text.slice(0, 200)}” is not an address a learning record store can have (it must start with https://). Nothing was sent.`
		};
	if (!allowed.includes(url.origin))
		return {
			ok: false,
			message: allowed.length
				? `This site may not send your results to ${url.host}: it sends only to ${allowed.map((o) => new URL(o).host).join(', ')}. Nothing was sent; your answers are kept here.`
				: `This site may not send your results to ${url.host}: it was built without a learning record store. Nothing was sent; your answers are kept here.`
		};
	return { ok: true, endpoint: url.href };
}

/** The Statements resource of an endpoint. */
export const statementsUrl = (endpoint: string) => new URL('statements', endpoint).href;

/** The host of an endpoint, as the learner is shown it. */
export const hostOf = (endpoint: string) => new URL(endpoint).host;
