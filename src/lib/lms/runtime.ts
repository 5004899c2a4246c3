/**
 * A packaged course inside an LMS (DESIGN.md, "Inside an LMS"): the LMS says who the learner is
 * (and, in SCORM, where they stopped); every change of theirs goes to it at once.
 * - SCORM (`ScormLink`), per change: the progress as suspend data, the report (lms/report.ts) as
 *   status and score, and, when a quiz is submitted, one `cmi.interactions` entry per question;
 *   then a commit. On leaving: the session time and a clean finish.
 * - cmi5 (`Cmi5Link`), per change: the report as cmi5's defined statements (lms/cmi5.ts), and
 *   one `answered` per question of a submitted quiz; `terminated` on leaving.
 * Only a package build loads this module; with no LMS found, the package is the normal local app.
 */
import type { PackageConfig } from '../package.ts';
import type { Question } from '../content/schema.ts';
import type { Attempt } from '../quiz/attempt.ts';
import type { LearnerStore, LocalChange, StoreOptions } from '../progress/store.svelte.ts';
import { fnv1a64 } from '../quiz/hash.ts';
import { findScormApi, type ApiWindow, type ScormVersion } from './scorm-api.ts';
import { ScormError, ScormSession, type ResumeState } from './scorm-session.ts';
import type { Cmi5Session } from './cmi5.ts';
import { interactionOf } from './scorm-interaction.ts';
import { packProgress, unpackProgress, SUSPEND_LIMIT } from './suspend.ts';
import { packageReport } from './report.ts';
import { gradeAnswer } from '../quiz/grade.ts';
import { lmsState } from './lms-state.svelte.ts';
import type { PackageFormat } from './manifest.ts';

/** The questions of one quiz by id (from the course's bank.json in the app). */
export type QuestionSource = (courseId: string, quizId: string) => Promise<Map<string, Question>>;

const VERSION: Record<'scorm12' | 'scorm2004', ScormVersion> = {
	scorm12: '1.2',
	scorm2004: '2004'
};

const describe = (error: unknown) =>
	error instanceof ScormError || error instanceof Error ? error.message : String(error);

/** One learner's connection to the LMS, for one package: SCORM or cmi5. */
export interface LmsLink {
	readonly learner: { id: string; name: string };
	/** The learner store's options: this LMS learner, in a database of their own. */
	storeOptions(): StoreOptions;
	/** Resumes what the LMS kept, reports where the learner is, then mirrors every change. */
	attach(store: LearnerStore): Promise<void>;
}

/** The learner store's options for an LMS learner: a database of their own. */
const optionsFor = (learner: { id: string; name: string }): StoreOptions => ({
	databaseName: `coursekit-lms-${fnv1a64(learner.id)}`,
	learner: { id: learner.id, name: learner.name || undefined }
});

/** The package's attempts and lessons read (`courseId/lessonId`) in `store`. */
function packageProgress(config: PackageConfig, store: LearnerStore | null) {
	const quizzes = new Set(config.quizzes.map((q) => q.id));
	const lessons = new Set(config.lessons.map((id) => `${config.courseId}/${id}`));
	return {
		attempts: (store?.attempts ?? []).filter(
			(a) => a.courseId === config.courseId && quizzes.has(a.quizId)
		),
		lessons: (store?.lessons ?? []).map((l) => l.key).filter((key) => lessons.has(key))
	};
}

/** Ids of the package's attempts submitted before this launch (they were reported then). */
const submittedIds = (config: PackageConfig, store: LearnerStore) =>
	new Set(packageProgress(config, store).attempts.flatMap((a) => (a.submittedAt ? [a.id] : [])));

/** The questions of `attempt` the bank still has, each with the learner's answer. */
async function answersOf(attempt: Attempt, source: QuestionSource) {
	const questions = await source(attempt.courseId, attempt.quizId);
	return attempt.questionIds.flatMap((id) => {
		const question = questions.get(id);
		return question ? [{ question, answer: attempt.answers[id] }] : [];
	});
}

/** One learner's SCORM session with the LMS, for one package. */
export class ScormLink implements LmsLink {
	#reported = new Set<string>();
	#queue: Promise<void> = Promise.resolve();
	#store: LearnerStore | null = null;
	readonly #started = Date.now();
	#ended = false;

