/**
 * Restoring a backup: what it would change, decided before anything is written. Attempts merge
 * by id, the newer revision winning and a submitted attempt never going back to in progress;
 * lessons done are a union; the backup's profile is taken when it differs.
 */
import type { Attempt } from '../quiz/attempt.ts';
import type { BackupFile, Profile } from './schema.ts';

export interface CurrentData {
	profile: Profile | undefined;
	attempts: readonly Attempt[];
	lessonsDone: readonly { key: string; at: string }[];
	reviews?: readonly { id: string }[];
}

export interface RestorePlan {
	/** Attempts to write (new ones and newer revisions). */
	write: Attempt[];
	added: number;
	updated: number;
	unchanged: number;
	lessonsAdded: { key: string; at: string }[];
	/** Review answers not here yet. */
	reviewsAdded: NonNullable<BackupFile['reviews']>;
	/** The profile to keep after restoring. */
	profile: Profile;
	profileChanged: boolean;
}

const isNewer = (incoming: Attempt, stored: Attempt) =>
	!stored.submittedAt && (incoming.revision > stored.revision || !!incoming.submittedAt);

export function planRestore(current: CurrentData, backup: BackupFile): RestorePlan {
	const stored = new Map(current.attempts.map((a) => [a.id, a]));
	const write: Attempt[] = [];
	let added = 0;
	let updated = 0;
	let unchanged = 0;
	for (const attempt of backup.attempts) {
		const mine = stored.get(attempt.id);
		if (!mine) {
			write.push(attempt);
			added++;
		} else if (isNewer(attempt, mine)) {
			write.push(attempt);
			updated++;
		} else {
			unchanged++;
		}
	}
	const doneKeys = new Set(current.lessonsDone.map((l) => l.key));
	const lessonsAdded = backup.lessonsDone.filter((l) => !doneKeys.has(l.key));
	const reviewIds = new Set((current.reviews ?? []).map((r) => r.id));
	const reviewsAdded = (backup.reviews ?? []).filter((r) => !reviewIds.has(r.id));
	const profileChanged =
		JSON.stringify(current.profile?.learner) !== JSON.stringify(backup.profile.learner);
	return {
		write,
		added,
		updated,
		unchanged,
		lessonsAdded,
		reviewsAdded,
		profile: {
			...backup.profile,
			lastBackupAt: current.profile?.lastBackupAt ?? backup.profile.lastBackupAt
		},
		profileChanged
	};
}

/** One sentence per change, for the confirmation screen. */
export function describePlan(plan: RestorePlan): string[] {
	const lines = [
		`${plan.added} new attempt${plan.added === 1 ? '' : 's'} will be added.`,
		`${plan.updated} attempt${plan.updated === 1 ? '' : 's'} will be updated to a newer copy.`,
		plan.unchanged === 1
			? '1 attempt is already here and stays as it is.'
			: `${plan.unchanged} attempts are already here and stay as they are.`,
		`${plan.lessonsAdded.length} lesson${plan.lessonsAdded.length === 1 ? '' : 's'} will be marked as done.`
	];
	if (plan.reviewsAdded.length) {
		lines.push(
			`${plan.reviewsAdded.length} review answer${plan.reviewsAdded.length === 1 ? '' : 's'} will be added.`
		);
	}
	if (plan.profileChanged) {
		const name = plan.profile.learner.name ?? plan.profile.learner.id;
		lines.push(`Your profile will become the backup’s (${name}).`);
	}
	return lines;
}
