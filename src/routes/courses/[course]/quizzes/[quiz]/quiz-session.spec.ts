import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCourses } from '$lib/content/load';
import { readContentFiles } from '$lib/content/read-dir';
import { quizView, type QuizView } from '$lib/content/quiz-view';
import { correctAnswer } from '$lib/quiz/grade';
import { LearnerStore } from '$lib/progress/store.svelte';
import { QuizSession } from './quiz-session.svelte';

/** The tiny fixture course's quiz as its page gets it (deferred feedback, 2 attempts allowed). */
function tinyQuiz(settings: Partial<QuizView['settings']> = {}): QuizView {
	const { courses } = loadCourses(readContentFiles('tests/fixtures/tiny-course'));
	const course = courses[0];
	const view = quizView(course, course.quizzes.get('basics-quiz')!);
	return { ...view, settings: { ...view.settings, ...settings } };
}

const open: (LearnerStore | QuizSession)[] = [];

/** A quiz page in a new tab: its own store and session, loaded. */
async function openPage(quiz = tinyQuiz(), assignmentId?: string) {
	const store = new LearnerStore();
	const session = new QuizSession(quiz, store, assignmentId);
	open.push(store, session);
	await session.init();
	return { store, session };
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
	for (const thing of open.splice(0))
		if (thing instanceof LearnerStore) thing.close();
		else thing.destroy();
	vi.useRealTimers();
});

describe('a quiz session', () => {
	it('keeps every answer for the next visit, which resumes at the same question', async () => {
		const { session } = await openPage();
		expect(session.phase).toBe('start');
		await session.start();
		const [first, second] = session.attempt!.questionIds;
		const question = session.questions.find((q) => q.id === first)!;
		session.answer(first, correctAnswer(question));
		session.goTo(1);
		await vi.waitFor(() => expect(session.pendingWrites).toBe(0));

		const again = (await openPage()).session;
		expect(again.inProgress?.answers[first]).toEqual(correctAnswer(question));
		await again.resume();
		expect(again.phase).toBe('question');
		expect(again.attempt?.questionIds[again.attempt.current]).toBe(second);
	});

	it('submits once, grades, and counts the attempts left', async () => {
		const { session } = await openPage();
		await session.start();
		for (const id of session.attempt!.questionIds) {
			session.answer(id, correctAnswer(session.questions.find((q) => q.id === id)!));
		}
		await session.submit();
		expect(session.phase).toBe('result');
		expect(session.attempt?.score).toBe(1);
		expect(session.attemptsLeft).toBe(1);
		const submitted = session.attempt!;
		session.answer(submitted.questionIds[0], 'changed');
		expect(session.attempt).toBe(submitted);

		const again = (await openPage()).session;
		expect(again.submitted.map((a) => a.score)).toEqual([1]);
		expect(again.attemptsLeft).toBe(1);
	});

	it('stops at the attempts allowed', async () => {
		const { session } = await openPage();
		for (let i = 0; i < 3; i++) {
			await session.start();
			await session.submit();
			session.backToStart();
		}
		expect(session.submitted).toHaveLength(2);
		expect(session.attemptsLeft).toBe(0);
	});

	it('keeps attempts from an assignment apart from the others', async () => {
		const { session } = await openPage(tinyQuiz(), 'assignment-1');
		await session.start();
		await session.submit();
		expect((await openPage()).session.submitted).toEqual([]);
		expect((await openPage(tinyQuiz(), 'assignment-1')).session.submitted).toHaveLength(1);
	});

	it('submits an attempt whose time ran out while the page was closed, dated at the deadline', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-05-01T10:00:00Z'));
		const timed = tinyQuiz({ timeLimitMinutes: 5 });
		const { session } = await openPage(timed);
		await session.start();
		await vi.waitFor(() => expect(session.pendingWrites).toBe(0));
		vi.setSystemTime(new Date('2026-05-01T11:00:00Z'));

		const again = (await openPage(timed)).session;
		expect(again.inProgress).toBeNull();
		expect(again.submitted[0]).toMatchObject({
			submittedBy: 'timeout',
			submittedAt: '2026-05-01T10:05:00.000Z'
		});
	});

	it('goes on in memory when storage fails, and says so', async () => {
		const { session } = await openPage();
		await session.start();
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		try {
			const id = session.attempt!.questionIds[0];
			session.answer(id, correctAnswer(session.questions.find((q) => q.id === id)!));
			await vi.waitFor(() => expect(session.storage).toBe('failed'));
			expect(session.attempt?.answers[id]).toBeDefined();
		} finally {
			IDBObjectStore.prototype.put = put;
		}
		session.toggleFlag(session.attempt!.questionIds[0]);
		await vi.waitFor(() => expect(session.storage).toBe('ok'));
	});

	it('works without storage at all', async () => {
		const factory = globalThis.indexedDB;
		Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
		try {
			const { session } = await openPage();
			expect(session.storage).toBe('unavailable');
			await session.start();
			await session.submit();
			expect(session.phase).toBe('result');
			expect(session.submitted).toHaveLength(1);
		} finally {
			Object.defineProperty(globalThis, 'indexedDB', {
				value: factory,
				configurable: true,
				writable: true
			});
		}
	});
});
