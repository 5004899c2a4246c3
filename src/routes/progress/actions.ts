/**
 * What the progress page's buttons do with the learner's data: build and download exports, read a
 * backup and plan its restore. The page imports this module when the learner first reaches for
 * those controls; the heavier export and restore code loads on `warm` or when a button is used.
 */
import { resolve } from '$app/paths';
import type { Bank } from '$lib/results/bank';
import type { BackupFile } from '$lib/results/schema';
import type { RestorePlan } from '$lib/results/restore';
import { datedFileName, downloadFile } from '$lib/ui/download';
import type { LearnerData } from '$lib/ui/backup';
export { downloadBackup, makeBackup } from '$lib/ui/backup';
import type { RestoreWrite } from '$lib/progress/db';
import type { StoredBackup } from '$lib/progress/records';

/** Loads the export code ahead of use, and the restore code (with zod) when `restore` is near. */
export function warm(restore: boolean) {
	const code: Promise<unknown>[] = [import('$lib/results/export')];
	if (restore)
		code.push(
			import('$lib/results/read-file'),
			import('$lib/results/schema'),
			import('$lib/results/restore')
		);
	void Promise.all(code).catch(() => undefined);
}

async function resultsFile(data: LearnerData, now: Date) {
	const { buildResultsFile } = await import('$lib/results/export');
	return buildResultsFile({ learner: data.profile.learner, attempts: data.attempts, now });
}

export async function downloadResults(data: LearnerData) {
	const now = new Date();
	downloadFile(
		datedFileName('results', now, 'json'),
		JSON.stringify(await resultsFile(data, now), null, 2)
	);
}

export async function downloadCsv(data: LearnerData, banks: Bank[]) {
	const [{ resultsCsv }, { quizInfos }] = await Promise.all([
		import('$lib/results/csv'),
		import('$lib/results/bank')
	]);
	const now = new Date();
	downloadFile(
		datedFileName('results', now, 'csv'),
		resultsCsv([await resultsFile(data, now)], quizInfos(banks)),
		'text/csv'
	);
}

export async function downloadXapi(data: LearnerData, banks: Bank[]) {
	const [{ xapiStatements }, { quizMetas }] = await Promise.all([
		import('$lib/results/xapi'),
		import('$lib/results/bank')
	]);
	const now = new Date();
	const site = new URL(resolve('/'), location.href).href;
	const statements = xapiStatements(await resultsFile(data, now), quizMetas(banks), site);
	downloadFile(datedFileName('xapi', now, 'json'), JSON.stringify(statements, null, 2));
}

export type RestoreChoice =
	| { ok: true; plan: RestorePlan; backup: BackupFile; lines: string[] }
	| { ok: false; message: string };

/** Reads a chosen backup file (size-checked before reading) and plans what restoring it changes. */
export async function planFromFile(file: File, data: LearnerData): Promise<RestoreChoice> {
	const [
		{ readJsonFile, MAX_FILE_BYTES },
		{ BackupFile, BACKUP_FORMAT, BACKUP_VERSION },
		{ planRestore, describePlan }
	] = await Promise.all([
		import('$lib/results/read-file'),
		import('$lib/results/schema'),
		import('$lib/results/restore')
	]);
	const text = file.size > MAX_FILE_BYTES ? '' : await file.text();
	const read = readJsonFile(text, file.size, {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		noun: 'backup',
		schema: BackupFile
	});
	if (!read.ok) return read;
	const plan = planRestore(
		{
			profile: data.profile,
			attempts: data.attempts,
			lessonsDone: data.lessons,
			reviews: data.reviews
		},
		read.value
	);
	return { ok: true, plan, backup: read.value, lines: describePlan(plan) };
}

/**
 * What putting a kept state back writes: all of it, in place of the current data (which the
 * store keeps as a backup first). The kept file is checked like any backup file.
 */
export async function putBackPlan(
	kept: StoredBackup
): Promise<{ ok: true; write: RestoreWrite } | { ok: false; message: string }> {
	const { BackupFile } = await import('$lib/results/schema');
	const parsed = BackupFile.safeParse(kept.backup);
	if (!parsed.success)
		return {
			ok: false,
			message: 'That kept backup is damaged and cannot be put back. Download it to keep a copy.'
		};
	const backup = parsed.data;
	return {
		ok: true,
		write: {
			attempts: backup.attempts,
			lessons: backup.lessonsDone,
			reviews: backup.reviews ?? [],
			profile: backup.profile,
			replace: true
		}
	};
}

/** Downloads a kept pre-restore state as a backup file, named by when it was kept. */
export function downloadKept(kept: StoredBackup) {
	downloadFile(datedFileName('backup', new Date(kept.at), 'json'), JSON.stringify(kept.backup));
}

export function downloadRecords(records: unknown[]) {
	downloadFile('coursekit-recovered-records.json', JSON.stringify(records, null, 2));
}
