/**
 * Which LMS an assignment's grades go to, and which identifier that LMS matches students on.
 * The student types that identifier when handing in; the grade export writes it, and only it.
 */
import * as z from '../zod-mini.ts';
import type { Learner } from '../results/schema.ts';

/** What Moodle's "Import grades from CSV" can map a column to (user id is never known here). */
export const MOODLE_IDENTIFIERS = ['email', 'idnumber', 'username'] as const;
/** What Canvas's gradebook import matches on (its internal user ID is never known here). */
export const CANVAS_IDENTIFIERS = ['sis_user_id', 'sis_login_id'] as const;

export const LmsTarget = z.discriminatedUnion('system', [
	z.strictObject({ system: z.literal('moodle'), identifier: z.enum(MOODLE_IDENTIFIERS) }),
	z.strictObject({ system: z.literal('canvas'), identifier: z.enum(CANVAS_IDENTIFIERS) })
]);
export type LmsTarget = z.infer<typeof LmsTarget>;
export type MoodleIdentifier = (typeof MOODLE_IDENTIFIERS)[number];
export type CanvasIdentifier = (typeof CANVAS_IDENTIFIERS)[number];
export type LmsIdentifier = MoodleIdentifier | CanvasIdentifier;

/**
 * The learner as the export reads them. `username` (the name the learner logs in to the LMS
 * with) is not in `Learner` yet; until it is, nobody has one and exports by it list everyone.
 */
export type IdentifiedLearner = Pick<Learner, 'email' | 'studentId'> & { username?: string };

/** The learner field each identifier is read from (and the hand-in form writes to). */
export const LEARNER_FIELD = {
	email: 'email',
	idnumber: 'studentId',
	username: 'username',
	sis_user_id: 'studentId',
	sis_login_id: 'username'
} as const satisfies Record<LmsIdentifier, keyof IdentifiedLearner>;

/** The learner's identifier for the LMS, trimmed (both importers trim), or undefined when blank. */
export function identifierOf(
	learner: IdentifiedLearner,
	identifier: LmsIdentifier
): string | undefined {
	return learner[LEARNER_FIELD[identifier]]?.trim() || undefined;
}

const LABELS: Record<
	LmsIdentifier,
	{ label: string; noun: string; hint: string; autocomplete: string }
> = {
	email: {
		label: 'Email address',
		noun: 'email address',
		hint: 'The email address of your Moodle account, exactly as your Moodle profile shows it.',
		autocomplete: 'email'
	},
	idnumber: {
		label: 'ID number',
		noun: 'ID number',
		hint: 'The ID number in your Moodle profile (often your student number).',
		autocomplete: 'off'
	},
	username: {
		label: 'Moodle username',
		noun: 'Moodle username',
		hint: 'The username you log in to Moodle with.',
		autocomplete: 'username'
	},
	sis_user_id: {
		label: 'Student ID',
		noun: 'student ID',
		hint: 'Your student number as your school’s records have it (Canvas calls it SIS User ID).',
		autocomplete: 'off'
	},
	sis_login_id: {
		label: 'Canvas login ID',
		noun: 'Canvas login ID',
		hint: 'What you type to log in to Canvas (at many schools, your school email).',
		autocomplete: 'username'
	}
};

/** The hand-in form's label for the identifier, e.g. "Email address". */
export const identifierLabel = (identifier: LmsIdentifier): string => LABELS[identifier].label;

/** The identifier inside a sentence, e.g. "email address", "Canvas login ID". */
export const identifierNoun = (identifier: LmsIdentifier): string => LABELS[identifier].noun;

/** One sentence under the label saying where the student finds the identifier. */
export const identifierHint = (identifier: LmsIdentifier): string => LABELS[identifier].hint;

/** The input's `autocomplete` value for the identifier. */
export const identifierAutocomplete = (identifier: LmsIdentifier): string =>
	LABELS[identifier].autocomplete;

/** An LMS and its identifier as one select value: `moodle:email`. */
export type LmsChoice = `${LmsTarget['system']}:${LmsTarget['identifier']}`;

/** The choices a select offers, grouped by LMS, with the names the LMS itself uses. */
export const LMS_CHOICES: { lms: string; choices: { value: LmsChoice; label: string }[] }[] = [
	{
		lms: 'Moodle',
		choices: [
			{ value: 'moodle:email', label: 'Moodle, matched by email address' },
			{ value: 'moodle:idnumber', label: 'Moodle, matched by ID number' },
			{ value: 'moodle:username', label: 'Moodle, matched by username' }
		]
	},
	{
		lms: 'Canvas',
		choices: [
			{ value: 'canvas:sis_user_id', label: 'Canvas, matched by SIS User ID' },
			{ value: 'canvas:sis_login_id', label: 'Canvas, matched by SIS Login ID' }
		]
	}
];

/** The select value of a target. */
export const lmsChoice = (target: LmsTarget): LmsChoice => `${target.system}:${target.identifier}`;

/** The target a select value names. */
export function lmsTargetOf(choice: LmsChoice): LmsTarget {
	const [system, identifier] = choice.split(':');
	return { system, identifier } as LmsTarget;
}
