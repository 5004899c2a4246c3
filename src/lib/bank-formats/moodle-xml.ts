/**
 * Moodle XML import (docs.moodle.org/en/Moodle_XML_format): `<quiz>` of `<question type="…">`.
 * A DOCTYPE is refused (no entity expansion), and each question keeps the line it starts on.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BankError } from './limits.ts';
import { readMetaComment, type CoursekitMeta } from './meta.ts';
import type { BankItem, BankProblem, ParsedBank } from './model.ts';
import {
	choiceQuestion,
	matchingQuestion,
	textQuestion,
	trueFalseQuestion,
	withGivenId,
	type Mapped
} from './mapping.ts';
import { hasImage, toMarkdown, type SourceFormat } from './text.ts';

type Node = Record<string, unknown>;

const LISTS = new Set(['question', 'answer', 'subquestion', 'dragbox', 'selectoption', 'file']);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	textNodeName: '#text',
	commentPropName: '#comment',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	htmlEntities: false,
	isArray: (name) => LISTS.has(name)
});

/** Offsets of each `<question` start tag, with comments and CDATA blanked out first. */
function questionLines(text: string): number[] {
	const blank = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) =>
		m.replace(/[^\n]/g, ' ')
	);
	const lines: number[] = [];
	for (const match of blank.matchAll(/<question[\s>/]/g)) {
		lines.push(text.slice(0, match.index).split('\n').length);
	}
	return lines;
}

/** Reads a Moodle XML file; throws BankError (writing nothing) when it is not one. */
export function readMoodleXml(file: string, text: string): ParsedBank {
	if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
		throw new BankError(
			file,
			lineOf(text, /<!DOCTYPE|<!ENTITY/i),
			'a DOCTYPE or ENTITY declaration is not allowed in a question bank'
		);
	}
	const valid = XMLValidator.validate(text);
	if (valid !== true) {
		throw new BankError(
			file,
			valid.err.line,
			`not well-formed XML (column ${valid.err.col}): ${valid.err.msg}`
		);
	}
	const root = parser.parse(text) as Node;
	const quiz = root.quiz as Node | undefined;
	if (!quiz || typeof quiz !== 'object') {
		throw new BankError(file, 1, 'not Moodle XML: the root element must be <quiz>');
	}
	const questions = (quiz.question as Node[] | undefined) ?? [];
	const lines = questionLines(text);
	const items: BankItem[] = [];
	const skipped: BankProblem[] = [];
	let category: string | undefined;
	questions.forEach((question, i) => {
		const line = lines[i] ?? 1;
		const type = attr(question, 'type');
		if (type === 'category') {
			category = textOf(question.category) || category;
			return;
		}
		const notes: string[] = [];
		let meta: CoursekitMeta | undefined;
		for (const comment of [question['#comment'] ?? []].flat()) {
			const read = readMetaComment(String(comment));
			meta = read.meta ?? meta;
			if (read.error) notes.push(read.error);
		}
		const result = mapQuestion(type, question, meta);
		if ('unmappable' in result) {
			skipped.push({ line, message: result.unmappable });
			return;
		}
		const title = textOf(question.name).trim();
		items.push({
			line,
			...(title && { title }),
			...(category && { category }),
			question: result.question,
			notes: [...notes, ...result.notes],
			...(meta && { meta })
		});
	});
	return { file, format: 'moodle-xml', items, skipped, notes: [] };
}

