/**
 * The assignment a student is working on in this tab, so that lessons and quizzes opened from it
 * keep it in view ("Back to Week 1") even after following a "Next lesson" link, which drops the
 * link's fragment. Kept in sessionStorage (this tab only) and checked when read.
 */
import type { Assignment } from '$lib/assign/assignment';

export interface AssignmentContext {
	/** The assignment link's fragment, without `#`: the assignment page's address. */
	fragment: string;
	id: string;
	title: string;
	course: string;
	lessons: string[];
	quizzes: string[];
}

const KEY = 'coursekit:assignment';
const HAND_IN = 'coursekit:hand-in';

const isContext = (value: unknown): value is AssignmentContext => {
	const c = value as AssignmentContext | null;
	const strings = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
	return (
		typeof c?.fragment === 'string' &&
		c.fragment.startsWith('a1.') &&
		typeof c.id === 'string' &&
		typeof c.title === 'string' &&
		typeof c.course === 'string' &&
		strings(c.lessons) &&
		strings(c.quizzes)
	);
};

/** Remembers the assignment opened in this tab. */
export function rememberAssignment(fragment: string, assignment: Assignment) {
	const { id, title, course, lessons, quizzes } = assignment;
	try {
		sessionStorage.setItem(KEY, JSON.stringify({ fragment, id, title, course, lessons, quizzes }));
	} catch {
		// Storage off: the fragment on the links still carries the assignment.
	}
}

/** The assignment opened in this tab, if any (and if what is stored makes sense). */
export function rememberedAssignment(): AssignmentContext | null {
	try {
		const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
		return isContext(value) ? value : null;
	} catch {
		return null;
	}
}

/** Whether `pathname` is a lesson or quiz page of the assignment. */
export function isPartOf(context: AssignmentContext, pathname: string): boolean {
	const match = /\/courses\/([^/]+)\/(lessons|quizzes)\/([^/]+)$/.exec(pathname);
	if (!match || match[1] !== context.course) return false;
	return (match[2] === 'lessons' ? context.lessons : context.quizzes).includes(match[3]);
}

/** Asks the assignment page to bring its hand-in form into view when it opens. */
export function askToHandIn() {
	try {
		sessionStorage.setItem(HAND_IN, '1');
	} catch {
		// The page then opens at the top; the hand-in form is still on it.
	}
}

/** Whether hand-in was asked for (once: the request is cleared). */
export function handInAsked(): boolean {
	try {
		const asked = sessionStorage.getItem(HAND_IN) === '1';
		sessionStorage.removeItem(HAND_IN);
		return asked;
	} catch {
		return false;
	}
}
