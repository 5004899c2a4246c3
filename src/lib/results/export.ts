/** Building the files a learner exports: the results file and the full backup. */
import type { Attempt } from '../quiz/attempt.ts';
import type { ReviewEvent } from '../review/schedule.ts';
import { APP_VERSION } from '../version.ts';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	RESULTS_FORMAT,
	RESULTS_VERSION,
	type BackupFile,
	type Learner,
	type Profile,
	type ResultAttempt,
	type ResultsFile
} from './schema.ts';

/** A submitted attempt as it appears in a results file (raw answers, claimed score). */
export function resultAttempt(attempt: Attempt): ResultAttempt | undefined {
	if (!attempt.submittedAt) return undefined;
	return {
		attemptId: attempt.id,
		courseId: attempt.courseId,
		quizId: attempt.quizId,
		contentHash: attempt.contentHash,
		seed: attempt.seed,
		questionIds: attempt.questionIds,
		answers: attempt.answers,
		startedAt: attempt.startedAt,
		submittedAt: attempt.submittedAt,
		submittedBy: attempt.submittedBy ?? 'learner',
		score: attempt.score ?? 0,
		...(attempt.assignmentId ? { assignmentId: attempt.assignmentId } : {})
	};
}

/** The results file of every submitted attempt (optionally only those of one assignment). */
export function buildResultsFile(options: {
	learner: Learner;
	attempts: readonly Attempt[];
	now: Date;
	assignmentId?: string;
}): ResultsFile {
	const attempts = options.attempts
		.filter((a) => !options.assignmentId || a.assignmentId === options.assignmentId)
		.flatMap((a) => resultAttempt(a) ?? [])
		.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
	return {
		format: RESULTS_FORMAT,
		version: RESULTS_VERSION,
		app: { name: 'coursekit', version: APP_VERSION },
		exportedAt: options.now.toISOString(),
		learner: options.learner,
		...(options.assignmentId ? { assignmentId: options.assignmentId } : {}),
		attempts
	};
}

/** Text as part of a file name, in any script: letters and digits, other runs as one `-`. */
const fileSafe = (text: string) =>
	text
		.normalize('NFC')
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);

/** The name of a file handed in for an assignment: `Week-1-Ada-Lovelace.json`. */
export const handInFileName = (assignmentTitle: string, learner: Learner) =>
	`${fileSafe(assignmentTitle) || 'assignment'}-${fileSafe(learner.name ?? '') || learner.id}.json`;

/** Everything stored in this browser, for restoring elsewhere. */
export function buildBackup(options: {
	profile: Profile;
	attempts: readonly Attempt[];
	lessonsDone: { key: string; at: string }[];
	reviews?: ReviewEvent[];
	now: Date;
}): BackupFile {
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		app: { name: 'coursekit', version: APP_VERSION },
		exportedAt: options.now.toISOString(),
		profile: options.profile,
		attempts: [...options.attempts],
		lessonsDone: options.lessonsDone,
		reviews: options.reviews ?? []
	};
}
