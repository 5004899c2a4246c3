/**
 * Everything the progress page shows and does once it has this learner's progress: the figures
 * (from the learner store), mastery, exports, backup and restore. The page loads this when there
 * is progress to show or a backup to restore; the export, backup and restore code (actions.ts)
 * loads when the learner first reaches for those controls, the grading code with the banks.
 */
import type { Attempt } from '$lib/quiz/attempt';
import type { Bank } from '$lib/results/bank';
import type { BackupFile, Learner } from '$lib/results/schema';
import type { RestorePlan } from '$lib/results/restore';
import type { TopicMastery } from '$lib/results/mastery';
import type { StoreSlot } from '$lib/progress/slot.svelte';
import type { StoredBackup } from '$lib/progress/records';
import type { LearnerData } from '$lib/ui/backup';

/** Attempts since the last backup that trigger a gentle reminder. */
export const REMIND_AFTER = 3;

/** How long the figures wait for the question banks before showing without mastery. */
const BANKS_WAIT_MS = 3000;

const actions = () => import('./actions');

/**
 * Loads the export and backup code ahead of a click (on first focus or pointer), and the restore
 * code when the learner reaches for "Restore from a backup…".
 */
export const warmActions = (restore: boolean) => void actions().then((a) => a.warm(restore));

export class ProgressState {
	banks = $state.raw<Bank[]>([]);
	/** Mastery per topic of some attempts; null until the banks (and grading code) have loaded. */
	masteryOf = $state.raw<((attempts: readonly Attempt[]) => TopicMastery[]) | null>(null);
	persisted = $state<boolean | null>(null);
	notice = $state<{ kind: 'ok' | 'error'; text: string } | null>(null);
	restore = $state.raw<{ plan: RestorePlan; backup: BackupFile; lines: string[] } | null>(null);
	/** The states kept before the last restores, newest first. */
	backups = $state.raw<StoredBackup[]>([]);
	private courseIds: string[] = [];

	constructor(private readonly slot: StoreSlot) {}

	// Read only once the store has loaded (the page shows its figures after `load`).
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
	/** The tab's xAPI sender, when an LRS is in use (its panel shows then). */
	get lrs() {
		return this.slot.current?.lrs ?? null;
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

	/**
	 * Opens the store and reads everything the page shows at once (so that nothing moves once it
	 * is on screen): records, kept backups, durable storage and, given a moment, the banks.
	 */
	async load(courseIds: string[]) {
		this.courseIds = courseIds;
		const store = await this.slot.load();
		if (store.status !== 'ready') return;
		const banks = this.loadBanks(courseIds);
		[this.persisted, this.backups] = await Promise.all([
			navigator.storage?.persisted?.().catch(() => null) ?? null,
			this.store.backups()
		]);
		await Promise.race([banks, new Promise((done) => setTimeout(done, BANKS_WAIT_MS))]);
	}

	/**
	 * Fetches the question banks of the courses with submitted attempts (mastery and the CSV and
	 * xAPI exports need them); a bank that cannot be loaded is left out. The loader (with zod) and
	 * the grading code are imported only then.
	 */
	private async loadBanks(courseIds: string[]) {
		const wanted = courseIds.filter((id) => this.submitted.some((a) => a.courseId === id));
		if (!wanted.length) {
			this.banks = [];
			return;
		}
		const code = await import('./topic-mastery').catch(() => null);
		if (!code) return;
		const banks = await Promise.all(wanted.map((id) => code.fetchBank(id).catch(() => null)));
		this.banks = banks.filter((b): b is Bank => b !== null);
		const index = code.questionIndex(this.banks);
		this.masteryOf = (attempts) => code.topicMastery(attempts, index);
	}

	warm = () => warmActions(false);

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

	exportResults = async () => (await actions()).downloadResults(this.data);
	exportCsv = async () => (await actions()).downloadCsv(this.data, this.banks);
	exportXapi = async () => (await actions()).downloadXapi(this.data, this.banks);

	async exportBackup() {
		const { makeBackup, downloadBackup } = await actions();
		const backup = await makeBackup(this.data);
		downloadBackup(backup);
		await this.store.saveProfile(backup.profile);
	}

	/** Reads a chosen backup file and shows what restoring it would change. */
	async chooseBackup(file: File) {
		this.restore = null;
		const choice = await (await actions()).planFromFile(file, this.data);
		if (!choice.ok) {
			this.notice = { kind: 'error', text: choice.message };
			return;
		}
		this.notice = null;
		this.restore = choice;
	}

	/**
	 * Applies the restore in one transaction, keeping the state before it as a backup. Resolves
	 * to whether it was restored.
	 */
	async confirmRestore(): Promise<boolean> {
		const pending = this.restore;
		if (!pending) return false;
		this.restore = null;
		const { plan } = pending;
		const { makeBackup } = await actions();
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
		return done;
	}

	/** Puts a kept state back in place of the current one (which is kept in turn). */
	async putBack(kept: StoredBackup) {
		const { putBackPlan, makeBackup } = await actions();
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

	downloadQuarantine = async () => (await actions()).downloadRecords(this.quarantine);
	downloadKept = async (kept: StoredBackup) => (await actions()).downloadKept(kept);
}
