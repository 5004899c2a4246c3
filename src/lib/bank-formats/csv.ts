/**
 * CSV import: one question per row. The columns are those of Kahoot's quiz spreadsheet
 * ("Question", "Answer 1"…"Answer 4", "Time limit", "Correct answer(s)" as 1-based numbers),
 * plus optional Coursekit columns: Type, Topic, Explanation, Id. Header names are matched
 * without case and without the hints Kahoot adds ("Question - max 120 characters").
 */
import Papa from 'papaparse';
import { BankError } from './limits.ts';
import type { BankItem, BankProblem, ParsedBank } from './model.ts';
import { choiceQuestion, textQuestion, trueFalseQuestion, type Mapped } from './mapping.ts';
import { cleanText, escapeMarkdown } from './text.ts';

/** A header as a key: "Correct answer(s) - choose at least one" → "correct answer". */
function headerKey(header: string): string {
	return cleanText(header)
		.toLowerCase()
		.split(/\s[-–]\s|\(/)[0]
		.trim();
}

const TYPES = ['single', 'multiple', 'truefalse', 'text', 'order'] as const;

/** Reads a CSV bank; throws BankError when no header row with a Question column is found. */
export function readCsv(file: string, text: string): ParsedBank {
	const rows: { cells: string[]; line: number }[] = [];
	let line = 1;
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
	// Papa gives no line numbers; count the line breaks each row spans (quoted cells may hold some).
	for (const cells of parsed.data) {
		rows.push({ cells, line });
		line += cells.join(',').split('\n').length;
	}
	const headerIndex = rows.findIndex((r) => r.cells.some((c) => headerKey(c) === 'question'));
	if (headerIndex === -1) {
		const error = parsed.errors[0];
		throw new BankError(
			file,
			error ? (error.row ?? 0) + 1 : 1,
			'no header row with a "Question" column: the columns are Question, Answer 1…Answer N, Correct answer(s), and optionally Type, Topic, Explanation, Id'
		);
	}
	const header = rows[headerIndex].cells.map(headerKey);
	const column = (name: string) => header.indexOf(name);
	const answerColumns = header
		.map((h, i) => ({ n: Number(/^answer (\d+)$/.exec(h)?.[1]), i }))
		.filter((a) => a.n > 0)
		.sort((a, b) => a.n - b.n)
		.map((a) => a.i);
	const correctColumn = header.findIndex((h) => h.startsWith('correct answer'));
	const items: BankItem[] = [];
	const skipped: BankProblem[] = [];
	const notes: BankProblem[] = [];
	if (column('time limit') !== -1) {
		notes.push({
			line: rows[headerIndex].line,
			message:
				'the "Time limit" column is ignored: Coursekit can time a whole quiz (timeLimitMinutes), not one question'
		});
	}
	for (const { cells, line } of rows.slice(headerIndex + 1)) {
		const cell = (i: number) => (i >= 0 ? cleanText(cells[i] ?? '') : '');
		if (cells.every((c) => !c.trim())) continue;
		const prompt = escapeMarkdown(cell(column('question')));
		if (!prompt) {
			skipped.push({ line, message: 'the Question cell is empty' });
			continue;
		}
		const answers = answerColumns
			.map((i, n) => ({ n: n + 1, text: cell(i) }))
			.filter((a) => a.text);
		const result = mapRow(prompt, answers, cell(correctColumn), cell(column('type')).toLowerCase());
		if ('unmappable' in result) {
			skipped.push({ line, message: result.unmappable });
			continue;
		}
		const explanation = cell(column('explanation'));
		if (explanation) result.question.explanation = explanation;
		const topic = cell(column('topic'));
		const id = cell(column('id'));
		items.push({
			line,
			...(id && { title: id }),
			...(topic && { category: topic }),
			question: result.question,
			notes: result.notes
		});
	}
	return { file, format: 'csv', items, skipped, notes };
}

/** One row's question; `answers` are numbered by their column, as "Correct answer(s)" counts. */
function mapRow(
	prompt: string,
	answers: { n: number; text: string }[],
	correctCell: string,
	type: string
): Mapped {
	if (type && !(TYPES as readonly string[]).includes(type)) {
		return { unmappable: `unknown Type "${type}"; use one of ${TYPES.join(', ')}` };
	}
	if (type === 'text') {
		return textQuestion(
			prompt,
			answers.map((a) => ({ text: a.text, percent: 100 }))
		);
	}
	if (type === 'order') {
		if (answers.length < 2) return { unmappable: 'an order question needs at least two answers' };
		return {
			question: { type: 'order', prompt, items: answers.map((a) => escapeMarkdown(a.text)) },
			notes: []
		};
	}
	const numbers = correctCell.split(/[,;\s]+/).filter(Boolean);
	const correct = new Set(numbers.map(Number));
	const columns = new Set(answers.map((a) => a.n));
	if (numbers.length === 0 || [...correct].some((n) => !columns.has(n))) {
		return {
			unmappable: `"Correct answer(s)" must list the numbers of filled answer columns (${[...columns].join(', ')}); it says "${correctCell}"`
		};
	}
	const texts = answers.map((a) => a.text);
	const isTrueFalse = texts.length === 2 && /^true$/i.test(texts[0]) && /^false$/i.test(texts[1]);
	if (type === 'truefalse' || (!type && isTrueFalse && correct.size === 1)) {
		if (!isTrueFalse)
			return { unmappable: 'a truefalse row needs Answer 1 "True" and Answer 2 "False"' };
		return trueFalseQuestion(prompt, correct.has(answers[0].n), {});
	}
	const multiple = type === 'multiple' || (!type && correct.size > 1);
	const share = 100 / correct.size;
	const result = choiceQuestion(
		prompt,
		answers.map((a) => ({
			text: escapeMarkdown(a.text),
			percent: correct.has(a.n) ? (multiple ? share : 100) : multiple ? -share : 0
		})),
		!multiple
	);
	if (!type && multiple && !('unmappable' in result)) {
		result.notes.push(
			'Kahoot accepts any one of several correct answers; here a student must select all of them (set Type to say so)'
		);
	}
	return result;
}
