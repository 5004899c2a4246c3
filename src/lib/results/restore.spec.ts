import { describe, expect, it } from 'vitest';
import { describePlan, planRestore } from './restore.ts';
import { buildBackup } from './export.ts';
import { attempt, learner } from '../testing/builders.ts';

const t = new Date('2026-11-25T10:00:00Z');
const me = { learner: learner() };

describe('planning a restore', () => {
	it('adds new attempts, updates older copies, never duplicates, and never un-submits', () => {
		const inProgressHere = attempt({ id: 'a' });
		const newerThere = attempt({ id: 'a', answers: { 'single-q': 'dynamic' }, revision: 1 });
		const submittedHere = attempt({ id: 'b', submitted: true });
		const olderThere = attempt({ id: 'b' });
		const onlyThere = attempt({ id: 'c', submitted: true });
		const backup = buildBackup({
			profile: me,
			attempts: [newerThere, olderThere, onlyThere],
			lessonsDone: [{ key: 'c/l1', at: t.toISOString() }],
			now: t
		});
		const plan = planRestore(
			{ profile: me, attempts: [inProgressHere, submittedHere], lessonsDone: [] },
			backup
		);
		expect(plan.write.map((a) => a.id)).toEqual(['a', 'c']);
		expect([plan.added, plan.updated, plan.unchanged]).toEqual([1, 1, 1]);
		expect(plan.lessonsAdded).toHaveLength(1);
		expect(plan.profileChanged).toBe(false);
		expect(describePlan(plan)).toEqual([
			'1 new attempt will be added.',
			'1 attempt will be updated to a newer copy.',
			'1 attempt is already here and stays as it is.',
			'1 lesson will be marked as done.'
		]);
	});

	it('brings review answers along, once', () => {
		const review = {
			id: 'r1',
			courseId: 'c',
			questionId: 'single-q',
			at: t.toISOString(),
			rating: 'good' as const
		};
		const backup = buildBackup({
			profile: me,
			attempts: [],
			lessonsDone: [],
			reviews: [review],
			now: t
		});
		const plan = planRestore({ profile: me, attempts: [], lessonsDone: [] }, backup);
		expect(plan.reviewsAdded).toEqual([review]);
		expect(describePlan(plan)).toContain('1 review answer will be added.');
		expect(
			planRestore({ profile: me, attempts: [], lessonsDone: [], reviews: [review] }, backup)
				.reviewsAdded
		).toEqual([]);
	});

	it('restoring the same backup twice changes nothing the second time', () => {
		const backup = buildBackup({
			profile: me,
			attempts: [attempt({ id: 'a' }), attempt({ id: 'b', submitted: true })],
			lessonsDone: [],
			now: t
		});
		const first = planRestore({ profile: undefined, attempts: [], lessonsDone: [] }, backup);
		const second = planRestore(
			{ profile: first.profile, attempts: first.write, lessonsDone: first.lessonsAdded },
			backup
		);
		expect(second.write).toEqual([]);
		expect(second.unchanged).toBe(2);
		expect(first.profileChanged).toBe(true);
		expect(second.profileChanged).toBe(false);
	});
});
