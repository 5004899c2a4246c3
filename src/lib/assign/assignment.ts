/**
 * Assignments: what an instructor sets (lessons and quizzes of a course, due date, pass mark,
 * attempts, feedback, instructions, where grades go and how to hand in), carried whole in a
 * link's fragment so no server is needed.
 */
import * as z from '../zod-mini.ts';
import { packJson, unpackJson } from './codec.ts';
import { NO_ASSIGNMENT } from './no-assignment.ts';
import { LmsTarget } from './lms-target.ts';
import { MAX_ENDPOINT, isLrsEndpoint } from '../lrs/endpoint.ts';

export const ASSIGNMENT_VERSION = 1;
export const HAND_IN_MAX = 500;

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9-]+$/));

export const Assignment = z.strictObject({
	v: z.literal(ASSIGNMENT_VERSION),
	/** Random, so the gradebook can tell assignments apart. */
	id: z.string().check(z.minLength(6), z.maxLength(40), z.regex(/^[A-Za-z0-9_-]+$/)),
	title: z.string().check(z.minLength(1), z.maxLength(120)),
	course: id,
	lessons: z.array(id).check(z.maxLength(100)),
	quizzes: z.array(id).check(z.maxLength(100)),
	due: z.optional(
		z.string().check(
			z.maxLength(40),
			z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
		)
	),
	passMark: z.optional(z.number().check(z.gte(0), z.lte(100))),
	attempts: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
	feedback: z.optional(z.enum(['immediate', 'deferred'])),
	note: z.optional(z.string().check(z.maxLength(1_000))),
	/**
	 * The LMS the grades go to and the identifier it matches students on, which the hand-in form
	 * asks for. Optional: links made before it existed still decode (and so stay `v: 1`).
	 */
	lms: z.optional(LmsTarget),
	/** How to hand in, in the instructor's words ("Upload the file to the Moodle assignment …"). */
	handIn: z.optional(z.string().check(z.maxLength(HAND_IN_MAX))),
	/**
	 * An xAPI endpoint the assignment's lessons and quizzes report to (https, or http on
	 * localhost for tests); this site must also allow its origin (lrs/endpoint.ts). Optional.
	 */
	lrs: z.optional(
		z
			.string()
			.check(
				z.maxLength(MAX_ENDPOINT),
				z.refine(isLrsEndpoint, 'not the https address of a learning record store')
			)
	)
});
export type Assignment = z.infer<typeof Assignment>;

export type Decoded = { ok: true; assignment: Assignment } | { ok: false; message: string };

/** The fragment text of an assignment link (without the `#`). */
export async function encodeAssignment(assignment: Assignment): Promise<string> {
	return `a1.${await packJson(assignment)}`;
}

/** Reads an assignment from a link fragment; a damaged or edited link gets a message, never a throw. */
export async function decodeAssignment(fragment: string): Promise<Decoded> {
	const text = fragment.replace(/^#/, '').trim();
	if (!text) return { ok: false, message: NO_ASSIGNMENT };
	const [version, body] = text.split('.', 2);
	if (version !== 'a1' || !body) {
		return {
			ok: false,
			message:
				'This assignment link is damaged or was made by another version of Coursekit. Ask your instructor for a new link.'
		};
	}
	let data: unknown;
	try {
		data = await unpackJson(body, 64 * 1024);
	} catch {
		return {
			ok: false,
			message:
				'This assignment link is damaged (perhaps cut off when it was copied). Ask your instructor for the full link.'
		};
	}
	const parsed = Assignment.safeParse(data);
	if (!parsed.success)
		return {
			ok: false,
			message:
				'This assignment link was changed or is damaged: its contents are not a valid assignment.'
		};
	return { ok: true, assignment: parsed.data };
}

/** A random assignment id (URL-safe). */
export function newAssignmentId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(9));
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_');
}
