/**
 * A strict, in-memory xAPI 1.0.3 LRS for tests, with the cmi5 LMS's token fetch endpoint. It
 * enforces what a client relies on: the `X-Experience-API-Version` header, authorization (Basic
 * credentials or a cmi5 token), valid statements, the id rules, CORS for an app on another
 * origin. Tests can take it offline, read what it received in order, and count requests.
 *
 * Layout: `<url>/xapi/` is the endpoint (`statements`, `activities/state`, `agents/profile`,
 * `about`); `<url>/fetch/<code>` is a cmi5 fetch URL (see `createCmi5Launch`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { agentKey, agentParameter, DocumentStore, type Agent } from './documents.ts';
import { LrsError, StatementStore, type Statement } from './statements.ts';

export type { Agent } from './documents.ts';
export type { Statement } from './statements.ts';

export interface TestLrsOptions {
	/** 0 (the default) takes any free port. */
	port?: number;
	/** Default `127.0.0.1`. */
	host?: string;
	/** The Basic credentials the LRS accepts besides cmi5 tokens. */
	credentials?: { username: string; password: string };
}

/** `false`: online; `'refuse'`: connections are dropped; `'unavailable'`: every request is 503. */
export type OfflineMode = false | 'refuse' | 'unavailable';

export interface RequestRecord {
	method: string;
	/** Path and query, as requested. */
	path: string;
	status: number;
}

export interface Cmi5LaunchOptions {
	actor?: Agent;
	/** A new UUID unless given; give the same one to launch a second session of a registration. */
	registration?: string;
	activityId?: string;
	launchMode?: 'Normal' | 'Browse' | 'Review';
	moveOn?: 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
	/** 0–1; left out of the launch data when undefined. */
	masteryScore?: number;
	returnURL?: string;
	/** The AU's id in the course structure, for the publisher id grouping activity. */
	publisherId?: string;
	/** Stored as the agent's `cmi5LearnerPreferences` profile when given. */
	learnerPreferences?: { languagePreference?: string; audioPreference?: 'on' | 'off' };
}

export interface Cmi5Launch {
	endpoint: string;
	fetch: string;
	actor: Agent;
	registration: string;
	activityId: string;
	sessionId: string;
	launchData: Record<string, unknown>;
	/** `endpoint=…&fetch=…&actor=…&registration=…&activityId=…`, each value URL-encoded. */
	query: string;
	/** `auUrl` with the launch query added, as the LMS opens it. */
	launchUrl(auUrl: string): string;
}

export interface TestLrs {
	/** `http://host:port`, no trailing slash. */
	readonly url: string;
	/** The xAPI endpoint, `<url>/xapi/`. */
	readonly endpoint: string;
	/** The `Authorization` header value for the configured credentials. */
	readonly basicAuth: string;
	/** Every stored statement, in the order the LRS received them (with `stored`, `authority`). */
	statements(): Statement[];
	/** Every request, oldest first. */
	requests(): RequestRecord[];
	/** How many requests arrived (connections dropped while refusing are not requests). */
	readonly requestCount: number;
	setOffline(mode: OfflineMode): void;
	/** Forgets statements, documents, launches, tokens and the request log; goes online. */
	reset(): void;
	/** Plays the LMS before an AU launch: stores `LMS.LaunchData`, returns the launch query. */
	createCmi5Launch(options?: Cmi5LaunchOptions): Cmi5Launch;
	close(): Promise<void>;
}

const VERSION = '1.0.3';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MAX_BODY = 10 * 1024 * 1024;

const CORS_HEADERS = {
	'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
	'access-control-allow-headers':
		'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match',
	'access-control-expose-headers':
		'X-Experience-API-Version, X-Experience-API-Consistent-Through, ETag, Last-Modified, Content-Type',
	'access-control-max-age': '600'
};

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY) reject(new LrsError(413, 'request body too large'));
			else chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function parseJson(body: Buffer): unknown {
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		throw new LrsError(400, 'the body is not JSON');
	}
}

/** One request to an xAPI resource, authorised. */
interface Call {
	method: string;
	query: URLSearchParams;
	body: Buffer;
	contentType: string;
	request: IncomingMessage;
	response: ServerResponse;
}

