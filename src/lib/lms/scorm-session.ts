/**
 * A learner's session with the LMS through its SCORM API, one interface over 1.2 and 2004: start,
 * read who the learner is and where they stopped, save progress, report the score and each
 * answer, finish so that a relaunch resumes. Every call checks the API's error code, and a
 * failure throws a `ScormError`: nothing the LMS refuses passes silently.
 */
import type { FoundScormApi, ScormVersion } from './scorm-api.ts';
import { cmiTimespan, isoDuration } from './scorm-format.ts';
import { interactionFields } from './scorm-fields.ts';
import type { ScormInteraction } from './scorm-interaction.ts';
import { CALLS, DATA, type Call } from './scorm-names.ts';
import { SUSPEND_LIMIT } from './suspend.ts';

/**
 * `lms`: the LMS refused a call; `too-long`, `invalid`: a value refused here, before the LMS saw
 * it; `finished`: a call after `finish()`, which some LMSs would take and then drop.
 */
export type ScormErrorKind = 'lms' | 'too-long' | 'invalid' | 'finished';

/** A SCORM call that failed, with the LMS's error code when the LMS refused it. */
export class ScormError extends Error {
	constructor(
		readonly kind: ScormErrorKind,
		message: string,
		readonly details: { call?: string; element?: string; code?: string } = {}
	) {
		super(message);
		this.name = 'ScormError';
	}
}

export interface ResumeState {
	/** `resume` when the LMS continues a suspended attempt, `ab-initio` on a first launch. */
	entry: 'ab-initio' | 'resume' | '';
	/** What `saveProgress` stored last, or `''`. */
	suspendData: string;
}

/** SCORM 1.2's one `lesson_status` for what 2004 reports as completion and success. */
const lessonStatus = (passed: boolean | undefined, completed: boolean) => {
	if (passed !== undefined) return passed ? 'passed' : 'failed';
	return completed ? 'completed' : 'incomplete';
};

/** A session over the API `findScormApi` found. */
export class ScormSession {
	readonly version: ScormVersion;
	readonly #api: Record<string, (...args: string[]) => unknown>;
	#finished = false;

	constructor(found: FoundScormApi) {
		this.version = found.version;
		this.#api = found.api as unknown as Record<string, (...args: string[]) => unknown>;
	}

	/** Calls `call`; throws a ScormError if the LMS reports an error or returns false. */
	#call(call: Call, args: string[], element?: string): unknown {
		const names = CALLS[this.version];
		if (this.#finished) {
			throw new ScormError('finished', `${names[call]} after the session finished: not sent`, {
				call: names[call],
				element
			});
		}
		let result: unknown;
		let code: string;
		try {
			result = this.#api[names[call]](...args);
			code = String(this.#api[names.lastError]() ?? '') || '0';
		} catch (error) {
			// An LMS's API that throws instead of setting an error code.
			throw new ScormError('lms', `${names[call]} threw: ${String(error)}`, {
				call: names[call],
				element
			});
		}
		const refused = call !== 'getValue' && result !== true && result !== 'true';
		if (code === '0' && !refused) return result;
		const text = this.#explain(names.errorString, code);
		const diagnostic = this.#explain(names.diagnostic, code);
		const what = `${names[call]}(${element ? `"${element}"` : ''})`;
		const why = code === '0' ? 'returned false' : `error ${code}: ${text}`;
		throw new ScormError(
			'lms',
			`${what} failed, ${why}${diagnostic && diagnostic !== text ? ` (${diagnostic})` : ''}`,
			{ call: names[call], element, code }
		);
	}

	/** What the LMS says of error `code` (through `call`), or `''` if it cannot say. */
	#explain(call: string, code: string): string {
		try {
			return String(this.#api[call](code) ?? '');
		} catch {
			return '';
		}
	}

	/** The value of `element`; `''` when a 2004 LMS has none yet. */
	#get(element: string): string {
		try {
			return String(this.#call('getValue', [element], element) ?? '');
		} catch (error) {
			const { notInitialized } = DATA[this.version];
			if (error instanceof ScormError && error.details.code === notInitialized) return '';
			throw error;
		}
	}

