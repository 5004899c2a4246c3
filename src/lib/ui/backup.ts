/**
 * The backup file of what a learner has, built and downloaded in the browser: from `/progress`,
 * and from the storage banner on any page when saving fails. Export code loads on first use.
 */
import type { Attempt } from '$lib/quiz/attempt';
import type { BackupFile, Profile } from '$lib/results/schema';
import type { ReviewEvent } from '$lib/review/schedule';
import { datedFileName, downloadFile } from './download';

/** Everything a backup holds. */
export interface LearnerData {
	profile: Profile;
	attempts: readonly Attempt[];
	lessons: { key: string; at: string }[];
	reviews: ReviewEvent[];
}

/** The full backup of `data`, stamped as made now. */
export async function makeBackup(data: LearnerData): Promise<BackupFile> {
	const { buildBackup } = await import('$lib/results/export');
	const now = new Date();
	const profile = { ...data.profile, lastBackupAt: now.toISOString() };
	return buildBackup({
		profile,
		attempts: data.attempts,
		lessonsDone: data.lessons,
		reviews: data.reviews,
		now
	});
}

export function downloadBackup(backup: BackupFile) {
	downloadFile(
		datedFileName('backup', new Date(backup.exportedAt), 'json'),
		JSON.stringify(backup)
	);
}