	constructor(
		readonly config: PackageConfig,
		readonly session: ScormSession,
		readonly learner: { id: string; name: string },
		readonly resume: ResumeState,
		private readonly questions: QuestionSource
	) {}

	storeOptions(): StoreOptions {
		return optionsFor(this.learner);
	}

	/**
	 * Resumes from the LMS's suspend data (what this browser lacks or has older), reports where
	 * the learner is, and from then on mirrors every change to the LMS.
	 */
	async attach(store: LearnerStore): Promise<void> {
		this.#store = store;
		const saved = await unpackProgress(this.resume.suspendData);
		for (const key of saved.lessons) {
			const [courseId, lessonId] = [
				key.slice(0, key.indexOf('/')),
				key.slice(key.indexOf('/') + 1)
			];
			if (!store.isLessonDone(courseId, lessonId))
				await store.setLessonDone(courseId, lessonId, true);
		}
		for (const attempt of saved.attempts) {
			const known = store.attempts.find((a) => a.id === attempt.id);
			if (!known || known.revision < attempt.revision) await store.saveAttempt(attempt);
		}
		this.#reported = submittedIds(this.config, store);
		store.onLocalChange((change) => this.#enqueue(change));
		this.#enqueue(null);
		await this.#queue;
	}

	/** Waits for every change so far to reach the LMS (tests; the app does not wait). */
	settled(): Promise<void> {
		return this.#queue;
	}

	#enqueue(change: LocalChange | null) {
		this.#queue = this.#queue
			.then(() => this.#sync(change))
			.then(
				() => void (lmsState.problem = ''),
				(error) => {
					if (error instanceof ScormError && error.kind === 'finished') return;
					lmsState.problem = notRecorded(error);
				}
			);
	}

	async #sync(change: LocalChange | null) {
		if (this.#ended) return;
		const { attempts, lessons } = packageProgress(this.config, this.#store);
		const suspend = await packProgress({ lessons, attempts }, SUSPEND_LIMIT[this.session.version]);
		if (suspend === null) {
			throw new Error(`your progress no longer fits in what SCORM ${this.session.version} keeps`);
		}
		this.session.saveProgress(suspend);
		if (change?.kind === 'attempt' && change.attempt.submittedAt) {
			await this.#recordAnswers(change.attempt);
		}
		this.#report(lessons, attempts);
		this.session.commit();
	}

	/** One interaction per question of a newly submitted attempt. */
	async #recordAnswers(attempt: Attempt) {
		if (this.#reported.has(attempt.id)) return;
		this.#reported.add(attempt.id);
		for (const { question, answer } of await answersOf(attempt, this.questions)) {
			this.session.recordInteraction(interactionOf(question, answer));
		}
	}

	/**
	 * Status and score. The package is passed or failed only once every quiz in it is submitted
	 * (1.2, whose one status also means completion: once everything is done), so that a learner
	 * who has just begun is "incomplete", never "failed".
	 */
	#report(lessons: string[], attempts: Attempt[]) {
		const report = packageReport(this.config, new Set(lessons), attempts);
		const allSubmitted = report.quizzesSubmitted === this.config.quizzes.length;
		const decided = this.session.version === '1.2' ? report.completed : allSubmitted;
		this.session.reportScore(
			report.quizzesSubmitted ? report.score : undefined,
			decided ? report.passed : undefined,
			report.completed
		);
	}

	/** Reports the session time and finishes, once (on pagehide). Later changes stay local. */
	end() {
		if (this.#ended) return;
		this.#ended = true;
		try {
			this.session.sessionTime(Date.now() - this.#started);
			this.session.finish('suspend');
		} catch (error) {
			lmsState.problem = `Your LMS did not close the session: ${describe(error)}.`;
		}
	}
}

/** The questions of a quiz from the course's bank (fetched once per course). */
function bankQuestions(): QuestionSource {
	const banks = new Map<string, ReturnType<typeof load>>();
	const load = async (courseId: string) => {
		const { fetchBank } = await import('../results/fetch-bank.ts');
		return fetchBank(courseId);
	};
	return async (courseId, quizId) => {
		let bank = banks.get(courseId);
		if (!bank) banks.set(courseId, (bank = load(courseId)));
		const quiz = (await bank).quizzes.find((q) => q.id === quizId);
		return new Map((quiz?.questions ?? []).map((view) => [view.question.id, view.question]));
	};
}

const notRecorded = (error: unknown) =>
	`Your LMS did not record your last change: ${describe(error)}. It is kept in this browser; keep this page open and try again, or ask your instructor.`;
const notConnected = (error: unknown) =>
	`Coursekit could not connect to your LMS: ${describe(error)}. Your work is kept in this browser only.`;

/**
 * Finds the LMS and opens the SCORM session for `config`, or null when there is no LMS (the
 * package then runs as the normal local app). An LMS that refuses to start, or gives no learner
 * id, is named in `lmsState.problem`, and the package runs locally.
 */
export function launchScorm(
	win: ApiWindow,
	config: PackageConfig,
	questions: QuestionSource = bankQuestions()
): ScormLink | null {
	if (config.format === 'cmi5') return null;
	const found = findScormApi(win, [VERSION[config.format]]);
	if (!found) return null;
	const session = new ScormSession(found);
	try {
		session.start();
		const learner = session.learner();
		if (!learner.id) throw new Error('the LMS did not say who you are (no learner id)');
		const resume = session.resume();
		lmsState.learner = learner.name || learner.id;
		return new ScormLink(config, session, learner, resume, questions);
	} catch (error) {
		lmsState.problem = notConnected(error);
		return null;
	}
}

/**
 * One learner's cmi5 session: what they do goes to the LMS's LRS as cmi5 statements. cmi5 keeps
 * no progress for a relaunch as SCORM's suspend data does: a relaunch on the same computer finds
 * the learner's work in this browser.
 */
export class Cmi5Link implements LmsLink {
	#reported = new Set<string>();
	#store: LearnerStore | null = null;

	constructor(
		readonly config: PackageConfig,
		readonly session: Cmi5Session,
		readonly learner: { id: string; name: string },
		private readonly questions: QuestionSource
	) {}

	storeOptions(): StoreOptions {
		return optionsFor(this.learner);
	}

	async attach(store: LearnerStore): Promise<void> {
		this.#store = store;
		this.#reported = submittedIds(this.config, store);
		store.onLocalChange((change) => void this.#sync(change));
		await this.#sync(null);
	}

	async #sync(change: LocalChange | null) {
		try {
			if (change?.kind === 'attempt' && change.attempt.submittedAt) {
				await this.#answered(change.attempt);
			}
			const { attempts, lessons } = packageProgress(this.config, this.#store);
			// Not awaited: the session delivers in order and retries by itself.
			void this.session.report(packageReport(this.config, new Set(lessons), attempts));
			lmsState.problem = '';
		} catch (error) {
			lmsState.problem = notRecorded(error);
		}
	}

	async #answered(attempt: Attempt) {
		if (this.#reported.has(attempt.id)) return;
		this.#reported.add(attempt.id);
		for (const { question, answer } of await answersOf(attempt, this.questions)) {
			void this.session.answered(question, answer, gradeAnswer(question, answer) === 1, attempt.id);
		}
	}
}

/** The cmi5 session of this launch (its URL's parameters), or null when it is not one. */
export async function launchCmi5(
	location: URL,
	config: PackageConfig,
	questions: QuestionSource = bankQuestions()
): Promise<Cmi5Link | null> {
	try {
		const { startCmi5 } = await import('./cmi5.ts');
		const session = await startCmi5(location);
		if (!session) return null;
		const learner = session.learner();
		lmsState.learner = learner.name || learner.id;
		return new Cmi5Link(config, session, learner, questions);
	} catch (error) {
		lmsState.problem = notConnected(error);
		return null;
	}
}

let launched: Promise<LmsLink | null> | undefined;

const SCORM_FORMATS: readonly PackageFormat[] = ['scorm12', 'scorm2004'];

/** This tab's link to the LMS, launched on the first call (the layout and the store slot ask). */
export function packageRuntime(config: PackageConfig): Promise<LmsLink | null> {
	if (!launched) {
		if (SCORM_FORMATS.includes(config.format)) {
			const link = launchScorm(window as unknown as ApiWindow, config);
			if (link) addEventListener('pagehide', () => link.end());
			launched = Promise.resolve(link);
		} else {
			// cmi5.ts ends its session on pagehide by itself.
			launched = launchCmi5(new URL(location.href), config);
		}
	}
	return launched;
}
