/**
 * The learner's progress as a package keeps it in the LMS's `suspend_data`, so that a relaunch
 * on another computer resumes where the learner was. SCORM 1.2 allows 4 096 characters, so the
 * progress is deflated, and when it still does not fit, the least useful part goes first: older
 * submitted attempts (the best one per quiz stays), then the answers of submitted attempts (their
 * scores stay). An attempt in progress is always kept whole.
 */
import { packJson, unpackJson } from '../assign/codec.ts';
import type { Attempt } from '../quiz/attempt.ts';
import { isAttempt } from '../quiz/attempt-guard.ts';

/** The prefix of Coursekit's suspend data (and its format version). */
const PREFIX = 'CKS1.';

export interface Progress {
	/** Lessons read, as `courseId/lessonId`. */
	lessons: string[];
	attempts: Attempt[];
}

/** The suspend_data size limits of each SCORM version, in characters. */
export const SUSPEND_LIMIT = { '1.2': 4_096, '2004': 64_000 } as const;

const isSubmitted = (a: Attempt) => a.submittedAt !== undefined;

/** Only the best submitted attempt of each quiz, and every attempt in progress. */
function bestOnly(attempts: readonly Attempt[]): Attempt[] {
	const best = new Map<string, Attempt>();
	for (const a of attempts.filter(isSubmitted)) {
		const key = `${a.courseId}/${a.quizId}`;
		const kept = best.get(key);
		if (!kept || (a.score ?? 0) > (kept.score ?? 0)) best.set(key, a);
	}
	return [...attempts.filter((a) => !isSubmitted(a)), ...best.values()];
}

/** Submitted attempts without their answers (their scores and times stay). */
const withoutAnswers = (attempts: readonly Attempt[]): Attempt[] =>
	attempts.map((a) => (isSubmitted(a) ? { ...a, answers: {}, checked: [], flagged: [] } : a));

/**
 * The suspend data for `progress`, at most `limit` characters, or null when even the smallest
 * form does not fit (the caller then keeps the previous suspend data and says so).
 */
export async function packProgress(progress: Progress, limit: number): Promise<string | null> {
	const forms = [
		progress.attempts,
		bestOnly(progress.attempts),
		withoutAnswers(bestOnly(progress.attempts))
	];
	for (const attempts of forms) {
		const text = PREFIX + (await packJson({ l: progress.lessons, a: attempts }));
		if (text.length <= limit) return text;
	}
	return null;
}

/** The progress in suspend data; what is not valid is left out (never trusted blindly). */
export async function unpackProgress(text: string): Promise<Progress> {
	if (!text.startsWith(PREFIX)) return { lessons: [], attempts: [] };
	try {
		const value = (await unpackJson(text.slice(PREFIX.length), 1024 * 1024)) as {
			l?: unknown;
			a?: unknown;
		};
		return {
			lessons: Array.isArray(value.l)
				? value.l.filter((l): l is string => typeof l === 'string' && l.length <= 401)
				: [],
			attempts: Array.isArray(value.a) ? value.a.filter(isAttempt) : []
		};
	} catch {
		return { lessons: [], attempts: [] };
	}
}
