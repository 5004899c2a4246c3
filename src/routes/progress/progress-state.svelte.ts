/**
 * Everything the progress page shows and does: this learner's stored progress, mastery, exports,
 * backup and restore. Export and restore code is imported only when used.
 */
import type { Attempt } from '$lib/quiz/attempt';
import type { Bank } from '$lib/results/bank';
import type { BackupFile, Learner, Profile } from '$lib/results/schema';
import type { RestorePlan } from '$lib/results/restore';
import type { ReviewEvent } from '$lib/review/schedule';
import type { CoursekitDB, QuarantinedRecord } from '$lib/progress/db';
import { resolve } from '$app/paths';
import {
	downloadBackup,
	downloadCsv,
	downloadRecords,
	downloadResults,
	downloadXapi,
	makeBackup,
	planFromFile,
	type LearnerData
} from './actions';

const db = () => import('$lib/progress/db');

/** Attempts since the last backup that trigger a gentle reminder. */
export const REMIND_AFTER = 3;

export class ProgressState {
	status = $state<'loading' | 'ready' | 'unavailable'>('loading');
	profile = $state.raw<Profile | null>(null);
	attempts = $state.raw<Attempt[]>([]);
	lessons = $state.raw<{ key: string; at: string }[]>([]);
	reviews = $state.raw<ReviewEvent[]>([]);
	quarantine = $state.raw<QuarantinedRecord[]>([]);
	banks = $state.raw<Bank[]>([]);
	persisted = $state<boolean | null>(null);
	notice = $state<{ kind: 'ok' | 'error'; text: string } | null>(null);
	restore = $state.raw<{ plan: RestorePlan; backup: BackupFile; lines: string[] } | null>(null);
	private courseIds: string[] = [];
	private db: CoursekitDB | null = null;

	get submitted() {
		return this.attempts.filter((a) => a.submittedAt);
	}

	get unbackedUp() {
		const since = this.profile?.lastBackupAt ?? '';
		return this.submitted.filter((a) => (a.submittedAt ?? '') > since).length;
	}

	async load(courseIds: string[]) {
		this.courseIds = courseIds;
		try {
			// Storage code loads with the data it reads: nothing here can show before it anyway.
			const { allAttempts, allReviews, lessonsDone, openCoursekitDB, quarantined } = await db();
			const { loadProfile } = await import('$lib/progress/profile');
			this.db = await openCoursekitDB();
			this.profile = await loadProfile(this.db);
			this.attempts = await allAttempts(this.db);
			this.lessons = await lessonsDone(this.db);
			this.reviews = await allReviews(this.db);
			this.quarantine = await quarantined(this.db);
			this.persisted = (await navigator.storage?.persisted?.()) ?? null;
			this.status = 'ready';
		} catch {
			this.status = 'unavailable';
			return;
		}
		await this.loadBanks(courseIds);
	}

	/** Fetches the question banks of the courses this learner has attempts in. */
	private async loadBanks(courseIds: string[]) {
		const wanted = courseIds.filter((id) => this.attempts.some((a) => a.courseId === id));
		const banks = await Promise.all(
			wanted.map(async (id) => {
				const response = await fetch(resolve('/courses/[course]/bank.json', { course: id }));
				return response.ok ? ((await response.json()) as Bank) : null;
			})
		).catch(() => [] as (Bank | null)[]);
		this.banks = banks.filter((b): b is Bank => b !== null);
	}

	async saveLearner(learner: Learner) {
		if (!this.db || !this.profile) return;
		const { saveProfile } = await import('$lib/progress/profile');
		const profile = { ...this.profile, learner };
		await saveProfile(this.db, profile);
		this.profile = profile;
		this.notice = { kind: 'ok', text: 'Profile saved in this browser.' };
	}

	async askPersistence() {
		this.persisted = (await navigator.storage?.persist?.()) ?? false;
	}

	private get data(): LearnerData {
		return {
			profile: this.profile!,
			attempts: this.attempts,
			lessons: this.lessons,
			reviews: this.reviews
		};
	}

	exportResults = () => downloadResults(this.data);
	exportCsv = () => downloadCsv(this.data, this.banks);
	exportXapi = () => downloadXapi(this.data, this.banks);

	async exportBackup() {
		if (!this.db || !this.profile) return;
		const { saveProfile } = await import('$lib/progress/profile');
		const backup = await makeBackup(this.data);
		downloadBackup(backup);
		await saveProfile(this.db, backup.profile);
		this.profile = backup.profile;
	}

	/** Reads a chosen backup file and shows what restoring it would change. */
	async chooseBackup(file: File) {
		this.restore = null;
		if (!this.profile) return;
		const choice = await planFromFile(file, this.data);
		if (!choice.ok) {
			this.notice = { kind: 'error', text: choice.message };
			return;
		}
		this.notice = null;
		this.restore = choice;
	}

	/** Saves an automatic backup of the current state, then applies the restore. */
	async confirmRestore() {
		const pending = this.restore;
		if (!this.db || !pending || !this.profile) return;
		const { allAttempts, allReviews, applyRestore, lessonsDone, setMeta } = await db();
		await setMeta(this.db, 'auto-backup', await makeBackup(this.data));
		await applyRestore(
			this.db,
			pending.plan.write,
			pending.plan.lessonsAdded,
			pending.plan.profile,
			pending.plan.reviewsAdded
		);
		this.restore = null;
		this.profile = pending.plan.profile;
		this.attempts = await allAttempts(this.db);
		this.lessons = await lessonsDone(this.db);
		this.reviews = await allReviews(this.db);
		this.notice = {
			kind: 'ok',
			text: 'Backup restored. Your previous progress was saved first as an automatic backup.'
		};
		await this.loadBanks(this.courseIds);
	}

	cancelRestore() {
		this.restore = null;
	}

	downloadQuarantine() {
		downloadRecords(this.quarantine);
	}
}