	#set(element: string, value: string): void {
		this.#call('setValue', [element, value], element);
	}

	/** Opens the session (Initialize / LMSInitialize). */
	start(): void {
		this.#call('initialize', ['']);
	}

	/** The LMS's learner: id and name as the LMS gives them (1.2 writes names "Last, First"). */
	learner(): { id: string; name: string } {
		const data = DATA[this.version];
		// A 2004 name may start with a language tag, `{lang=en}`.
		const name = this.#get(data.learnerName).replace(/^\{lang=[^}]*\}/, '');
		return { id: this.#get(data.learnerId), name };
	}

	/** Whether this launch resumes a suspended attempt, and the progress saved in it. */
	resume(): ResumeState {
		const entry = this.#get(DATA[this.version].entry);
		return {
			entry: entry === 'resume' || entry === 'ab-initio' ? entry : '',
			suspendData: this.#get('cmi.suspend_data')
		};
	}

	/**
	 * Stores `suspendData` for the next launch; refuses data longer than this version keeps
	 * (2004's 64 000 is the 4th Edition's: a package must declare that edition).
	 */
	saveProgress(suspendData: string): void {
		const limit = SUSPEND_LIMIT[this.version];
		if (suspendData.length > limit) {
			throw new ScormError(
				'too-long',
				`progress of ${suspendData.length} characters is more than SCORM ${this.version} keeps ` +
					`(${limit}); nothing was sent`,
				{ element: 'cmi.suspend_data' }
			);
		}
		this.#set('cmi.suspend_data', suspendData);
	}

	/**
	 * Reports a score in [0, 1] as raw 0–100 (and scaled in 2004), with the status: passed or
	 * failed when `passed` is known, else completed or incomplete. 2004 reports completion and
	 * success apart; 1.2 has one status, in which passed and failed also mean completed. With no
	 * score (a package without quizzes) only the status is reported.
	 */
	reportScore(score: number | undefined, passed?: boolean, completed = true): void {
		if (score !== undefined && !(score >= 0 && score <= 1)) {
			throw new ScormError('invalid', `a score must be between 0 and 1, not ${score}`);
		}
		const { score: prefix } = DATA[this.version];
		if (score !== undefined) {
			this.#set(`${prefix}.min`, '0');
			this.#set(`${prefix}.max`, '100');
			this.#set(`${prefix}.raw`, String(Math.round(score * 10000) / 100));
		}
		if (this.version === '1.2') {
			this.#set('cmi.core.lesson_status', lessonStatus(passed, completed));
			return;
		}
		if (score !== undefined)
			this.#set('cmi.score.scaled', String(Math.round(score * 10000) / 10000));
		this.#set('cmi.completion_status', completed ? 'completed' : 'incomplete');
		if (passed !== undefined) this.#set('cmi.success_status', passed ? 'passed' : 'failed');
	}

	/**
	 * Appends `interaction` as `cmi.interactions.n` and returns n, or null when the LMS keeps no
	 * interactions (allowed in 1.2). 1.2 cannot read interactions back: resume from suspend data.
	 */
	recordInteraction(interaction: ScormInteraction): number | null {
		const data = DATA[this.version];
		let count: string;
		try {
			count = this.#get('cmi.interactions._count');
		} catch (error) {
			if (error instanceof ScormError && error.details.code === data.unimplemented) return null;
			throw error;
		}
		const n = Number(count);
		if (!Number.isInteger(n) || n < 0) {
			throw new ScormError('lms', `the LMS counts ${JSON.stringify(count)} interactions`, {
				element: 'cmi.interactions._count'
			});
		}
		const fields = interactionFields(this.version, interaction);
		const at = `cmi.interactions.${n}`;
		// The id and type come first: 2004 refuses responses before it knows the type.
		this.#set(`${at}.id`, fields.id);
		this.#set(`${at}.type`, fields.type);
		fields.correctPatterns.forEach((pattern, i) => {
			this.#set(`${at}.correct_responses.${i}.pattern`, pattern);
		});
		if (fields.learnerResponse !== undefined) {
			this.#set(`${at}.${data.response}`, fields.learnerResponse);
		}
		this.#set(`${at}.result`, fields.result);
		if (fields.latency !== undefined) this.#set(`${at}.latency`, fields.latency);
		return n;
	}

	/** Asks the LMS to store what was set (call it after every answer). */
	commit(): void {
		this.#call('commit', ['']);
	}

	/** Reports how long this session lasted, in this version's format. */
	sessionTime(ms: number): void {
		const value = this.version === '1.2' ? cmiTimespan(ms) : isoDuration(ms);
		this.#set(DATA[this.version].sessionTime, value);
	}

	/**
	 * Ends the session (Terminate / LMSFinish). `suspend` (the default) asks the LMS to keep the
	 * attempt and its suspend data, so that the next launch has entry `resume`.
	 */
	finish(exit: 'suspend' | 'normal' = 'suspend'): void {
		const value = exit === 'suspend' ? 'suspend' : this.version === '1.2' ? '' : 'normal';
		this.#set(DATA[this.version].exit, value);
		this.#call('terminate', ['']);
		this.#finished = true;
	}
}
