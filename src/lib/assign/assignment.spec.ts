import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAssignment, encodeAssignment, HAND_IN_MAX, type Assignment } from './assignment.ts';
import { decodeResultsCode, encodeResultsCode } from '../results/code.ts';
import { resultsFile } from '../testing/builders.ts';

const tenItems: Assignment = {
	v: 1,
	id: 'Xk3v9Qa1bZ',
	title: 'Week 3: deployment and hardware',
	course: 'ai-frameworks',
	lessons: [
		'overview',
		'key-differences',
		'deployment-and-hardware',
		'use-cases',
		'strengths-weaknesses'
	],
	quizzes: [
		'overview',
		'graphs-and-usability',
		'deployment-and-hardware',
		'ecosystem',
		'in-practice'
	],
	due: '2026-12-01T17:00:00.000Z',
	passMark: 75,
	attempts: 2,
	feedback: 'deferred',
	note: 'Read the lessons first, then take the quizzes.'
};

describe('assignment links', () => {
	it('round-trip: encode, then decode gives the same assignment', async () => {
		const fragment = await encodeAssignment(tenItems);
		expect(await decodeAssignment(`#${fragment}`)).toEqual({ ok: true, assignment: tenItems });
	});

	it('stay compact: a 10-item assignment fits in a short link', async () => {
		const fragment = await encodeAssignment(tenItems);
		expect(fragment).toMatch(/^a1\.[A-Za-z0-9_-]+$/);
		expect(fragment.length).toBeLessThan(400);
	});

	it('refuse a damaged, cut or edited link with a message', async () => {
		const fragment = await encodeAssignment(tenItems);
		for (const broken of [
			'',
			'a1.',
			'a2.abc',
			fragment.slice(0, fragment.length / 2),
			fragment.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
			`${fragment}!!`
		]) {
			const decoded = await decodeAssignment(broken);
			expect(decoded.ok, broken).toBe(false);
			expect(!decoded.ok && decoded.message).toMatch(/assignment|link/);
		}
	});

	it('still open a link made before assignments named an LMS', async () => {
		// Made by the encoder of the commit before `lms` and `handIn` existed.
		const old =
			'a1.ZcixCsJQDAXQX5E7x6EUKeYfOjgplg5RUwiv-jRpX6Hiv4uzZzxvFHBFsBsYp1SX_UGqyxmEyaZRwTiqpk0NwjXPHr8R2w4ud12ypwBh1Ij8CHCHXNSL6YKe8JptXfWvnxLRiidws_t8AQ';
		expect(await decodeAssignment(old)).toEqual({
			ok: true,
			assignment: {
				v: 1,
				id: 'Xk3v9Qa1bZ',
				title: 'Week 3',
				course: 'ai-frameworks',
				lessons: ['overview'],
				quizzes: ['overview'],
				passMark: 75
			}
		});
	});

	it('carry the LMS, the identifier it matches students on, and how to hand in', async () => {
		for (const lms of [
			{ system: 'moodle', identifier: 'email' },
			{ system: 'moodle', identifier: 'idnumber' },
			{ system: 'moodle', identifier: 'username' },
			{ system: 'canvas', identifier: 'sis_user_id' },
			{ system: 'canvas', identifier: 'sis_login_id' }
		] as const) {
			const assignment: Assignment = {
				...tenItems,
				lms,
				handIn: "Upload the file to the Moodle assignment 'Week 1'."
			};
			expect(await decodeAssignment(await encodeAssignment(assignment))).toEqual({
				ok: true,
				assignment
			});
		}
	});

	it('refuse an identifier the LMS does not match on, and over-long hand-in text', async () => {
		for (const edited of [
			{ ...tenItems, lms: { system: 'canvas', identifier: 'email' } },
			{ ...tenItems, lms: { system: 'moodle', identifier: 'sis_user_id' } },
			{ ...tenItems, lms: { system: 'blackboard', identifier: 'email' } },
			{ ...tenItems, handIn: 'x'.repeat(HAND_IN_MAX + 1) }
		]) {
			const decoded = await decodeAssignment(await encodeAssignment(edited as Assignment));
			expect(decoded.ok, JSON.stringify(edited.lms ?? 'handIn')).toBe(false);
		}
	});

	it('never throw on arbitrary fragments', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string(),
					fc.string().map((s) => `a1.${s}`),
					fc.base64String().map((s) => `a1.${s}`)
				),
				async (text) => {
					const decoded = await decodeAssignment(text);
					expect(typeof decoded.ok).toBe('boolean');
				}
			),
			{ numRuns: 500 }
		);
	});
});

describe('results codes', () => {
	it('round-trip and carry a checksum that catches edits', async () => {
		const file = resultsFile();
		const code = await encodeResultsCode(file);
		expect(code).toMatch(/^CK1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
		expect(await decodeResultsCode(`  ${code}\n`)).toEqual({
			ok: true,
			json: JSON.stringify(file)
		});
		const [, body, sum] = code.split('.');
		const edited = `CK1.${body.slice(0, -1)}${body.endsWith('A') ? 'B' : 'A'}.${sum}`;
		expect(await decodeResultsCode(edited)).toMatchObject({
			ok: false,
			message: expect.stringContaining('checksum')
		});
		expect(await decodeResultsCode('hello')).toMatchObject({
			ok: false,
			message: expect.stringContaining('CK1.')
		});
	});
});
