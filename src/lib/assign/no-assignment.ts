/**
 * What a link with no assignment in its fragment is told. A module of its own, so that the
 * assignment page can say it without loading the decoder (and zod).
 */
export const NO_ASSIGNMENT =
	'This link has no assignment in it. Ask your instructor for the full link.';
