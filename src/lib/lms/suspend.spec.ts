import { describe, expect, it } from 'vitest';
import { loadCourses } from '../content/load.ts';
import { readContentFiles } from '../content/read-dir.ts';
import { drawQuestions } from '../quiz/draw.ts';
import { attempt, rightAnswers, submittedAttempt } from '../testing/builders.ts';
import { packProgress, SUSPEND_LIMIT, unpackProgress, type Progress } from './suspend.ts';

const [SHIPPED] = loadCourses(readContentFiles('.')).courses;

/** A learner who read every lesson and took every quiz of the shipped course `times` times. */
function completeLearner(times: number): Progress {
	const attempts = [...SHIPPED.quizzes.values()].flatMap((quiz) =>
		Array.from({ length: times }, (_, n) => {
			const drawn = drawQuestions(quiz.questions, quiz.settings, n + 1);
			return submittedAttempt(drawn, rightAnswers(drawn), {
				id: `${quiz.id}-${n}`,
				courseId: SHIPPED.id,
				quizId: quiz.id,
				seed: n + 1
			});
		})
	);
	return { lessons: SHIPPED.lessonOrder.map((id) => `${SHIPPED.id}/${id}`), attempts };
}

describe('suspend data', () => {
	it('fits a learner who did the whole course into SCORM 1.2’s 4 096 characters', async () => {
		const progress = completeLearner(1);
		const open = attempt({ id: 'open', courseId: SHIPPED.id, quizId: 'overview' });
		const text = await packProgress(
			{ ...progress, attempts: [...progress.attempts, open] },
			SUSPEND_LIMIT['1.2']
		);
		expect(text!.length).toBeLessThanOrEqual(4_096);
		const full = await packProgress(progress, SUSPEND_LIMIT['2004']);
		console.log(
			`suspend data of a learner who did the whole course: ${full!.length} characters with every ` +
				`answer; ${text!.length} in SCORM 1.2 with an attempt in progress`
		);
		const back = await unpackProgress(text!);
		// Every lesson, the attempt in progress whole, each quiz's submitted attempt and score.
		expect(back.lessons).toEqual(progress.lessons);
		expect(back.attempts.find((a) => a.id === 'open')).toEqual(open);
		expect(back.attempts.filter((a) => a.submittedAt).map((a) => [a.quizId, a.score])).toEqual(
			progress.attempts.map((a) => [a.quizId, a.score])
		);
	});

	it('keeps every answer when they fit (SCORM 2004 allows 64 000 characters)', async () => {
		const progress = completeLearner(3);
		const text = await packProgress(progress, SUSPEND_LIMIT['2004']);
		// JSON drops only fields that are undefined.
		expect(await unpackProgress(text!)).toEqual(JSON.parse(JSON.stringify(progress)));
	});

	it('keeps the best attempt of each quiz, answers first, when everything does not fit', async () => {
		const progress = completeLearner(6);
		const open = attempt({ id: 'open', courseId: SHIPPED.id, quizId: 'overview' });
		const text = await packProgress(
			{ ...progress, attempts: [...progress.attempts, open] },
			SUSPEND_LIMIT['1.2']
		);
		const back = await unpackProgress(text!);
		expect(back.lessons).toEqual(progress.lessons);
		expect(back.attempts.find((a) => a.id === 'open')).toEqual(open);
		expect(back.attempts.filter((a) => a.submittedAt)).toHaveLength(SHIPPED.quizzes.size);
	});

	it('says when not even the smallest form fits, rather than cutting it', async () => {
		expect(await packProgress(completeLearner(1), 200)).toBeNull();
	});

	it('reads damaged or foreign suspend data as no progress', async () => {
		for (const text of ['', 'hello', 'CKS1.@@@', 'CKS1.AAAA'])
			expect(await unpackProgress(text)).toEqual({ lessons: [], attempts: [] });
	});
});
