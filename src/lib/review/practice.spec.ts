import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LearnerStore } from '../progress/store.svelte.ts';
import { question } from '../testing/builders.ts';
import { correctAnswer } from '../quiz/grade.ts';
import { recordPractice } from './practice.ts';
import { buildCards, dueCards } from './schedule.ts';

let store: LearnerStore;
beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	store = new LearnerStore();
	await store.ready();
});
afterEach(() => store.close());

describe('a practice question answered in a lesson', () => {
	const q = question('single');

	it('becomes a review card: a wrong answer is due again at once, a right one later', async () => {
		const wrong = q.options.find((o) => !o.correct)!.id;
		expect(await recordPractice(store, 'tiny', q, wrong)).toBe(true);
		expect(store.reviews).toMatchObject([{ courseId: 'tiny', questionId: q.id, rating: 'again' }]);
		const questions = new Map([[q.id, q]]);
		const soon = new Date(Date.now() + 15 * 60_000);
		expect(dueCards(buildCards([], store.reviews, questions), soon)).toHaveLength(1);
		expect(Date.parse(store.dueIndex[q.id])).toBeLessThanOrEqual(soon.getTime());

		await recordPractice(store, 'tiny', q, correctAnswer(q));
		expect(store.reviews.map((r) => r.rating)).toEqual(['again', 'good']);
		expect(Date.parse(store.dueIndex[q.id])).toBeGreaterThan(Date.now() + 60_000);
	});
});
