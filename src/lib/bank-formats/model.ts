/** What an importer reads from a bank file, before it is fitted into a course (to-quiz.ts). */
import type { z } from '../zod.ts';
import type { Question } from '../content/schema.ts';
import type { CoursekitMeta } from './meta.ts';

/** A question as an author writes it in a quiz file (bare texts, optional ids). */
export type AuthoredQuestion = z.input<typeof Question>;

type Loose<T> = T extends unknown
	? Omit<T, 'id' | 'topic' | 'source' | 'explanation'> & {
			id?: string;
			topic?: string;
			source?: string;
			explanation?: string;
		}
	: never;

/** An authored question that may still lack what the course supplies: id, topic, source, explanation. */
export type BankQuestion = Loose<AuthoredQuestion>;

/** One question read from a bank, with where it starts. */
export interface BankItem {
	/** 1-based line of the question in its file. */
	line: number;
	/** The source's name for the question (GIFT title, Moodle name), a hint for its id. */
	title?: string;
	/** The source's category path, last part first in meaning: `$course$/top/Graphs`. */
	category?: string;
	question: BankQuestion;
	/** What Coursekit does differently from the source for this question (scoring, case…). */
	notes: string[];
	/** What Coursekit exported about it that the format cannot say (see meta.ts). */
	meta?: CoursekitMeta;
}

/** A located message about a bank file. */
export interface BankProblem {
	line: number;
	message: string;
}

export type BankFormat = 'gift' | 'moodle-xml' | 'csv';

export interface ParsedBank {
	file: string;
	format: BankFormat;
	items: BankItem[];
	/** Questions that cannot become Coursekit questions, with why; the rest still imports. */
	skipped: BankProblem[];
	/** Remarks about the whole file (columns ignored, and so on). */
	notes: BankProblem[];
}
