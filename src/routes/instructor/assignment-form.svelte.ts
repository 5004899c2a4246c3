/**
 * The fields of the assignment builder, and the assignment they make. Editing a saved assignment
 * fills them from it and keeps its id, so the gradebook still groups its results together.
 */
import type { Assignment } from '$lib/assign/assignment';
import { lmsChoice, lmsTargetOf, type LmsChoice } from '$lib/assign/lms-target';
import { fromLocalInput, localInputValue } from '$lib/dates';

export interface CourseChoice {
	id: string;
	title: string;
	lessons: { id: string; title: string }[];
	quizzes: { id: string; title: string; passMark: number }[];
}

export class AssignmentForm {
	/** The saved assignment being edited (its id is kept), or null for a new one. */
	editing = $state.raw<Assignment | null>(null);
	courseId = $state('');
	title = $state('');
	lessons = $state<string[]>([]);
	quizzes = $state<string[]>([]);
	due = $state('');
	passMark = $state<number | null>(null);
	attempts = $state<number | null>(null);
	feedback = $state<'' | 'immediate' | 'deferred'>('');
	note = $state('');
	/** '' for no LMS. */
	lms = $state<LmsChoice | ''>('');
	handIn = $state('');

	/** `firstCourse`: the course the select shows from the start (the lists below follow it). */
	constructor(firstCourse: () => string | undefined) {
		this.courseId = firstCourse() ?? '';
	}

	/** Fills the fields from a saved assignment, to edit it. */
	edit(assignment: Assignment) {
		this.editing = assignment;
		this.courseId = assignment.course;
		this.title = assignment.title;
		this.lessons = [...assignment.lessons];
		this.quizzes = [...assignment.quizzes];
		this.due = assignment.due ? localInputValue(assignment.due) : '';
		this.passMark = assignment.passMark ?? null;
		this.attempts = assignment.attempts ?? null;
		this.feedback = assignment.feedback ?? '';
		this.note = assignment.note ?? '';
		this.lms = assignment.lms ? lmsChoice(assignment.lms) : '';
		this.handIn = assignment.handIn ?? '';
	}

	/** Back to a new, empty assignment (the course stays). */
	reset() {
		this.editing = null;
		this.title = this.note = this.handIn = this.due = this.lms = this.feedback = '';
		this.lessons = [];
		this.quizzes = [];
		this.passMark = this.attempts = null;
	}

	/** What the fields describe, in the course's reading order, for `Assignment` to check. */
	candidate(course: CourseChoice, newId: string): unknown {
		return {
			v: 1,
			id: this.editing?.id ?? newId,
			title: this.title.trim(),
			course: course.id,
			lessons: course.lessons.map((l) => l.id).filter((id) => this.lessons.includes(id)),
			quizzes: course.quizzes.map((q) => q.id).filter((id) => this.quizzes.includes(id)),
			...(this.due ? { due: fromLocalInput(this.due) } : {}),
			...(typeof this.passMark === 'number' ? { passMark: this.passMark } : {}),
			...(this.attempts ? { attempts: this.attempts } : {}),
			...(this.feedback ? { feedback: this.feedback } : {}),
			...(this.note.trim() ? { note: this.note.trim() } : {}),
			...(this.lms ? { lms: lmsTargetOf(this.lms) } : {}),
			...(this.handIn.trim() ? { handIn: this.handIn.trim() } : {})
		};
	}
}