const required = (query: URLSearchParams, name: string) => {
	const value = query.get(name);
	if (value === null || value === '') throw new LrsError(400, `the ${name} parameter is required`);
	return value;
};

/** Starts the LRS; `close()` it after the tests. */
export async function startTestLrs(options: TestLrsOptions = {}): Promise<TestLrs> {
	const credentials = options.credentials ?? { username: 'coursekit', password: 'secret' };
	const basicAuth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
	const statements = new StatementStore({
		authority: {
			objectType: 'Agent',
			name: 'Test LRS',
			account: { homePage: 'https://lrs.test', name: credentials.username }
		}
	});
	const states = new DocumentStore();
	const profiles = new DocumentStore();
	/** cmi5 fetch codes and whether their token was handed out. */
	const launches = new Map<string, { token: string; fetched: boolean }>();
	const tokens = new Set<string>();
	let log: RequestRecord[] = [];
	let offline: OfflineMode = false;
	const sockets = new Set<Socket>();

	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		response.on('finish', () =>
			log.push({ method: request.method ?? '', path, status: response.statusCode })
		);
		handle(request, response).catch((error: unknown) => {
			const status = error instanceof LrsError ? error.status : 500;
			const message = error instanceof Error ? error.message : String(error);
			if (!response.headersSent) send(response, status, message);
			else response.end();
		});
	});
	server.on('connection', (socket) => {
		if (offline === 'refuse') return socket.destroy();
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	function send(
		response: ServerResponse,
		status: number,
		body?: unknown,
		headers: Record<string, string> = {}
	) {
		const text =
			body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body, null, 1);
		const type =
			body === undefined
				? {}
				: {
						'content-type':
							typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json'
					};
		response.writeHead(status, { ...type, ...headers });
		response.end(text);
	}

	async function handle(request: IncomingMessage, response: ServerResponse) {
		const origin = request.headers.origin;
		response.setHeader('x-experience-api-version', VERSION);
		response.setHeader('access-control-allow-origin', origin ?? '*');
		response.setHeader('vary', 'Origin');
		for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
		const method = request.method ?? 'GET';
		if (method === 'OPTIONS') return send(response, 204);
		if (offline) return send(response, 503, 'the LRS is offline');

		const url = new URL(request.url ?? '/', 'http://lrs');
		const fetchCode = /^\/fetch\/([^/]+)$/.exec(url.pathname)?.[1];
		if (fetchCode !== undefined) return fetchToken(method, decodeURIComponent(fetchCode), response);
		if (!url.pathname.startsWith('/xapi/')) throw new LrsError(404, 'not found');
		const resource = url.pathname.slice('/xapi/'.length);
		if (resource === 'about' && method === 'GET')
			return send(response, 200, { version: [VERSION], extensions: {} });

		const version = request.headers['x-experience-api-version'];
		if (typeof version !== 'string' || !/^1\.0(\.\d+)?$/.test(version))
			throw new LrsError(400, 'X-Experience-API-Version 1.0.x is required');
		const authorization = request.headers.authorization ?? '';
		const token = /^Basic (.+)$/.exec(authorization)?.[1];
		// No WWW-Authenticate: a browser would show its login dialog to the learner.
		if (authorization !== basicAuth && !(token && tokens.has(token)))
			throw new LrsError(401, 'unauthorized');

		const query = url.searchParams;
		const call: Call = {
			method,
			query,
			body: ['PUT', 'POST'].includes(method) ? await readBody(request) : Buffer.alloc(0),
			contentType: request.headers['content-type'] ?? 'application/octet-stream',
			request,
			response
		};
		switch (resource) {
			case 'statements':
				return statementsResource(call);
			case 'activities/state': {
				const scope = [
					required(query, 'activityId'),
					agentParameter(query),
					query.get('registration') ?? ''
				].join('|');
				return documentResource(call, states, scope, query.get('stateId'), false);
			}
			case 'agents/profile':
				return documentResource(
					call,
					profiles,
					agentParameter(query),
					query.get('profileId'),
					true
				);
			default:
				throw new LrsError(404, `no resource ${resource}`);
		}
	}

	function fetchToken(method: string, code: string, response: ServerResponse) {
		if (method !== 'POST') throw new LrsError(405, 'the fetch URL takes POST only');
		const launch = launches.get(code);
		// cmi5 8.2.3: errors are 200 with an error code; a second request is error 1.
		if (!launch)
			return send(response, 200, { 'error-code': '2', 'error-text': 'Unknown fetch URL.' });
		if (launch.fetched)
			return send(response, 200, {
				'error-code': '1',
				'error-text': 'The authorization token has already been returned.'
			});
		launch.fetched = true;
		tokens.add(launch.token);
		send(response, 200, { 'auth-token': launch.token });
	}

	function statementsResource({ method, query, body, contentType, response }: Call) {
		if (method === 'GET') return getStatements(query, response);
		if (method !== 'PUT' && method !== 'POST') throw new LrsError(405, `${method} statements`);
		if (!contentType.startsWith('application/json'))
			throw new LrsError(400, 'statements must be application/json (no attachments here)');
		const data = parseJson(body);
		if (method === 'PUT') {
			if (Array.isArray(data)) throw new LrsError(400, 'PUT takes one statement');
			statements.store([data], required(query, 'statementId'));
			return send(response, 204);
		}
		if (query.has('statementId')) throw new LrsError(400, 'POST takes no statementId');
		send(response, 200, statements.store(Array.isArray(data) ? data : [data]));
	}

	function getStatements(query: URLSearchParams, response: ServerResponse) {
		const consistent = { 'x-experience-api-consistent-through': new Date().toISOString() };
		const id = query.get('statementId') ?? query.get('voidedStatementId');
		if (id !== null) {
			const statement = statements.get(id);
			return statement
				? send(response, 200, statement, consistent)
				: send(response, 404, `no statement ${id}`, consistent);
		}
		let filters = query;
		let offset = 0;
		const more = query.get('more');
		if (more !== null) {
			const cursor = JSON.parse(Buffer.from(more, 'base64url').toString()) as {
				query: string;
				offset: number;
			};
			filters = new URLSearchParams(cursor.query);
			offset = cursor.offset;
		}
		const since = filters.get('since');
		const until = filters.get('until');
		const verb = filters.get('verb');
		const activity = filters.get('activity');
		const registration = filters.get('registration');
		const agent = filters.has('agent') ? agentParameter(filters) : undefined;
		const limit = Number(filters.get('limit') ?? 0) || 100;
		const matching = statements
			.all()
			.filter(
				(s) =>
					(!since || String(s.stored) > new Date(since).toISOString()) &&
					(!until || String(s.stored) <= new Date(until).toISOString()) &&
					(!verb || (s.verb as { id?: string }).id === verb) &&
					(!activity || (s.object as { id?: string }).id === activity) &&
					(!registration ||
						(s.context as { registration?: string } | undefined)?.registration === registration) &&
					(!agent || agentKeyOrEmpty(s.actor) === agent)
			);
		if (filters.get('ascending') !== 'true') matching.reverse();
		const page = matching.slice(offset, offset + limit);
		const next =
			offset + limit < matching.length
				? `/xapi/statements?more=${Buffer.from(JSON.stringify({ query: filters.toString(), offset: offset + limit })).toString('base64url')}`
				: '';
		send(response, 200, { statements: page, more: next }, consistent);
	}

	/** A State (`concurrency` false) or Agent Profile document: `id` null means all of `scope`. */
	function documentResource(
		{ method, query, body, contentType, request, response }: Call,
		store: DocumentStore,
		scope: string,
		id: string | null,
		concurrency: boolean
	) {
		if (method === 'GET') {
			if (id === null) {
				const since = query.get('since');
				return send(response, 200, store.ids(scope, since ? new Date(since) : undefined));
			}
			const doc = store.get(scope, id);
			if (!doc) return send(response, 404, `no document ${id}`);
			response.writeHead(200, {
				'content-type': doc.contentType,
				etag: doc.etag,
				'last-modified': doc.updated.toUTCString()
			});
			return response.end(doc.body);
		}
		if (method === 'DELETE') {
			if (id === null && concurrency)
				throw new LrsError(400, 'the profileId parameter is required');
			store.delete(scope, id ?? undefined);
			return send(response, 204);
		}
		if (method !== 'PUT' && method !== 'POST') throw new LrsError(405, method);
		if (id === null) throw new LrsError(400, 'a document id parameter is required');
		const existing = store.get(scope, id);
		const ifMatch = request.headers['if-match'];
		const ifNoneMatch = request.headers['if-none-match'];
		// Profiles need concurrency control (xAPI 1.0.3 Communication 3.1): a PUT over an
		// existing document without If-Match or If-None-Match is a conflict.
		if (concurrency && method === 'PUT' && existing && !ifMatch && !ifNoneMatch)
			throw new LrsError(409, 'If-Match or If-None-Match is required to replace a profile');
		if (ifMatch && ifMatch !== '*' && ifMatch !== existing?.etag)
			throw new LrsError(412, 'If-Match does not match');
		if (ifMatch === '*' && !existing) throw new LrsError(412, 'If-Match: * but no document');
		if (ifNoneMatch === '*' && existing) throw new LrsError(412, 'the document exists');
		store.write(scope, id, contentType, body, method === 'POST');
		send(response, 204);
	}

	const agentKeyOrEmpty = (actor: unknown) => {
		try {
			return agentKey(actor);
		} catch {
			return '';
		}
	};

	await new Promise<void>((resolve) =>
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
	);
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
	const endpoint = `${url}/xapi/`;

	return {
		url,
		endpoint,
		basicAuth,
		statements: () => statements.all(),
		requests: () => log.map((r) => ({ ...r })),
		get requestCount() {
			return log.length;
		},
		setOffline(mode) {
			offline = mode;
			if (mode === 'refuse') for (const socket of sockets) socket.destroy();
		},
		reset() {
			statements.clear();
			states.clear();
			profiles.clear();
			launches.clear();
			tokens.clear();
			log = [];
			offline = false;
		},
		createCmi5Launch(launch = {}) {
			const actor: Agent = launch.actor ?? {
				objectType: 'Agent',
				name: 'Ada Lovelace',
				account: { homePage: 'https://lms.test', name: 'ada' }
			};
			const registration = launch.registration ?? randomUUID();
			const activityId = launch.activityId ?? 'https://lms.test/activities/coursekit-au';
			const sessionId = randomUUID();
			const code = randomBytes(12).toString('hex');
			launches.set(code, { token: randomBytes(24).toString('base64'), fetched: false });
			const launchData: Record<string, unknown> = {
				contextTemplate: {
					contextActivities: {
						grouping: [
							{
								objectType: 'Activity',
								id: launch.publisherId ?? 'https://coursekit.test/courses/tiny/au'
							}
						]
					},
					extensions: { [SESSION_ID]: sessionId }
				},
				launchMode: launch.launchMode ?? 'Normal',
				moveOn: launch.moveOn ?? 'CompletedAndPassed',
				...(launch.masteryScore === undefined ? {} : { masteryScore: launch.masteryScore }),
				...(launch.returnURL === undefined ? {} : { returnURL: launch.returnURL })
			};
			const json = (value: unknown) => Buffer.from(JSON.stringify(value));
			states.write(
				[activityId, agentKey(actor), registration].join('|'),
				'LMS.LaunchData',
				'application/json',
				json(launchData),
				false
			);
			if (launch.learnerPreferences)
				profiles.write(
					agentKey(actor),
					'cmi5LearnerPreferences',
					'application/json',
					json(launch.learnerPreferences),
					false
				);
			const params = {
				endpoint,
				fetch: `${url}/fetch/${code}`,
				actor: JSON.stringify(actor),
				registration,
				activityId
			};
			const query = new URLSearchParams(params).toString();
			return {
				...params,
				actor,
				sessionId,
				launchData,
				query,
				launchUrl: (auUrl) => `${auUrl}${auUrl.includes('?') ? '&' : '?'}${query}`
			};
		},
		close() {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		}
	};
}
