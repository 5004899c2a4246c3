/**
 * The cmi5 Assignable Unit runtime (cmi5 Quartz), on `@xapi/cmi5`: the library reads the launch
 * (token fetch, `LMS.LaunchData`, learner preferences) and builds the defined statements
 * (initialized, completed, passed, failed, terminated) with their cmi5 context; this module
 * decides which to send when, gives every statement a stable id, adds one `answered` ("cmi5
 * allowed") per question, and delivers them in order, retrying until the LRS takes them.
 *
 * What the LMS is told follows `report.ts`: completed when every lesson is read and every quiz
 * submitted; passed when every quiz passes, with the mean of the best scores as the score. The
 * package's cmi5.xml gives no masteryScore for that reason (see `manifest.ts`); should an LMS set
 * one anyway, passed and failed follow the score against it, as cmi5 requires.
 */
import Cmi5 from '@xapi/cmi5';
import type { InteractionActivityDefinition, Statement } from '@xapi/xapi';
import type { Question } from '../content/schema.ts';
import { interaction, response, statementId } from '../results/xapi.ts';
import * as z from '../zod-mini.ts';
import type { PackageReport } from './report.ts';

const LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const ANSWERED = {
	id: 'http://adlnet.gov/expapi/verbs/answered',
	display: { 'en-US': 'answered' }
};

/** The learner as cmi5 names them: an Agent with an account (cmi5 9.2). */
const Cmi5Actor = z.object({
	objectType: z.optional(z.literal('Agent')),
	name: z.optional(z.string()),
	account: z.object({ homePage: z.string(), name: z.string().check(z.minLength(1)) })
});

const LaunchData = z.object({
	contextTemplate: z.record(z.string(), z.unknown()),
	launchMode: z.enum(['Normal', 'Browse', 'Review']),
	moveOn: z.enum([
		'Passed',
		'Completed',
		'CompletedAndPassed',
		'CompletedOrPassed',
		'NotApplicable'
	]),
	masteryScore: z.optional(z.number().check(z.gte(0), z.lte(1))),
	returnURL: z.optional(z.string())
});
type LaunchData = z.infer<typeof LaunchData>;

export interface Cmi5Learner {
	/** The LMS's name for the learner's account. */
	id: string;
	/** The display name, or the account name when the LMS gives none. */
	name: string;
	/** The LMS the account belongs to. */
	homePage: string;
}

/** What the package tells the LMS: `packageReport(…)` as is. */
export type Cmi5Report = Pick<PackageReport, 'completed' | 'score' | 'passed'>;

export interface Cmi5Session {
	learner(): Cmi5Learner;
	readonly registration: string;
	readonly launchMode: LaunchData['launchMode'];
	readonly moveOn: LaunchData['moveOn'];
	/** 0–1, when the LMS sets one (then passed means score ≥ masteryScore). */
	readonly masteryScore: number | undefined;
	/** Where the AU must send the learner once terminated, when the LMS says. */
	readonly returnURL: string | undefined;
	/**
	 * Sends one `answered` for a question of an attempt: the learner's answer (as stored by
	 * question id) and whether it was right. Once per attempt and question; a repeat is ignored.
	 * Resolves when the LRS has it: callers need not wait.
	 */
	answered(question: Question, answer: unknown, success: boolean, attemptId: string): Promise<void>;
	/**
	 * Tells the LMS what is new in `report`: completed, then passed, each once per registration
	 * (and not at all in Browse or Review mode). A failure is held until `terminate`, because a
	 * session may carry only one of passed and failed and a learner may still retake and pass.
	 * Call it at start and after every change.
	 */
	report(report: Cmi5Report): Promise<void>;
	/** Ends the session (failed if due, then terminated); the same promise on a second call. */
	terminate(): Promise<void>;
}

export interface Cmi5Options {
	/** What `pagehide` is heard on, to terminate; default `globalThis` when it has events. */
	events?: EventTarget | null;
	/** Waits between tries of a statement the LRS could not take now; the last one repeats. */
	retryDelaysMs?: readonly number[];
}

/** The cmi5 launch parameters of `location`, or null when it has none (not a cmi5 launch). */
export function cmi5LaunchParameters(location: URL) {
	const query = location.searchParams;
	if (!LAUNCH_PARAMETERS.every((name) => query.get(name))) return null;
	let actor: unknown;
	try {
		actor = JSON.parse(query.get('actor')!);
	} catch {
		throw new Error('cmi5 launch: the actor parameter is not JSON');
	}
	const parsed = Cmi5Actor.safeParse(actor);
	if (!parsed.success) throw new Error('cmi5 launch: the actor is not an Agent with an account');
	return {
		endpoint: query.get('endpoint')!,
		fetch: query.get('fetch')!,
		actor: parsed.data,
		registration: query.get('registration')!,
		activityId: query.get('activityId')!
	};
}

/** `Cmi5` that hands the statements it builds to us instead of sending them. */
class StatementBuilder extends Cmi5 {
	readonly built: Statement[] = [];

	override sendXapiStatement(statement: Statement) {
		this.built.push(statement);
		return Promise.resolve({ data: [statement.id] }) as ReturnType<Cmi5['sendXapiStatement']>;
	}

