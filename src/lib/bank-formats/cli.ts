/**
 * The logic behind `npm run import`, `export` and `new:course`, over file texts, so that the
 * scripts in src/scripts only read arguments and write files.
 */
import { loadCourses } from '../content/load.ts';
import { formatContentError } from '../content/errors.ts';
import { BankError, decodeBank } from './limits.ts';
import { readGift } from './gift.ts';
import { readMoodleXml } from './moodle-xml.ts';
import { readCsv } from './csv.ts';
import { importBank, type ImportOptions, type ImportReport } from './to-quiz.ts';
import { exportGift } from './gift-export.ts';
import { exportMoodleXml } from './moodle-xml-export.ts';
import { exportQti3 } from './qti3.ts';
import type { ExportNote } from './export-model.ts';
import type { ParsedBank } from './model.ts';

/** `--name value` pairs and bare arguments. */
export function parseArgs(argv: string[]): {
	flags: Record<string, string | true>;
	rest: string[];
} {
	const flags: Record<string, string | true> = {};
	const rest: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) {
			rest.push(arg);
			continue;
		}
		const next = argv[i + 1];
		if (next !== undefined && !next.startsWith('--')) {
			flags[arg.slice(2)] = next;
			i++;
		} else {
			flags[arg.slice(2)] = true;
		}
	}
	return { flags, rest };
}

/** Reads a bank by its file name's ending: .gift/.txt, .xml or .csv. */
export function readBank(file: string, bytes: Uint8Array): ParsedBank {
	const text = decodeBank(file, bytes);
	if (/\.(gift|txt)$/i.test(file)) return readGift(file, text);
	if (/\.xml$/i.test(file)) return readMoodleXml(file, text);
	if (/\.csv$/i.test(file)) return readCsv(file, text);
	throw new BankError(
		file,
		1,
		'unknown kind of file: use .gift or .txt (GIFT), .xml (Moodle XML) or .csv'
	);
}

/** Imports a bank file into a course: the files to write and the report lines to print. */
export function runImport(
	content: Record<string, string>,
	file: string,
	bytes: Uint8Array,
	options: ImportOptions
): { writes: Record<string, string>; report: ImportReport; lines: string[] } {
	const bank = readBank(file, bytes);
	const { writes, report } = importBank(content, bank, options);
	return { writes, report, lines: reportLines(file, report) };
}

/** The report as printed: counts, then each list with `file:line`. */
export function reportLines(file: string, report: ImportReport): string[] {
	const lines = [
		`imported ${report.imported} question${report.imported === 1 ? '' : 's'} into ${report.quizPath}`
	];
	if (report.newTopics.length)
		lines.push(`new topics in course.yaml: ${report.newTopics.join(', ')}`);
	const list = (title: string, items: { line: number; message: string }[]) => {
		if (!items.length) return;
		lines.push(
			'',
			`${title} (${items.length}):`,
			...items.map((p) => `${file}:${p.line}: ${p.message}`)
		);
	};
	list('not imported', report.skipped);
	list('imported differently from the source', report.notes);
	list('to fill in (marked TODO: in the quiz file)', report.todo);
	return lines;
}

export type ExportFormat = 'gift' | 'moodle-xml' | 'qti3';

/** Exports a course (or one quiz) to `dist/`: the files to write and the notes to print. */
export function runExport(
	content: Record<string, string>,
	options: { courseId: string; format: ExportFormat; quizId?: string }
): { writes: Record<string, string | Uint8Array>; notes: ExportNote[] } {
	const { courses, errors } = loadCourses(content);
	const course = courses.find((c) => c.id === options.courseId);
	if (!course) {
		const why = errors.length ? `:\n${errors.map(formatContentError).join('\n')}` : '';
		throw new Error(`no valid course "${options.courseId}"${why}`);
	}
	const quizzes = options.quizId
		? [course.quizzes.get(options.quizId)]
		: [...course.quizzes.values()];
	if (quizzes.some((q) => !q)) throw new Error(`no quiz "${options.quizId}" in ${course.id}`);
	const input = { course, quizzes: quizzes.filter((q) => q !== undefined) };
	const name = `dist/${course.id}${options.quizId ? `-${options.quizId}` : ''}`;
	switch (options.format) {
		case 'gift': {
			const { text, notes } = exportGift(input);
			return { writes: { [`${name}.gift`]: text }, notes };
		}
		case 'moodle-xml': {
			const { text, notes } = exportMoodleXml(input);
			return { writes: { [`${name}.moodle.xml`]: text }, notes };
		}
		case 'qti3': {
			const { zip, notes } = exportQti3(input);
			return { writes: { [`${name}-qti3.zip`]: zip }, notes };
		}
		default:
			throw new Error(`unknown format "${options.format as string}": use gift, moodle-xml or qti3`);
	}
}
