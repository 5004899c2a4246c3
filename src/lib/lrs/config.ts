/**
 * Where statements go, and as whom. Three sources, the first present wins:
 * 1. the classic xAPI launch parameters in the page address (`endpoint`, `auth`, `actor`,
 *    `registration`), kept in sessionStorage so that they hold for the whole visit (`auth` is then
 *    taken out of the address bar);
 * 2. the `lrs` of an assignment link this tab opened (for that assignment's lessons and quizzes);
 * 3. the build setting `VITE_COURSEKIT_LRS`.
 * Whatever the source, the endpoint's origin must be in the allow-list (endpoint.ts).
 */
import type { Assignment } from '../assign/assignment.ts';
import { parseEndpoint } from './endpoint.ts';
import { ASSIGNMENT_KEY, LAUNCH_KEY, hasLaunchParameters } from './wanted.ts';

/** An xAPI Agent: a name and exactly one identifier. */
export interface Agent {
	objectType: 'Agent';
	name?: string;
	mbox?: string;
	mbox_sha1sum?: string;
	openid?: string;
	account?: { homePage: string; name: string };
}

export interface Launch {
	endpoint: string;
	/** The Authorization header value (`Basic …`). */
	auth?: string;
	actor?: Agent;
	/** A UUID that groups this learner's statements of this launch. */
	registration?: string;
}

/** What an assignment reports: its lessons and quizzes, to its LRS. */
export interface AssignmentLrs {
	endpoint: string;
	assignmentId: string;
	course: string;
	lessons: string[];
	quizzes: string[];
	passMark?: number;
}