	/** The statement that `make` builds (it calls one of complete, pass, fail, terminate). */
	build(make: (cmi5: this) => unknown): Statement {
		make(this);
		const statement = this.built.pop();
		if (!statement) throw new Error('cmi5: no statement was built');
		return statement;
	}
}

/**
 * Starts the cmi5 session of this launch: fetches the token, reads the launch data, sends
 * `initialized`. Null when `location` is no cmi5 launch; rejects when the LMS cannot be reached
 * or refuses (a fetch URL serves its token once: a reload needs a relaunch from the LMS).
 */
export async function startCmi5(
	location: URL,
	options: Cmi5Options = {}
): Promise<Cmi5Session | null> {
	const parameters = cmi5LaunchParameters(location);
	if (!parameters) return null;
	const cmi5 = new StatementBuilder(parameters);
	try {
		await cmi5.initialize();
	} catch (error) {
		throw new Error(
			cmi5.getAuthToken()
				? `cmi5: could not read the launch data from the LMS (${String(error)})`
				: 'cmi5: the LMS gave no authorization token; launch again from the LMS',
			{ cause: error }
		);
	}
	const launch = LaunchData.safeParse(cmi5.getLaunchData());
	if (!launch.success) throw new Error('cmi5: the LMS launch data is not valid cmi5');
	const initialized = cmi5.built.pop();
	if (!initialized) throw new Error('cmi5: no initialized statement was built');
	const session = new Session(cmi5, launch.data, options);
	await session.start(initialized);
	return session;
}

/** One AU session: decides what to send and delivers it, in order, once. */
class Session implements Cmi5Session {
	readonly registration: string;
	readonly launchMode: LaunchData['launchMode'];
	readonly moveOn: LaunchData['moveOn'];
	readonly masteryScore: number | undefined;
	readonly returnURL: string | undefined;
	#cmi5: StatementBuilder;
	#actor: z.infer<typeof Cmi5Actor>;
	#sessionId: string;
	#delays: readonly number[];
	#queue: { statement: Statement; delivered: () => void }[] = [];
	#pumping = false;
	/** Ids this session queued, and the once-per-registration statements the LRS already has. */
	#sent = new Set<string>();
	#failedDue = false;
	#lastScore: number | undefined;
	#terminated: Promise<void> | undefined;

