import { describe, expect, it } from 'vitest';
import {
	CANVAS_IDENTIFIERS,
	identifierHint,
	identifierLabel,
	identifierOf,
	MOODLE_IDENTIFIERS
} from './lms-target.ts';

const ada = { email: ' ada@school.example ', studentId: 'S001', username: 'asmith' };

describe('the identifier an LMS matches a learner on', () => {
	it('comes from the learner field the hand-in form fills', () => {
		expect(identifierOf(ada, 'email')).toBe('ada@school.example');
		expect(identifierOf(ada, 'idnumber')).toBe('S001');
		expect(identifierOf(ada, 'username')).toBe('asmith');
		expect(identifierOf(ada, 'sis_user_id')).toBe('S001');
		expect(identifierOf(ada, 'sis_login_id')).toBe('asmith');
	});

	it('is never taken from another field: Canvas login ID is not the email', () => {
		expect(identifierOf({ email: 'ada@school.example' }, 'sis_login_id')).toBeUndefined();
		expect(identifierOf({ studentId: 'S001' }, 'email')).toBeUndefined();
	});

	it('counts as missing when blank', () => {
		expect(identifierOf({ email: '  ' }, 'email')).toBeUndefined();
		expect(identifierOf({}, 'idnumber')).toBeUndefined();
	});

	it('has a label and a hint for the hand-in form, naming the LMS where it helps', () => {
		expect([...MOODLE_IDENTIFIERS, ...CANVAS_IDENTIFIERS].map(identifierLabel)).toEqual([
			'Email address',
			'ID number',
			'Moodle username',
			'Student ID',
			'Canvas login ID'
		]);
		expect(identifierHint('email')).toMatch(/Moodle/);
		expect(identifierHint('sis_login_id')).toMatch(/Canvas/);
	});
});
