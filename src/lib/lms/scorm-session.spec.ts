import { describe, expect, it } from 'vitest';
import type { Scorm12Api } from './scorm-api.ts';
import { found, lastError, launch, lmsApi, stored } from './scorm-fixtures.ts';
import { interactionOf } from './scorm-interaction.ts';
import { ScormError, ScormSession } from './scorm-session.ts';
import { question } from '../testing/builders.ts';

/** The data an LMS launches a learner's first attempt with, in each version's data model. */
const firstLaunch = {
	'1.2': { core: { student_id: 'u-42', student_name: 'Lovelace, Ada', entry: 'ab-initio' } },
	'2004': { learner_id: 'u-42', learner_name: 'Lovelace, Ada', entry: 'ab-initio' }
} as const;

/** The error a call throws, for a closer look. */
function thrownBy(call: () => unknown): unknown {
	try {
		call();
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to throw');
}

describe.each(['1.2', '2004'] as const)('a SCORM %s session', (version) => {
	const v12 = version === '1.2';

	it('knows the learner the LMS launched it for, and that this is a first attempt', () => {
		const { session, api } = launch(version, firstLaunch[version]);
		expect(session.learner()).toEqual({ id: 'u-42', name: 'Lovelace, Ada' });
		// A 2004 LMS answers error 403 "not initialized" for suspend data never saved: that is none.
		expect(session.resume()).toEqual({ entry: 'ab-initio', suspendData: '' });
		expect(lastError(api)).toBe(v12 ? '0' : '403');
	});

	it('reports a passing score: status, raw, min and max out of 100 (and scaled in 2004)', () => {
		const { session, api } = launch(version);
		session.reportScore(0.8125, true);
		const cmi = stored(api);
		expect(lastError(api)).toBe('0');
		if (v12) {
			expect(cmi['cmi.core.lesson_status']).toBe('passed');
			expect([
				cmi['cmi.core.score.raw'],
				cmi['cmi.core.score.min'],
				cmi['cmi.core.score.max']
			]).toEqual(['81.25', '0', '100']);
		} else {
			expect([cmi['cmi.completion_status'], cmi['cmi.success_status']]).toEqual([
				'completed',
				'passed'
			]);
			expect([cmi['cmi.score.raw'], cmi['cmi.score.min'], cmi['cmi.score.max']]).toEqual([
				'81.25',
				'0',
				'100'
			]);
			expect(cmi['cmi.score.scaled']).toBe('0.8125');
		}
	});

	it('reports a failed attempt as failed', () => {
		const { session, api } = launch(version);
		session.reportScore(0.4, false);
		const cmi = stored(api);
		if (v12) expect(cmi['cmi.core.lesson_status']).toBe('failed');
		else
			expect([cmi['cmi.completion_status'], cmi['cmi.success_status']]).toEqual([
				'completed',
				'failed'
			]);
	});

	it('reports work in progress as incomplete, leaving success unknown', () => {
		const { session, api } = launch(version);
		session.reportScore(0.25, undefined, false);
		const cmi = stored(api);
		if (v12) expect(cmi['cmi.core.lesson_status']).toBe('incomplete');
		else
			expect([cmi['cmi.completion_status'], cmi['cmi.success_status']]).toEqual([
				'incomplete',
				'unknown'
			]);
		expect(cmi[v12 ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe('25');
	});

	it('refuses a score outside [0, 1] before the LMS sees it', () => {
		const { session, api } = launch(version);
		for (const score of [1.01, -0.1, Number.NaN]) {
			expect(thrownBy(() => session.reportScore(score, true))).toMatchObject({ kind: 'invalid' });
		}
		expect(stored(api)[v12 ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe('');
	});

	it('writes the session time the LMS accepts', () => {
		const { session, api } = launch(version);
		session.sessionTime(3_723_400);
		// scorm-again respells a 1.2 time span without leading zeros it does not need.
		expect(stored(api)[v12 ? 'cmi.core.session_time' : 'cmi.session_time']).toBe(
			v12 ? '01:02:03.40' : 'PT1H2M3.4S'
		);
	});

	it('records each answer as the next interaction and returns its index', () => {
		const { session, api } = launch(version);
		const single = question('single');
		expect(session.recordInteraction(interactionOf(single, 'static'))).toBe(0);
		expect(session.recordInteraction(interactionOf(single, 'dynamic'))).toBe(1);
		const cmi = stored(api);
		expect([cmi['cmi.interactions.0.result'], cmi['cmi.interactions.1.result']]).toEqual([
			v12 ? 'wrong' : 'incorrect',
			'correct'
		]);
		expect(cmi['cmi.interactions.1.id']).toBe('single-q');
	});

	it('finishes with exit "suspend", and a relaunch resumes with the saved progress', () => {
		const first = launch(version, firstLaunch[version]);
		first.session.saveProgress('CKS1.progress');
		first.session.commit();
		first.session.finish();
		const cmi = stored(first.api);
		const exit = cmi[v12 ? 'cmi.core.exit' : 'cmi.exit'];
		expect(exit).toBe('suspend');

		// The LMS relaunches with what it stored, and (since the learner suspended) entry "resume".
		const data = JSON.parse(JSON.stringify(first.api.cmi));
		if (v12) data.core.entry = exit === 'suspend' ? 'resume' : '';
		else data.entry = exit === 'suspend' ? 'resume' : '';
		const second = new ScormSession(found(version, lmsApi(version, data)));
		second.start();
		expect(second.resume()).toEqual({ entry: 'resume', suspendData: 'CKS1.progress' });
		expect(second.learner()).toEqual({ id: 'u-42', name: 'Lovelace, Ada' });
	});

	it('can finish without suspending, for a learner who is done', () => {
		const { session, api } = launch(version);
		session.finish('normal');
		expect(stored(api)[v12 ? 'cmi.core.exit' : 'cmi.exit']).toBe(v12 ? '' : 'normal');
	});

	it('surfaces a call the LMS refuses as a ScormError with the LMS code', () => {
		const api = lmsApi(version);
		const session = new ScormSession(found(version, api));
		// Not started: SCORM 1.2 answers 301 "not initialized", 2004 132 "store data before init".
		const error = thrownBy(() => session.saveProgress('x'));
		expect(error).toBeInstanceOf(ScormError);
		expect(error).toMatchObject({
			kind: 'lms',
			details: { element: 'cmi.suspend_data', code: v12 ? '301' : '132' }
		});
	});

	it('sends nothing after finishing, where some LMSs would take a value and drop it', () => {
		const { session, api } = launch(version);
		session.saveProgress('before');
		session.finish();
		expect(thrownBy(() => session.saveProgress('after'))).toMatchObject({ kind: 'finished' });
		expect(thrownBy(() => session.commit())).toMatchObject({ kind: 'finished' });
		expect(stored(api)['cmi.suspend_data']).toBe('before');
	});
});

describe('suspend data', () => {
	it('over 4096 characters is refused in SCORM 1.2 before it reaches the LMS', () => {
		const { session, api } = launch('1.2');
		session.saveProgress('kept');
		const error = thrownBy(() => session.saveProgress('x'.repeat(4097)));
		expect(error).toMatchObject({ kind: 'too-long' });
		expect((error as Error).message).toMatch(/4097 characters.*4096/);
		expect(stored(api)['cmi.suspend_data']).toBe('kept');
		// scorm-again itself would have taken it: the refusal is the session's.
		expect(api.LMSSetValue('cmi.suspend_data', 'x'.repeat(4097))).toBe('true');
	});

	it('of exactly 4096 characters is kept in SCORM 1.2', () => {
		const { session, api } = launch('1.2');
		session.saveProgress('y'.repeat(4096));
		expect(stored(api)['cmi.suspend_data']).toHaveLength(4096);
	});

	it('may hold 64000 characters in SCORM 2004, and no more', () => {
		const { session, api } = launch('2004');
		session.saveProgress('z'.repeat(64000));
		expect(stored(api)['cmi.suspend_data']).toHaveLength(64000);
		expect(thrownBy(() => session.saveProgress('z'.repeat(64001)))).toMatchObject({
			kind: 'too-long'
		});
	});
});

describe('an LMS that misbehaves', () => {
	/** A SCORM 1.2 LMS over scorm-again, with `override` replacing some of its calls. */
	function lms12(override: Partial<Scorm12Api>): Scorm12Api {
		const api = lmsApi('1.2') as unknown as Scorm12Api;
		return new Proxy(api, {
			get: (target, name: string) =>
				name in override
					? override[name as keyof Scorm12Api]
					: (target[name as keyof Scorm12Api] as (...args: string[]) => unknown).bind(target)
		});
	}

	it('fails a call that returns "false" even without an error code', () => {
		const session = new ScormSession({ version: '1.2', api: lms12({ LMSCommit: () => 'false' }) });
		session.start();
		expect((thrownBy(() => session.commit()) as Error).message).toMatch(
			/LMSCommit.*returned false/
		);
	});

	it('turns an API that throws into a ScormError', () => {
		const api = lms12({
			LMSSetValue: () => {
				throw new TypeError('LMS frame is gone');
			}
		});
		const session = new ScormSession({ version: '1.2', api });
		session.start();
		const error = thrownBy(() => session.saveProgress('x'));
		expect(error).toBeInstanceOf(ScormError);
		expect(error).toMatchObject({ kind: 'lms', message: expect.stringMatching(/frame is gone/) });
	});

	it('takes the booleans and numbers some LMSs return for strings', () => {
		const session = new ScormSession({
			version: '1.2',
			api: lms12({ LMSCommit: () => true, LMSGetLastError: () => 0 })
		});
		session.start();
		expect(() => session.commit()).not.toThrow();
	});

	it('that keeps no interactions (allowed in 1.2) gets none, without an error', () => {
		let code = '0';
		const api = lms12({
			LMSGetValue: (element) => {
				code = element === 'cmi.interactions._count' ? '401' : '0';
				return '';
			},
			LMSGetLastError: () => code
		});
		const session = new ScormSession({ version: '1.2', api });
		session.start();
		expect(session.recordInteraction(interactionOf(question('truefalse'), true))).toBeNull();
	});
});
