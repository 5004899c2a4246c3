/**
 * GIFT export, in the form Moodle's GIFT import reads (docs.moodle.org/en/GIFT_format):
 * `$CATEGORY:` per topic, `::id::[markdown]prompt{…}`, general feedback after `####`.
 */
import type { Question } from '../content/schema.ts';
import { classifyCategories, orderItems } from '../quiz/choices.ts';
import { metaComment, metaOf } from './meta.ts';
import {
	AS_MATCHING,
	percent,
	topicTitle,
	type ExportInput,
	type ExportNote
} from './export-model.ts';

/** Escapes GIFT's special characters and writes line breaks as `\n`. */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, '\\$&').replace(/\r?\n/g, '\\n');
}

/** A category path part: Moodle reads "/" as a separator, "//" as a slash. */
const categoryPart = (text: string) => text.replace(/\//g, '//').replace(/\r?\n/g, ' ');

/** The GIFT text of the quizzes, and notes on what GIFT cannot say as Coursekit does. */
export function exportGift({ course, quizzes }: ExportInput): {
	text: string;
	notes: ExportNote[];
} {
	const notes: ExportNote[] = [];
	const out: string[] = [
		`// ${course.title}: exported by Coursekit for Moodle's GIFT import.`,
		'// "coursekit:" comments keep what GIFT has no field for; Moodle ignores them.',
		''
	];
	for (const quiz of quizzes) {
		let category = '';
		for (const question of quiz.questions) {
			const path = ['$course$/top', course.title, quiz.title, topicTitle(course, question)]
				.map((p, i) => (i ? categoryPart(p) : p))
				.join('/');
			if (path !== category) {
				out.push(`$CATEGORY: ${path}`, '');
				category = path;
			}
			const note = (message: string) =>
				notes.push({ quizId: quiz.id, questionId: question.id, message });
			out.push(`// ${metaComment(metaOf(question))}`, questionGift(question, note), '');
		}
	}
	return { text: out.join('\n'), notes };
}

function questionGift(question: Question, note: (message: string) => void): string {
	const head = `::${question.id}::[markdown]${escapeGift(question.prompt)}`;
	const feedback = `####${escapeGift(question.explanation)}`;
	const lines = (answers: string[]) =>
		`${head} {\n${[...answers, feedback].map((a) => `\t${a}`).join('\n')}\n}`;
	const fb = (text?: string) => (text ? `#${escapeGift(text)}` : '');
	switch (question.type) {
		case 'single':
			return lines(
				question.options.map(
					(o) => `${o.correct ? '=' : '~'}${escapeGift(o.text)}${fb(o.feedback)}`
				)
			);
		case 'multiple': {
			const k = question.options.filter((o) => o.correct).length;
			if (k > 10) {
				note(
					`${k} right answers: Moodle's grade list stops at 10% steps, so check the weights after import`
				);
			}
			const share = percent(100 / k);
			return lines(
				question.options.map(
					(o) => `~%${o.correct ? '' : '-'}${share}%${escapeGift(o.text)}${fb(o.feedback)}`
				)
			);
		}
		case 'truefalse':
			return lines([question.answer ? 'TRUE' : 'FALSE']);
		case 'text':
			if (question.match) {
				note(`GIFT has no "${question.match}" matching: Moodle will ignore case only`);
			}
			return lines(question.answers.map((a) => `=${escapeGift(a)}`));
		case 'match': {
			const pairs = question.pairs.map((p) => [p.left, p.right]);
			if (pairs.flat().some((t) => t.includes('->'))) {
				note('a text holds "->", which GIFT reads as the matching arrow: check it after import');
			}
			return lines([
				...pairs.map(([l, r]) => `=${escapeGift(l)} -> ${escapeGift(r)}`),
				...(question.distractors ?? []).map((d) => `= -> ${escapeGift(d)}`)
			]);
		}
		case 'order':
			note(AS_MATCHING.order);
			return lines(orderItems(question).map((item, i) => `=${escapeGift(item.text)} -> ${i + 1}`));
		case 'classify': {
			note(AS_MATCHING.classify);
			const used = new Set(question.items.map((i) => i.category));
			return lines([
				...question.items.map((i) => `=${escapeGift(i.text)} -> ${escapeGift(i.category)}`),
				...classifyCategories(question)
					.filter((c) => !used.has(c.text))
					.map((c) => `= -> ${escapeGift(c.text)}`)
			]);
		}
	}
}
