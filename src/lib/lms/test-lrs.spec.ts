/**
 * The strict test LRS in tests/lrs/ (it lives here because the server project runs specs under
 * src/ only): what it accepts and refuses is what the cmi5 runtime and the outbox rely on.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestLrs, type Statement } from '../../../tests/lrs/server.ts';
import { interaction } from '../results/xapi.ts';
import { question } from '../testing/builders.ts';

const lrs = await startTestLrs();
afterAll(() => lrs.close());
beforeEach(() => lrs.reset());

const VERSION = { 'X-Experience-API-Version': '1.0.3' };
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** A request to the endpoint with the version header and the configured credentials. */
function xapi(path: string, init: RequestInit = {}) {
	return fetch(new URL(path, lrs.endpoint), {
		...init,
		headers: { ...VERSION, Authorization: lrs.basicAuth, ...JSON_TYPE, ...init.headers }
	});
}

const post = (body: unknown) => xapi('statements', { method: 'POST', body: JSON.stringify(body) });

const ACTOR = { objectType: 'Agent', account: { homePage: 'https://lms.test', name: 'ada' } };

function statement(overrides: Record<string, unknown> = {}): Statement {
	return {
		id: crypto.randomUUID(),
		actor: ACTOR,
		verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
		object: {
			objectType: 'Activity',
			id: 'https://coursekit.test/courses/tiny/quizzes/q1/questions/single-q',
			definition: interaction(question('single'))
		},
		result: { response: 'dynamic', success: true },
		timestamp: '2025-03-01T12:00:00.000Z',
		...overrides
	} as Statement;
}