function lineOf(text: string, pattern: RegExp): number {
	const index = text.search(pattern);
	return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

function attr(node: unknown, name: string): string {
	return typeof node === 'object' && node ? String((node as Node)[`@_${name}`] ?? '') : '';
}

/** The text of `<x><text>…</text></x>`, or of a bare `<x>…</x>`. */
function textOf(node: unknown): string {
	if (node === undefined || node === null) return '';
	if (typeof node !== 'object') return String(node);
	if (Array.isArray(node)) return textOf(node[0]);
	const record = node as Node;
	if ('text' in record) return textOf(record.text);
	return typeof record['#text'] === 'string' ? record['#text'] : '';
}

const FORMATS: Record<string, SourceFormat> = {
	html: 'html',
	markdown: 'markdown',
	plain_text: 'plain',
	moodle_auto_format: 'moodle'
};

const UNMAPPABLE: Record<string, string> = {
	numerical: 'a numerical question (a number within a tolerance) has no Coursekit type',
	essay: 'an essay question needs a person to grade it; Coursekit grades automatically',
	description: 'a description (text without answers) is not a question',
	multianswer: 'a cloze (embedded answers) question has no Coursekit type',
	calculated: 'a calculated question (formulas with random values) has no Coursekit type',
	calculatedsimple: 'a calculated question (formulas with random values) has no Coursekit type',
	calculatedmulti: 'a calculated question (formulas with random values) has no Coursekit type',
	random: 'a random question is drawn from a category; use a quiz draw setting instead',
	randomsamatch: 'a random short-answer matching question has no Coursekit type',
	ddimageortext: 'drag and drop onto an image needs the image; Coursekit questions are text only',
	ddmarker: 'drag markers onto an image needs the image; Coursekit questions are text only'
};

function mapQuestion(type: string, q: Node, meta?: CoursekitMeta): Mapped {
	if (type in UNMAPPABLE) return { unmappable: UNMAPPABLE[type] };
	const dropped: string[] = [];
	const md = (node: unknown): string | undefined => {
		const raw = textOf(node);
		if (!raw.trim()) return undefined;
		const converted = toMarkdown(raw, FORMATS[attr(node, 'format')] ?? 'html');
		dropped.push(...converted.dropped);
		return converted.text;
	};
	const answerTexts = [
		...((q.answer as Node[] | undefined) ?? []),
		...((q.subquestion as Node[] | undefined) ?? [])
	].map(textOf);
	if (
		[textOf(q.questiontext), ...answerTexts].some(hasImage) ||
		(q.questiontext as Node | undefined)?.file
	) {
		return { unmappable: 'it shows an image; Coursekit questions are text only' };
	}
	const prompt = md(q.questiontext) ?? '';
	const answers = (q.answer as Node[] | undefined) ?? [];
	const sourceAnswers = (plain = false) =>
		answers.map((a) => ({
			text: plain ? textOf(a).trim() : (md(a) ?? ''),
			percent: Number(attr(a, 'fraction') || 0),
			feedback: md(a.feedback)
		}));
	let result: Mapped;
	switch (type) {
		case 'multichoice':
			result = choiceQuestion(
				prompt,
				sourceAnswers(),
				/^(true|1)$/i.test(textOf(q.single).trim() || 'true'),
				meta
			);
			break;
		case 'truefalse': {
			const right = answers.find((a) => Number(attr(a, 'fraction')) >= 99.99);
			if (!right) return { unmappable: 'neither true nor false is marked correct' };
			const isTrue = textOf(right).trim().toLowerCase() === 'true';
			const feedback = (value: string) =>
				md(answers.find((a) => textOf(a).trim().toLowerCase() === value)?.feedback);
			result = trueFalseQuestion(prompt, isTrue, {
				general: md(q.generalfeedback),
				onTrue: feedback('true'),
				onFalse: feedback('false')
			});
			break;
		}
		case 'shortanswer':
			result = textQuestion(prompt, sourceAnswers(true), textOf(q.usecase).trim() === '1');
			break;
		case 'match':
		case 'matching':
			result = matchingQuestion(
				prompt,
				((q.subquestion as Node[] | undefined) ?? []).map((s) => ({
					left: md(s) ?? '',
					right: textOf(s.answer).trim()
				})),
				meta
			);
			break;
		case 'ordering':
			result = orderingQuestion(prompt, answers, textOf(q.gradingtype).trim(), md, meta);
			break;
		case 'ddwtos':
		case 'gapselect':
			result = gapQuestion(
				type,
				prompt,
				(q[type === 'ddwtos' ? 'dragbox' : 'selectoption'] as Node[] | undefined) ?? []
			);
			break;
		default:
			return { unmappable: `the Moodle question type "${type}" has no Coursekit type` };
	}
	if ('unmappable' in result) return result;
	if (dropped.length) {
		result.notes.push(
			`links to ${dropped.map((d) => `"${d}"`).join(', ')} were removed (only web links are kept)`
		);
	}
	const general = md(q.generalfeedback);
	if (general && result.question.type !== 'truefalse') result.question.explanation = general;
	return result;
}

/** Moodle's ordering question: answers in order of their `fraction` (1, 2, 3…). */
function orderingQuestion(
	prompt: string,
	answers: Node[],
	grading: string,
	md: (n: unknown) => string | undefined,
	meta?: CoursekitMeta
): Mapped {
	if (answers.length < 2) return { unmappable: 'an ordering question needs at least two items' };
	const items = answers
		.map((a, i) => ({ text: md(a) ?? '', at: Number(attr(a, 'fraction')) || i + 1 }))
		.sort((a, b) => a.at - b.at)
		.map((a, i) => withGivenId(a.text, meta?.itemIds?.[i]));
	const notes: string[] = [];
	if (grading && grading !== 'ABSOLUTE_POSITION') {
		notes.push(
			`the source grades by ${grading}; Coursekit gives the share of items in the right place`
		);
	}
	return { question: { type: 'order', prompt, items }, notes };
}

/**
 * Drag-and-drop or select-missing-words: gap `[[n]]` is filled rightly by choice n. One gap is a
 * single-answer question among its group's choices; several gaps a match of gap to choice.
 */
function gapQuestion(type: string, prompt: string, choices: Node[]): Mapped {
	const texts = choices.map((c) => textOf(c).trim());
	const groups = choices.map((c) => textOf(c.group).trim() || '1');
	const gaps = [...new Set([...prompt.matchAll(/\\?\[\\?\[(\d+)\\?\]\\?\]/g)].map((m) => +m[1]))];
	if (gaps.length === 0 || gaps.some((g) => !texts[g - 1])) {
		return { unmappable: `the ${type} gaps do not match its choices` };
	}
	const blanked = (label: (n: number) => string) =>
		prompt.replace(/\\?\[\\?\[(\d+)\\?\]\\?\]/g, (_, n: string) => label(+n));
	if (gaps.length === 1) {
		const group = groups[gaps[0] - 1];
		const answers = texts
			.map((text, i) => ({ text, percent: i === gaps[0] - 1 ? 100 : 0, group: groups[i] }))
			.filter((a) => a.group === group);
		return choiceQuestion(
			blanked(() => '\\_\\_\\_\\_\\_'),
			answers,
			true
		);
	}
	const correct = new Set(gaps.map((g) => g - 1));
	const result = matchingQuestion(
		blanked((n) => `(${gaps.indexOf(n) + 1}) \\_\\_\\_\\_\\_`),
		[
			...gaps.map((g, i) => ({ left: `(${i + 1})`, right: texts[g - 1] })),
			...[
				...new Set(texts.filter((t, i) => !correct.has(i) && !gaps.some((g) => texts[g - 1] === t)))
			].map((right) => ({ left: '', right }))
		]
	);
	if (!('unmappable' in result)) {
		result.notes.push(`the ${type} gaps became a match question: each numbered gap to its text`);
	}
	return result;
}
