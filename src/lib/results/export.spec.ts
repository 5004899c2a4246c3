import { describe, expect, it } from 'vitest';
import { learner } from '../testing/builders.ts';
import { handInFileName } from './export.ts';

describe('the name of a handed-in file', () => {
	it('names the assignment and the learner, in any script', () => {
		expect(handInFileName('Week 1: meet the frameworks', learner({ name: 'Ada Lovelace' }))).toBe(
			'Week-1-meet-the-frameworks-Ada-Lovelace.json'
		);
		expect(handInFileName('Неделя 1', learner({ name: 'Иван Петров' }))).toBe(
			'Неделя-1-Иван-Петров.json'
		);
	});

	it('falls back to the pseudonymous id without a name, and never to an empty name', () => {
		expect(handInFileName('!!!', learner({ name: undefined, id: 'learner-0a1b2c3d' }))).toBe(
			'assignment-learner-0a1b2c3d.json'
		);
	});
});
