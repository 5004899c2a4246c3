/**
 * Everything the progress page shows and does: this learner's progress (from the learner store),
 * mastery, exports, backup and restore. Export and restore code is imported only when used.
 */
import type { Bank } from '$lib/results/bank';
import type { BackupFile, Learner } from '$lib/results/schema';
import type { RestorePlan } from '$lib/results/restore';
import type { StoreSlot } from '$lib/progress/slot.svelte';
import type { StoredBackup } from '$lib/progress/records';
import {
	downloadCsv,
	downloadKept,
	downloadRecords,
	downloadResults,
	downloadXapi,
	planFromFile,
	putBackPlan
} from './actions';
import { downloadBackup, makeBackup, type LearnerData } from '$lib/ui/backup';

/** Attempts since the last backup that trigger a gentle reminder. */
export const REMIND_AFTER = 3;

export class ProgressState {
	banks = $state.raw<Bank[]>([]);
	persisted = $state<boolean | null>(null);
	notice = $state<{ kind: 'ok' | 'error'; text: string } | null>(null);
	restore = $state.raw<{ plan: RestorePlan; backup: BackupFile; lines: string[] } | null>(null);
	/** The states kept before the last restores, newest first. */
	backups = $state.raw<StoredBackup[]>([]);
	private courseIds: string[] = [];

	constructor(private readonly slot: StoreSlot) {}

	// Read only once the store has loaded (the page shows "Loading" until then).
	private get store() {
		return this.slot.current!;
	}

	get status() {
		const status = this.slot.current?.status;
		return status === 'ready' || status === 'unavailable' ? status : 'loading';
	}
	get profile() {
		return this.store.profile;
	}
	get attempts() {
		return this.slot.current?.attempts ?? [];
	}
	get lessons() {
		return this.slot.current?.lessons ?? [];
	}
	get reviews() {
		return this.store.reviews;
	}
	get quarantine() {
		return this.slot.current?.quarantine ?? [];
	}
	/** The stored profile could not be read and was set aside (the learner should know). */
	get profileSetAside() {
		return this.quarantine.some((q) => q.store === 'meta' && q.key === 'profile');
	}

	get submitted() {
		return this.attempts.filter((a) => a.submittedAt);
	}

	get unbackedUp() {
		const since = this.profile.lastBackupAt ?? '';
		return this.submitted.filter((a) => (a.submittedAt ?? '') > since).length;
	}

	async load(courseIds: string[]) {
		this.courseIds = courseIds;
		const store = await this.slot.load();
		if (store.status !== 'ready') return;
		this.persisted = (await navigator.storage?.persisted?.()) ?? null;
		this.backups = await this.store.backups();
		await this.loadBanks(courseIds);
	}

	/**
	 * Fetches the question banks of the courses this learner has attempts in; a bank that cannot
	 * be loaded is left out. The loader (with zod) is imported here, off the page's first load.
	 */
	private async loadBanks(courseIds: string[]) {
		const wanted = courseIds.filter((id) => this.attempts.some((a) => a.courseId === id));
		const banks = await import('$lib/results/fetch-bank')
			.then(({ fetchBank }) => Promise.all(wanted.map((id) => fetchBank(id).catch(() => null))))
			.catch(() => [] as (Bank | null)[]);
		this.banks = banks.filter((b): b is Bank => b !== null);
	}

	/** Saves the learner's profile; true when it was written (the form says so beside its button). */
	async saveLearner(learner: Learner): Promise<boolean> {
		return this.store.saveProfile({ ...this.profile, learner });
	}

	async askPersistence() {
		this.persisted = (await navigator.storage?.persist?.()) ?? false;
	}

	private get data(): LearnerData {
		return {
			profile: this.profile,
			attempts: this.attempts,
			lessons: this.lessons,
			reviews: this.reviews
		};
	}

	exportResults = () => downloadResults(this.data);
	exportCsv = () => downloadCsv(this.data, this.banks);
	exportXapi = () => downloadXapi(this.data, this.banks);

	async exportBackup() {
		const backup = await makeBackup(this.data);
		downloadBackup(backup);
		await this.store.saveProfile(backup.profile);
	}

	/** Reads a chosen backup file and shows what restoring it would change. */
	async chooseBackup(file: File) {
		this.restore = null;
		const choice = await planFromFile(file, this.data);
		if (!choice.ok) {
			this.notice = { kind: 'error', text: choice.message };
			return;
		}
		this.notice = null;
		this.restore = choice;
	}

	/** Applies the restore in one transaction, keeping the state before it as a backup. */
	async confirmRestore() {
		const pending = this.restore;
		if (!pending) return;
		this.restore = null;
		const { plan } = pending;
		const done = await this.store.restore(
			{
				attempts: plan.write,
				lessons: plan.lessonsAdded,
				reviews: plan.reviewsAdded,
				profile: plan.profile
			},
			await makeBackup(this.data),
			'restore'
		);
		this.notice = done
			? {
					kind: 'ok',
					text: 'Backup restored. Your progress before it was kept: “Undo the last restore” below puts it back.'
				}
			: null; // The site's storage banner says what failed (and that nothing changed).
		await this.afterRestore();
	}

	/** Puts a kept state back in place of the current one (which is kept in turn). */
	async putBack(kept: StoredBackup) {
		const plan = await putBackPlan(kept);
		if (!plan.ok) {
			this.notice = { kind: 'error', text: plan.message };
			return;
		}
		const done = await this.store.restore(plan.write, await makeBackup(this.data), 'undo');
		this.notice = done
			? { kind: 'ok', text: 'Your progress is back as it was before that restore.' }
			: null; // The site's storage banner says what failed (and that nothing changed).
		await this.afterRestore();
	}

	private async afterRestore() {
		this.backups = await this.store.backups();
		await this.loadBanks(this.courseIds);
	}

	cancelRestore() {
		this.restore = null;
	}

	downloadQuarantine() {
		downloadRecords(this.quarantine);
	}

	downloadKept = downloadKept;
}