	constructor(cmi5: StatementBuilder, launch: LaunchData, options: Cmi5Options) {
		const { registration, actor, fetch } = cmi5.getLaunchParameters();
		this.#cmi5 = cmi5;
		this.#actor = Cmi5Actor.parse(actor);
		this.registration = registration;
		this.launchMode = launch.launchMode;
		this.moveOn = launch.moveOn;
		this.masteryScore = launch.masteryScore;
		this.returnURL = launch.returnURL;
		const extensions = launch.contextTemplate.extensions as Record<string, unknown> | undefined;
		this.#sessionId = String(extensions?.[SESSION_ID] ?? fetch);
		this.#delays = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000];
		const events =
			options.events === undefined
				? typeof globalThis.addEventListener === 'function'
					? globalThis
					: null
				: options.events;
		events?.addEventListener('pagehide', () => this.#pageHide(), { once: true });
	}

	/**
	 * Queues `initialized` (first in the queue, so first to arrive) and learns which
	 * once-per-registration statements an earlier session sent.
	 */
	async start(initialized: Statement) {
		void this.#enqueue(this.#withId(initialized, `${this.#sessionId}/initialized`));
		await Promise.all(
			(['completed', 'passed'] as const).map(async (verb) => {
				if (await this.#stored(verb)) this.#sent.add(this.#id(verb));
			})
		);
	}

	learner(): Cmi5Learner {
		const { name, account } = this.#actor;
		return { id: account.name, name: name ?? account.name, homePage: account.homePage };
	}

	answered(question: Question, answer: unknown, success: boolean, attemptId: string) {
		if (this.#terminated) return Promise.resolve();
		const launchParameters = this.#cmi5.getLaunchParameters();
		const template = structuredClone(this.#cmi5.getLaunchData().contextTemplate);
		const parents = template.contextActivities?.parent ?? [];
		const statement: Statement = {
			id: this.#id(`${attemptId}/${question.id}`),
			actor: launchParameters.actor,
			verb: ANSWERED,
			object: {
				objectType: 'Activity',
				id: `${launchParameters.activityId}/questions/${encodeURIComponent(question.id)}`,
				definition: interaction(question) as InteractionActivityDefinition
			},
			result: { response: response(answer), success },
			context: {
				...template,
				registration: this.registration,
				contextActivities: {
					...template.contextActivities,
					parent: [
						...(Array.isArray(parents) ? parents : [parents]),
						{ objectType: 'Activity', id: launchParameters.activityId }
					]
				}
			},
			timestamp: new Date().toISOString()
		};
		return this.#enqueue(statement);
	}

	async report({ completed, score, passed }: Cmi5Report) {
		if (this.#terminated || this.launchMode !== 'Normal') return;
		const sends: Promise<void>[] = [];
		if (completed && !this.#sent.has(this.#id('completed')))
			sends.push(this.#send((c) => c.complete(), 'completed'));
		const verdict = this.#verdict(completed, score, passed);
		this.#failedDue = verdict === 'failed' && !this.#sent.has(this.#id('passed'));
		if (verdict === 'passed' && !this.#sent.has(this.#id('passed')))
			sends.push(this.#send((c) => c.pass(scoreOf(score)), 'passed'));
		this.#lastScore = score;
		await Promise.all(sends);
	}

	terminate() {
		if (this.#terminated) return this.#terminated;
		const sends: Promise<void>[] = [];
		if (this.#failedDue)
			sends.push(this.#send((c) => c.fail(scoreOf(this.#lastScore)), `${this.#sessionId}/failed`));
		sends.push(this.#send((c) => c.terminate(), `${this.#sessionId}/terminated`));
		this.#terminated = Promise.all(sends).then(() => undefined);
		return this.#terminated;
	}

	/** passed or failed by the package's rule, or by the LMS's masteryScore when it sets one. */
	#verdict(completed: boolean, score: number | undefined, passed: boolean | undefined) {
		if (this.masteryScore !== undefined) {
			if (score === undefined) return undefined;
			if (score >= this.masteryScore) return 'passed';
			return completed ? 'failed' : undefined;
		}
		if (passed) return 'passed';
		return completed && passed === false ? 'failed' : undefined;
	}

	/** The page is going away: terminate, and send what is waiting with `keepalive`. */
	#pageHide() {
		void this.terminate();
		for (const { statement } of this.#queue) void this.#post(statement, true);
	}

	/** A statement id stable for this registration and `key`. */
	#id(key: string) {
		return statementId(`cmi5/${this.registration}/${key}`);
	}

	#withId(statement: Statement, key: string): Statement {
		return { ...statement, id: this.#id(key) };
	}

	/** Queues the defined statement that `make` has the library build, under the id of `key`. */
	#send(make: (cmi5: StatementBuilder) => unknown, key: string) {
		return this.#enqueue(this.#withId(this.#cmi5.build(make), key));
	}

	#enqueue(statement: Statement): Promise<void> {
		if (this.#sent.has(statement.id!)) return Promise.resolve();
		this.#sent.add(statement.id!);
		return new Promise((delivered) => {
			this.#queue.push({ statement, delivered });
			void this.#pump();
		});
	}

	/** Sends the queue in order, one statement at a time, each until the LRS has decided. */
	async #pump() {
		if (this.#pumping) return;
		this.#pumping = true;
		try {
			while (this.#queue.length) {
				const [{ statement, delivered }] = this.#queue;
				for (let attempt = 0; (await this.#post(statement)) === 'retry'; attempt++)
					await new Promise((r) =>
						setTimeout(r, this.#delays[Math.min(attempt, this.#delays.length - 1)])
					);
				this.#queue.shift();
				delivered();
			}
		} finally {
			this.#pumping = false;
		}
	}

	#request(path: string, init: RequestInit = {}) {
		const { endpoint } = this.#cmi5.getLaunchParameters();
		return fetch(new URL(path, endpoint.endsWith('/') ? endpoint : `${endpoint}/`), {
			...init,
			headers: {
				Authorization: `Basic ${this.#cmi5.getAuthToken()}`,
				'X-Experience-API-Version': '1.0.3',
				'Content-Type': 'application/json'
			}
		});
	}

	/**
	 * Posts one statement. 'done' when the LRS has it, also when it had it already (409: a
	 * statement of an earlier session under the same id) or refuses it for good (logged);
	 * 'retry' when it could not answer (offline, 5xx, 429).
	 */
	async #post(statement: Statement, keepalive = false): Promise<'done' | 'retry'> {
		let status: number;
		try {
			const answer = await this.#request('statements', {
				method: 'POST',
				body: JSON.stringify(statement),
				keepalive
			});
			status = answer.status;
			if (!answer.ok && status !== 409 && status < 500 && status !== 429)
				console.error(
					`cmi5: the LRS refused statement ${statement.id}: ${status}`,
					await answer.text()
				);
		} catch {
			return 'retry';
		}
		return status >= 500 || status === 429 ? 'retry' : 'done';
	}

	/**
	 * Whether the LRS holds a `verb` (completed, passed) of this registration from an earlier
	 * session; false when it cannot say (then a resend under the same id is a 409, also fine).
	 */
	async #stored(verb: 'completed' | 'passed') {
		const query = new URLSearchParams({
			registration: this.registration,
			verb: `http://adlnet.gov/expapi/verbs/${verb}`,
			activity: this.#cmi5.getLaunchParameters().activityId,
			limit: '1'
		});
		try {
			const answer = await this.#request(`statements?${query}`);
			if (!answer.ok) return false;
			const { statements } = (await answer.json()) as { statements?: unknown[] };
			return Array.isArray(statements) && statements.length > 0;
		} catch {
			return false;
		}
	}
}

/** A package score as an xAPI result score (undefined when there is none). */
const scoreOf = (score: number | undefined) =>
	score === undefined ? undefined : { scaled: score };