describe('the headers every request needs', () => {
	it('refuses a request without X-Experience-API-Version, and always answers with it', async () => {
		const response = await fetch(new URL('statements', lrs.endpoint), {
			headers: { Authorization: lrs.basicAuth }
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('X-Experience-API-Version')).toBe('1.0.3');
		expect(
			(await xapi('statements', { headers: { 'X-Experience-API-Version': '0.95' } })).status
		).toBe(400);
		expect(
			(await xapi('statements', { headers: { 'X-Experience-API-Version': '1.0.0' } })).status
		).toBe(200);
	});

	it('answers about without credentials', async () => {
		const response = await fetch(new URL('about', lrs.endpoint));
		expect(await response.json()).toEqual({ version: ['1.0.3'], extensions: {} });
	});

	it('refuses missing or wrong credentials with 401 and no browser login prompt', async () => {
		for (const authorization of [undefined, 'Basic d3Jvbmc6d3Jvbmc=', 'Bearer x']) {
			const response = await fetch(new URL('statements', lrs.endpoint), {
				headers: { ...VERSION, ...(authorization ? { Authorization: authorization } : {}) }
			});
			expect(response.status).toBe(401);
			expect(response.headers.get('WWW-Authenticate')).toBeNull();
		}
	});

	it('answers a CORS preflight for the headers a browser client sends', async () => {
		const response = await fetch(new URL('statements', lrs.endpoint), {
			method: 'OPTIONS',
			headers: {
				Origin: 'http://127.0.0.1:4173',
				'Access-Control-Request-Method': 'PUT',
				'Access-Control-Request-Headers': 'authorization,content-type,x-experience-api-version'
			}
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:4173');
		const allowed = response.headers.get('Access-Control-Allow-Headers')!.toLowerCase();
		for (const header of ['authorization', 'content-type', 'x-experience-api-version'])
			expect(allowed).toContain(header);
		expect(response.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
		const actual = await xapi('statements', { headers: { Origin: 'http://127.0.0.1:4173' } });
		expect(actual.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:4173');
		expect(actual.headers.get('Access-Control-Expose-Headers')).toContain(
			'X-Experience-API-Version'
		);
	});
});

describe('storing statements', () => {
	it('stores one or a batch, returns their ids in order, and lists them in arrival order', async () => {
		const one = statement();
		const [two, three] = [statement(), statement()];
		expect(await (await post(one)).json()).toEqual([one.id]);
		expect(await (await post([two, three])).json()).toEqual([two.id, three.id]);
		const stored = lrs.statements();
		expect(stored.map((s) => s.id)).toEqual([one.id, two.id, three.id]);
		expect(stored[0]).toMatchObject({ version: '1.0.3', authority: { objectType: 'Agent' } });
		expect(typeof stored[0].stored).toBe('string');
	});

	it('assigns an id to a statement without one', async () => {
		const rest = statement();
		delete rest.id;
		const [id] = await (await post(rest)).json();
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect(lrs.statements()[0].id).toBe(id);
	});

	it('refuses an invalid statement with the validator’s reasons, and stores nothing of the batch', async () => {
		const response = await post([statement(), statement({ verb: { id: 'not an iri' } })]);
		expect(response.status).toBe(400);
		expect(await response.text()).toMatch(/\[1\] statement\.verb\.id/);
		expect(lrs.statements()).toEqual([]);
	});

	it('refuses an interaction whose component ids repeat', async () => {
		const definition = interaction(question('match')) as Record<string, unknown>;
		const source = definition.source as { id: string }[];
		const repeated = { ...definition, source: [...source, source[0]] };
		const object = {
			objectType: 'Activity',
			id: 'https://coursekit.test/q/match',
			definition: repeated
		};
		const response = await post(statement({ object }));
		expect(response.status).toBe(400);
		expect(await response.text()).toMatch(/source repeats the component id/);
	});

	it('takes an id again with the same content, without a second copy', async () => {
		const first = statement();
		await post(first);
		// The same instant in another zone, another verb display, another activity definition
		// and upper-case id: all differences the spec says to ignore.
		const again = {
			...first,
			id: String(first.id).toUpperCase(),
			timestamp: '2025-03-01T13:00:00+01:00',
			verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'fr-FR': 'a répondu' } },
			object: { objectType: 'Activity', id: (first.object as { id: string }).id }
		};
		const response = await post(again);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual([first.id]);
		expect(
			(
				await xapi(`statements?statementId=${first.id}`, {
					method: 'PUT',
					body: JSON.stringify(first)
				})
			).status
		).toBe(204);
		expect(lrs.statements()).toHaveLength(1);
	});

	it('refuses an id again with different content: 409, nothing stored', async () => {
		const first = statement();
		await post(first);
		const changed = { ...first, result: { response: 'static', success: false } };
		expect((await post([statement(), changed])).status).toBe(409);
		expect(
			(
				await xapi(`statements?statementId=${first.id}`, {
					method: 'PUT',
					body: JSON.stringify(changed)
				})
			).status
		).toBe(409);
		expect(lrs.statements()).toHaveLength(1);
	});

	it('refuses a batch that holds one id twice', async () => {
		const s = statement();
		expect((await post([s, s])).status).toBe(400);
	});

	it('PUT needs statementId, and the body’s id must match it', async () => {
		const s = statement();
		const put = (query: string) =>
			xapi(`statements${query}`, { method: 'PUT', body: JSON.stringify(s) });
		expect((await put('')).status).toBe(400);
		expect((await put(`?statementId=${crypto.randomUUID()}`)).status).toBe(400);
		expect((await put(`?statementId=${s.id}`)).status).toBe(204);
		expect(lrs.statements().map((x) => x.id)).toEqual([s.id]);
	});
});

describe('reading statements', () => {
	it('gets one by id, or 404', async () => {
		const s = statement();
		await post(s);
		expect(await (await xapi(`statements?statementId=${s.id}`)).json()).toMatchObject({ id: s.id });
		expect((await xapi(`statements?statementId=${crypto.randomUUID()}`)).status).toBe(404);
	});

	it('lists newest first, pages with limit and more, filters with since', async () => {
		const all = [statement(), statement(), statement()];
		for (const s of all) await post(s);
		const first = await (await xapi('statements?limit=2')).json();
		expect(first.statements.map((s: Statement) => s.id)).toEqual([all[2].id, all[1].id]);
		const rest = await (await xapi(first.more.replace('/xapi/', ''))).json();
		expect(rest.statements.map((s: Statement) => s.id)).toEqual([all[0].id]);
		expect(rest.more).toBe('');
		const since = lrs.statements()[0].stored as string;
		const ascending = await (
			await xapi(
				`statements?ascending=true&since=${encodeURIComponent(new Date(Date.parse(since) - 1).toISOString())}`
			)
		).json();
		expect(ascending.statements.map((s: Statement) => s.id)).toEqual(all.map((s) => s.id));
	});
});

describe('documents', () => {
	const agent = encodeURIComponent(JSON.stringify(ACTOR));
	const state = `activities/state?activityId=${encodeURIComponent('https://lms.test/au')}&agent=${agent}&stateId=s1`;

	it('puts, merges by POST, gets and deletes a state document', async () => {
		expect((await xapi(state)).status).toBe(404);
		await xapi(state, { method: 'PUT', body: JSON.stringify({ a: 1 }) });
		await xapi(state, { method: 'POST', body: JSON.stringify({ b: 2 }) });
		const got = await xapi(state);
		expect(await got.json()).toEqual({ a: 1, b: 2 });
		expect(got.headers.get('ETag')).toMatch(/^"[0-9a-f]{40}"$/);
		expect((await xapi(`${state}&registration=${crypto.randomUUID()}`)).status).toBe(404);
		await xapi(state, { method: 'DELETE' });
		expect((await xapi(state)).status).toBe(404);
	});

	it('needs activityId and a valid agent', async () => {
		expect((await xapi(`activities/state?agent=${agent}&stateId=s1`)).status).toBe(400);
		expect((await xapi(`activities/state?activityId=x&agent=%7B%7D&stateId=s1`)).status).toBe(400);
	});

	it('replaces an agent profile only with If-Match or If-None-Match', async () => {
		const profile = `agents/profile?agent=${agent}&profileId=cmi5LearnerPreferences`;
		const put = (headers: Record<string, string> = {}) =>
			xapi(profile, { method: 'PUT', body: JSON.stringify({ languagePreference: 'fr' }), headers });
		expect((await put()).status).toBe(204);
		expect((await put()).status).toBe(409);
		expect((await put({ 'If-None-Match': '*' })).status).toBe(412);
		const etag = (await xapi(profile)).headers.get('ETag')!;
		expect((await put({ 'If-Match': etag })).status).toBe(204);
	});
});

describe('the cmi5 launch', () => {
	it('stores LMS.LaunchData and gives the launch query', async () => {
		const launch = lrs.createCmi5Launch({ masteryScore: 0.8, returnURL: 'https://lms.test/back' });
		const query = new URLSearchParams(launch.query);
		expect([...query.keys()]).toEqual(['endpoint', 'fetch', 'actor', 'registration', 'activityId']);
		expect(JSON.parse(query.get('actor')!)).toEqual(launch.actor);
		const agent = encodeURIComponent(JSON.stringify(launch.actor));
		const data = await xapi(
			`activities/state?activityId=${encodeURIComponent(launch.activityId)}&agent=${agent}&registration=${launch.registration}&stateId=LMS.LaunchData`
		);
		expect(await data.json()).toMatchObject({
			launchMode: 'Normal',
			moveOn: 'CompletedAndPassed',
			masteryScore: 0.8,
			returnURL: 'https://lms.test/back',
			contextTemplate: {
				extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': launch.sessionId }
			}
		});
		expect(launch.launchUrl('http://127.0.0.1:4173/index.html')).toBe(
			`http://127.0.0.1:4173/index.html?${launch.query}`
		);
	});

	it('hands out the token once; the token authorises the LRS', async () => {
		const launch = lrs.createCmi5Launch();
		expect((await fetch(launch.fetch)).status).toBe(405);
		const first = await fetch(launch.fetch, { method: 'POST' });
		expect(first.headers.get('Content-Type')).toMatch(/^application\/json/);
		const token = (await first.json())['auth-token'];
		expect(typeof token).toBe('string');
		const second = await fetch(launch.fetch, { method: 'POST' });
		expect(second.status).toBe(200);
		expect(await second.json()).toMatchObject({ 'error-code': '1' });
		const response = await fetch(new URL('statements', lrs.endpoint), {
			headers: { ...VERSION, Authorization: `Basic ${token}` }
		});
		expect(response.status).toBe(200);
	});

	it('gives no token for an unknown fetch URL', async () => {
		const response = await fetch(`${lrs.url}/fetch/unknown`, { method: 'POST' });
		expect(await response.json()).toMatchObject({ 'error-code': '2' });
	});
});

describe('test controls', () => {
	it('goes offline by refusing connections or by 503, and back', async () => {
		lrs.setOffline('refuse');
		await expect(post(statement())).rejects.toThrow();
		lrs.setOffline('unavailable');
		expect((await post(statement())).status).toBe(503);
		lrs.setOffline(false);
		expect((await post(statement())).status).toBe(200);
		expect(lrs.statements()).toHaveLength(1);
	});

	it('counts and lists requests, and reset forgets everything', async () => {
		await post(statement());
		await xapi('statements');
		expect(lrs.requestCount).toBe(2);
		expect(lrs.requests()).toEqual([
			{ method: 'POST', path: '/xapi/statements', status: 200 },
			{ method: 'GET', path: '/xapi/statements', status: 200 }
		]);
		lrs.reset();
		expect(lrs.requestCount).toBe(0);
		expect(lrs.statements()).toEqual([]);
	});
});
