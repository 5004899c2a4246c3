import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeAssignment, type Assignment } from '../assign/assignment.ts';
import {
	captureAssignment,
	captureLaunch,
	parseActor,
	readLaunch,
	resolveConfig
} from './config.ts';
import { allowedLrsOrigins, checkEndpoint, isLrsEndpoint, statementsUrl } from './endpoint.ts';
import { MemoryStorage } from './fake-lrs.ts';
import { lrsWanted } from './wanted.ts';

const page = (query: string) => new URL(`https://site.example/courses/tiny?${query}`);

describe('LRS endpoints', () => {
	it('accept https, and plain http only on this machine', () => {
		expect(isLrsEndpoint('https://lrs.example.org/xapi/')).toBe(true);
		expect(isLrsEndpoint('http://localhost:8080/xapi')).toBe(true);
		expect(isLrsEndpoint('http://127.0.0.1:9/')).toBe(true);
		expect(isLrsEndpoint('http://lrs.example.org/xapi/')).toBe(false);
		expect(isLrsEndpoint('https://user:pw@lrs.example.org/')).toBe(false);
		expect(isLrsEndpoint('https://lrs.example.org/xapi?key=1')).toBe(false);
		expect(isLrsEndpoint('javascript:alert(1)')).toBe(false);
		expect(isLrsEndpoint('lrs.example.org')).toBe(false);
	});

	it('send statements under the endpoint, with or without its trailing slash', () => {
		const check = checkEndpoint('https://lrs.example.org/xapi', ['https://lrs.example.org']);
		expect(check).toEqual({ ok: true, endpoint: 'https://lrs.example.org/xapi/' });
		expect(statementsUrl('https://lrs.example.org/xapi/')).toBe(
			'https://lrs.example.org/xapi/statements'
		);
	});

	it('allow exactly the listed origins, and refuse others with a message', () => {
		const allowed = allowedLrsOrigins({
			VITE_COURSEKIT_LRS_ORIGINS: ' https://a.example , http://localhost:8080,ftp://bad,',
			VITE_COURSEKIT_LRS: 'https://b.example/data/xAPI/'
		});
		expect(allowed).toEqual(['https://a.example', 'http://localhost:8080']);
		expect(checkEndpoint('https://b.example/data/xAPI/', allowed)).toEqual({
			ok: false,
			message:
				'This site may not send your results to b.example: it sends only to a.example, localhost:8080. Nothing was sent; your answers are kept here.'
		});
		expect(checkEndpoint('https://a.example/x/', [])).toMatchObject({
			ok: false,
			message: expect.stringMatching(/built without a learning record store/)
		});
		expect(checkEndpoint('http://a.example/x/', allowed)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/must start with https/)
		});
	});
});

describe('launch parameters', () => {
	it('read endpoint, auth, actor and registration', () => {
		const launch = readLaunch(
			page(
				'endpoint=https%3A%2F%2Flrs.example.org%2Fxapi%2F&auth=Basic%20abc&registration=2D1F6A0E-7C1B-4E8E-9F43-5B0A1C2D3E4F&actor=' +
					encodeURIComponent('{"name":"Ada","mbox":"mailto:ada@example.org"}')
			)
		);
		expect(launch).toEqual({
			endpoint: 'https://lrs.example.org/xapi/',
			auth: 'Basic abc',
			actor: { objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' },
			registration: '2d1f6a0e-7c1b-4e8e-9f43-5b0a1c2d3e4f'
		});
	});

	it('read the older Tin Can actor, and leave out what is malformed', () => {
		expect(
			parseActor(
				'{"name":["Ada"],"account":[{"accountServiceHomePage":"https://lms.example","accountName":"ada"}]}'
			)
		).toEqual({
			objectType: 'Agent',
			name: 'Ada',
			account: { homePage: 'https://lms.example', name: 'ada' }
		});
		expect(parseActor('{"name":"Ada"}')).toBeUndefined();
		expect(parseActor('not json')).toBeUndefined();
		expect(
			readLaunch(page('endpoint=https://lrs.example.org/&registration=nope&actor=%7B'))
		).toEqual({
			endpoint: 'https://lrs.example.org/'
		});
	});

	it('are not a cmi5 launch (which carries `fetch`)', () => {
		const cmi5 = page('endpoint=https://lrs.example.org/&fetch=https://lms.example/token');
		expect(readLaunch(cmi5)).toBeNull();
		expect(lrsWanted(cmi5, '')).toBe(false);
	});

	it('are kept for the visit, with `auth` taken out of the address', () => {
		const storage = new MemoryStorage();
		const shown: URL[] = [];
		const url = page('endpoint=https://lrs.example.org/&auth=Basic%20abc&x=1');
		expect(captureLaunch(url, storage, (u) => shown.push(u))?.auth).toBe('Basic abc');
		expect(shown.map(String)).toEqual([
			'https://site.example/courses/tiny?endpoint=https%3A%2F%2Flrs.example.org%2F&x=1'
		]);
		expect(captureLaunch(new URL('https://site.example/'), storage, () => {})).toEqual({
			endpoint: 'https://lrs.example.org/',
			auth: 'Basic abc'
		});
		// A reload shows the address without `auth`: the credentials stay.
		expect(captureLaunch(shown[0], storage, () => {})?.auth).toBe('Basic abc');
		storage.setItem('coursekit:lrs-launch', '{"endpoint": 5}');
		expect(captureLaunch(new URL('https://site.example/'), storage, () => {})).toBeNull();
	});
});

describe('the configuration in force', () => {
	const assignment: Assignment = {
		v: 1,
		id: 'Week1abc',
		title: 'Week 1',
		course: 'tiny',
		lessons: ['intro'],
		quizzes: ['basics-quiz'],
		lrs: 'https://lrs.example.org/xapi/'
	};

	it('is the launch, else the assignment, else the build setting', () => {
		const storage = new MemoryStorage();
		const fromAssignment = captureAssignment(assignment, storage);
		const launch = { endpoint: 'https://l.example/' };
		expect(
			resolveConfig({ launch, assignment: fromAssignment, buildEndpoint: 'https://b.example/' })
				?.source
		).toBe('launch');
		expect(
			resolveConfig({
				launch: null,
				assignment: captureAssignment(null, storage),
				buildEndpoint: 'https://b.example/'
			})
		).toMatchObject({
			source: 'assignment',
			endpoint: 'https://lrs.example.org/xapi/',
			assignment: { assignmentId: 'Week1abc', course: 'tiny', quizzes: ['basics-quiz'] }
		});
		expect(
			resolveConfig({ launch: null, assignment: null, buildEndpoint: 'https://b.example/' })
		).toEqual({
			source: 'build',
			endpoint: 'https://b.example/'
		});
		expect(resolveConfig({ launch: null, assignment: null })).toBeNull();
	});

	it('takes an assignment’s `lrs` from its link, and refuses a link whose `lrs` is not https', async () => {
		const decoded = await decodeAssignment(await encodeAssignment(assignment));
		expect(decoded).toEqual({ ok: true, assignment });
		const plain = await encodeAssignment({ ...assignment, lrs: 'http://lrs.example.org/' });
		expect(await decodeAssignment(plain)).toMatchObject({ ok: false });
		const local = { ...assignment, lrs: 'http://127.0.0.1:8080/xapi/' };
		expect(await decodeAssignment(await encodeAssignment(local))).toEqual({
			ok: true,
			assignment: local
		});
	});
});
