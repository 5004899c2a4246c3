/** The assignments an instructor made, as the instructor pages keep them in this browser. */
import * as z from '../zod-mini.ts';
import { Assignment } from './assignment.ts';

export const SAVED_ASSIGNMENTS = 'assignments';

export const SavedAssignment = z.strictObject({
	assignment: Assignment,
	link: z.string().check(z.minLength(1), z.maxLength(8_000)),
	createdAt: z.string().check(
		z.maxLength(40),
		z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
	)
});
export type SavedAssignment = z.infer<typeof SavedAssignment>;

/** True when `entry` is a valid saved assignment. */
export const isSavedAssignment = (entry: unknown): entry is SavedAssignment =>
	SavedAssignment.safeParse(entry).success;
