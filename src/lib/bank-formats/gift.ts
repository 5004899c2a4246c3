/**
 * GIFT import (Moodle's text format for question banks), parsed with gift-pegjs one question
 * at a time, so that every question keeps its line and a syntax error names its own.
 */
import { parse, type GIFTQuestion, type TextFormat } from 'gift-pegjs';
import { BankError } from './limits.ts';
import { readMetaComment, type CoursekitMeta } from './meta.ts';
import type { BankItem, BankProblem, ParsedBank } from './model.ts';
import {
	choiceQuestion,
	matchingQuestion,
	textQuestion,
	trueFalseQuestion,
	type Mapped
} from './mapping.ts';
import { hasImage, toMarkdown } from './text.ts';

interface Block {
	/** 1-based line of the block's first line. */
	start: number;
	text: string;
}

/** Questions are separated by blank lines (Moodle's rule); comments stay in for the parser. */
function blocks(text: string): Block[] {
	const out: Block[] = [];
	let current: string[] = [];
	let start = 1;
	text.split(/\r\n?|\n/).forEach((line, i) => {
		if (line.trim() === '') {
			if (current.length) out.push({ start, text: current.join('\n') });
			current = [];
			start = i + 2;
		} else {
			current.push(line);
		}
	});
	if (current.length) out.push({ start, text: current.join('\n') });
	return out;
}

/** Reads a GIFT file; throws BankError (writing nothing) when any part of it is not GIFT. */
export function readGift(file: string, text: string): ParsedBank {
	if (/^\s*<(\?xml|quiz|!)/i.test(text)) {
		throw new BankError(file, 1, 'this is XML, not GIFT: name the file .xml to import Moodle XML');
	}
	const items: BankItem[] = [];
	const skipped: BankProblem[] = [];
	let category: string | undefined;
	for (const block of blocks(text)) {
		const lines = block.text.split('\n');
		const body = lines.findIndex((l) => !l.trim().startsWith('//'));
		if (body === -1) continue;
		const line = block.start + body;
		let meta: CoursekitMeta | undefined;
		const notes: string[] = [];
		for (const comment of lines.slice(0, body)) {
			const read = readMetaComment(comment.trim().slice(2));
			meta = read.meta ?? meta;
			if (read.error) notes.push(read.error);
		}
		let parsed: GIFTQuestion[];
		try {
			parsed = parse(block.text);
		} catch (error) {
			const location = (error as { location?: { start: { line: number; column: number } } })
				.location?.start;
			const at = location ? block.start + location.line - 1 : line;
			throw new BankError(
				file,
				at,
				`not valid GIFT${location ? ` (column ${location.column})` : ''}: ${(error as Error).message}`
			);
		}
		for (const question of parsed) {
			if (question.type === 'Category') {
				category = question.title;
				continue;
			}
			const result = mapGift(question, meta);
			if ('unmappable' in result) {
				skipped.push({ line, message: result.unmappable });
				continue;
			}
			items.push({
				line,
				...(question.title && { title: question.title }),
				...(category && { category }),
				question: result.question,
				notes: [...notes, ...result.notes],
				...(meta && { meta })
			});
		}
	}
	return { file, format: 'gift', items, skipped, notes: [] };
}

const KIND: Record<string, string> = {
	Description: 'a description (text without answers) is not a question',
	Essay: 'an essay question needs a person to grade it; Coursekit grades automatically',
	Numerical: 'a numerical question (a number within a tolerance) has no Coursekit type'
};

function mapGift(question: Exclude<GIFTQuestion, { type: 'Category' }>, meta?: CoursekitMeta) {
	if (
		question.type === 'Description' ||
		question.type === 'Essay' ||
		question.type === 'Numerical'
	) {
		return { unmappable: KIND[question.type] };
	}
	const texts = [question.stem.text, JSON.stringify(question)];
	if (texts.some(hasImage))
		return { unmappable: 'it shows an image; Coursekit questions are text only' };
	const dropped: string[] = [];
	const md = (t: TextFormat | null | undefined): string | undefined => {
		if (!t || !t.text.trim()) return undefined;
		const converted = toMarkdown(unescapeGift(t.text), t.format);
		dropped.push(...converted.dropped);
		return converted.text;
	};
	const prompt = md(question.stem) ?? '';
	const general = md(question.globalFeedback);
	let result: Mapped;
	switch (question.type) {
		case 'MC':
			result = choiceQuestion(
				prompt,
				question.choices.map((c) => ({
					text: md(c.text) ?? '',
					percent: c.weight ?? (c.isCorrect ? 100 : 0),
					feedback: md(c.feedback)
				})),
				question.choices.some((c) => c.isCorrect),
				meta
			);
			break;
		case 'Short':
			result = textQuestion(
				prompt,
				question.choices.map((c) => ({
					text: unescapeGift(c.text.text).trim(),
					percent: c.weight ?? 100,
					feedback: md(c.feedback)
				}))
			);
			break;
		case 'TF':
			result = trueFalseQuestion(prompt, question.isTrue, {
				general,
				onTrue: md(question.trueFeedback),
				onFalse: md(question.falseFeedback)
			});
			break;
		case 'Matching':
			result = matchingQuestion(
				prompt,
				question.matchPairs.map((p) => ({
					left: md(p.subquestion) ?? '',
					right: unescapeGift(p.subanswer).trim()
				})),
				meta
			);
			break;
	}
	if ('unmappable' in result) return result;
	if (dropped.length) {
		result.notes.push(
			`links to ${dropped.map((d) => `"${d}"`).join(', ')} were removed (only web links are kept)`
		);
	}
	if (general && result.question.type !== 'truefalse') result.question.explanation = general;
	return result;
}

/** gift-pegjs leaves its own markers for escaped braces in matching answers: `&&123;` is `{`. */
function unescapeGift(text: string): string {
	return text.replace(/&&(\d{2,3});/g, (_, code: string) => String.fromCharCode(+code));
}