export interface LrsConfig {
	source: 'launch' | 'assignment' | 'build';
	/** As given: the allow-list check (`checkEndpoint`) comes later, with its message. */
	endpoint: string;
	auth?: string;
	actor?: Agent;
	registration?: string;
	/** Only for an assignment's LRS: what it reports. */
	assignment?: AssignmentLrs;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEXT = 4_000;

const text = (v: unknown, max = MAX_TEXT): string | undefined =>
	typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
const isUrl = (s: string) => {
	try {
		new URL(s);
		return true;
	} catch {
		return false;
	}
};
/** Old ("Tin Can") launch links wrap each field in an array: take its first value. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The Agent a launch names, or undefined when it names none well: accepts the xAPI form and the
 * older Tin Can one (`{"mbox": ["mailto:…"]}`, `account: [{accountServiceHomePage, accountName}]`).
 */
export function parseActor(value: unknown): Agent | undefined {
	if (typeof value === 'string') {
		try {
			return parseActor(JSON.parse(value));
		} catch {
			return undefined;
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const raw = value as Record<string, unknown>;
	const name = text(first(raw.name), 200);
	const agent = (ifi: Partial<Agent>): Agent => ({
		objectType: 'Agent',
		...(name ? { name } : {}),
		...ifi
	});
	const mbox = text(first(raw.mbox), 300);
	if (mbox && /^mailto:[^@\s]+@[^@\s]+$/.test(mbox)) return agent({ mbox });
	const sha1 = text(first(raw.mbox_sha1sum), 40);
	if (sha1 && /^[0-9a-f]{40}$/i.test(sha1)) return agent({ mbox_sha1sum: sha1 });
	const account = first(raw.account) as Record<string, unknown> | undefined;
	if (account && typeof account === 'object') {
		const homePage = text(account.homePage ?? account.accountServiceHomePage, 2_000);
		const accountName = text(account.name ?? account.accountName, 300);
		if (homePage && accountName && isUrl(homePage))
			return agent({ account: { homePage, name: accountName } });
	}
	const openid = text(first(raw.openid), 2_000);
	if (openid && isUrl(openid)) return agent({ openid });
	return undefined;
}

/** The launch parameters in `url`, if it has a usable `endpoint` (cmi5 launches are not ours). */
export function readLaunch(url: URL): Launch | null {
	if (!hasLaunchParameters(url)) return null;
	const params = url.searchParams;
	const endpoint = text(params.get('endpoint'), 2_000);
	if (!endpoint) return null;
	const auth = text(params.get('auth'));
	const actor = parseActor(params.get('actor') ?? undefined);
	const registration = params.get('registration') ?? '';
	return {
		endpoint,
		...(auth ? { auth } : {}),
		...(actor ? { actor } : {}),
		...(UUID.test(registration) ? { registration: registration.toLowerCase() } : {})
	};
}

const isLaunch = (v: unknown): v is Launch => {
	const l = v as Launch | null;
	return (
		typeof l?.endpoint === 'string' &&
		(l.auth === undefined || typeof l.auth === 'string') &&
		(l.registration === undefined || UUID.test(l.registration)) &&
		(l.actor === undefined || parseActor(l.actor) !== undefined)
	);
};

const isAssignmentLrs = (v: unknown): v is AssignmentLrs => {
	const a = v as AssignmentLrs | null;
	const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
	return (
		typeof a?.endpoint === 'string' &&
		typeof a.assignmentId === 'string' &&
		typeof a.course === 'string' &&
		strings(a.lessons) &&
		strings(a.quizzes) &&
		(a.passMark === undefined || typeof a.passMark === 'number')
	);
};

function readStored<T>(storage: Storage | undefined, key: string, check: (v: unknown) => v is T) {
	try {
		const value: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
		return check(value) ? value : null;
	} catch {
		return null;
	}
}

function store(storage: Storage | undefined, key: string, value: unknown) {
	try {
		storage?.setItem(key, JSON.stringify(value));
	} catch {
		// Storage off: the configuration holds for this page only.
	}
}

/**
 * Keeps the launch parameters of `url` for the rest of the visit and takes `auth` out of the
 * address (`replace` gets the address without it). Returns the launch this tab has, if any.
 */
export function captureLaunch(
	url: URL,
	storage: Storage | undefined,
	replace: (url: URL) => void
): Launch | null {
	const launch = readLaunch(url);
	const kept = readStored(storage, LAUNCH_KEY, isLaunch);
	if (launch) {
		// A reload of the address without `auth` (taken out below) keeps the credentials.
		if (!launch.auth && kept?.auth && kept.endpoint === launch.endpoint) launch.auth = kept.auth;
		store(storage, LAUNCH_KEY, launch);
		if (url.searchParams.has('auth')) {
			const clean = new URL(url);
			clean.searchParams.delete('auth');
			replace(clean);
		}
		return launch;
	}
	return kept;
}

/** Keeps the LRS of an assignment opened in this tab; returns the one this tab has, if any. */
export function captureAssignment(
	assignment: Assignment | null | undefined,
	storage: Storage | undefined
): AssignmentLrs | null {
	if (assignment?.lrs) {
		const { lrs, id, course, lessons, quizzes, passMark } = assignment;
		const kept: AssignmentLrs = {
			endpoint: lrs,
			assignmentId: id,
			course,
			lessons,
			quizzes,
			...(passMark !== undefined ? { passMark } : {})
		};
		store(storage, ASSIGNMENT_KEY, kept);
		return kept;
	}
	return readStored(storage, ASSIGNMENT_KEY, isAssignmentLrs);
}

/** The configuration in force: launch, else assignment, else build setting; null when none. */
export function resolveConfig(sources: {
	launch: Launch | null;
	assignment: AssignmentLrs | null;
	buildEndpoint?: string;
}): LrsConfig | null {
	const { launch, assignment, buildEndpoint } = sources;
	if (launch) return { source: 'launch', ...launch };
	if (assignment) return { source: 'assignment', endpoint: assignment.endpoint, assignment };
	if (buildEndpoint) return { source: 'build', endpoint: buildEndpoint };
	return null;
}

/** The endpoint as the outbox stores it (normalised), or the text as given when malformed. */
export const normalEndpoint = (endpoint: string) => parseEndpoint(endpoint)?.href ?? endpoint;
