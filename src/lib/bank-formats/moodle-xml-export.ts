/**
 * Moodle XML export, in the structure Moodle's own "Moodle XML" import reads
 * (docs.moodle.org/en/Moodle_XML_format). Texts are markdown (`format="markdown"`), as authored.
 */
import type { Question } from '../content/schema.ts';
import { xmlText } from '../xml.ts';
import { classifyCategories, orderItems } from '../quiz/choices.ts';
import { metaComment, metaOf } from './meta.ts';
import {
	AS_MATCHING,
	percent,
	topicTitle,
	type ExportInput,
	type ExportNote
} from './export-model.ts';

const md = (tag: string, text: string, attrs = '') =>
	`<${tag}${attrs} format="markdown"><text>${xmlText(text)}</text></${tag}>`;

/** The Moodle XML document of the quizzes, and notes on how each type was exported. */
export function exportMoodleXml({ course, quizzes }: ExportInput): {
	text: string;
	notes: ExportNote[];
} {
	const notes: ExportNote[] = [];
	const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
	for (const quiz of quizzes) {
		let category = '';
		for (const question of quiz.questions) {
			const path = ['$course$/top', course.title, quiz.title, topicTitle(course, question)]
				.map((p, i) => (i ? p.replace(/\//g, '//') : p))
				.join('/');
			if (path !== category) {
				out.push(
					'  <question type="category">',
					`    <category><text>${xmlText(path)}</text></category>`,
					'  </question>'
				);
				category = path;
			}
			const note = (message: string) =>
				notes.push({ quizId: quiz.id, questionId: question.id, message });
			out.push(questionXml(question, note));
		}
	}
	out.push('</quiz>', '');
	return { text: out.join('\n'), notes };
}

const MOODLE_TYPE: Record<Question['type'], string> = {
	single: 'multichoice',
	multiple: 'multichoice',
	truefalse: 'truefalse',
	text: 'shortanswer',
	match: 'matching',
	order: 'ordering',
	classify: 'matching'
};

function questionXml(question: Question, note: (message: string) => void): string {
	const lines = [
		`<!-- ${metaComment(metaOf(question), { xml: true })} -->`,
		`<name><text>${xmlText(question.id)}</text></name>`,
		md('questiontext', question.prompt),
		md('generalfeedback', question.explanation),
		'<defaultgrade>1</defaultgrade>',
		'<penalty>0</penalty>',
		'<hidden>0</hidden>',
		`<idnumber>${xmlText(question.id)}</idnumber>`,
		...body(question, note)
	];
	return [
		`  <question type="${MOODLE_TYPE[question.type]}">`,
		...lines.map((l) => `    ${l}`),
		'  </question>'
	].join('\n');
}

const answer = (fraction: string, text: string, feedback?: string) =>
	`<answer fraction="${fraction}" format="markdown"><text>${xmlText(text)}</text>` +
	(feedback ? md('feedback', feedback) : '<feedback format="markdown"><text></text></feedback>') +
	'</answer>';

const subquestion = (left: string, right: string) =>
	`<subquestion format="markdown"><text>${xmlText(left)}</text><answer><text>${xmlText(right)}</text></answer></subquestion>`;

function body(question: Question, note: (message: string) => void): string[] {
	switch (question.type) {
		case 'single':
			return [
				'<single>true</single>',
				'<shuffleanswers>true</shuffleanswers>',
				'<answernumbering>abc</answernumbering>',
				...question.options.map((o) => answer(o.correct ? '100' : '0', o.text, o.feedback))
			];
		case 'multiple': {
			const k = question.options.filter((o) => o.correct).length;
			if (k > 10)
				note(
					`${k} right answers: Moodle's grade list stops at 10% steps, so check the weights after import`
				);
			const share = percent(100 / k);
			return [
				'<single>false</single>',
				'<shuffleanswers>true</shuffleanswers>',
				'<answernumbering>abc</answernumbering>',
				...question.options.map((o) => answer(o.correct ? share : `-${share}`, o.text, o.feedback))
			];
		}
		case 'truefalse':
			return [
				`<answer fraction="${question.answer ? 100 : 0}" format="moodle_auto_format"><text>true</text><feedback><text></text></feedback></answer>`,
				`<answer fraction="${question.answer ? 0 : 100}" format="moodle_auto_format"><text>false</text><feedback><text></text></feedback></answer>`
			];
		case 'text':
			if (question.match === 'strict') {
				note('strict: Moodle compares case (usecase 1) but, unlike Coursekit, not punctuation');
			} else {
				note(
					'Moodle compares short answers ignoring case but not spaces or punctuation; Coursekit ignores all three'
				);
			}
			if (question.match === 'ignore-accents') note('Moodle does not ignore accents');
			return [
				`<usecase>${question.match === 'strict' ? 1 : 0}</usecase>`,
				...question.answers.map((a) => answer('100', a))
			];
		case 'match':
			if (question.pairs.length + (question.distractors?.length ?? 0) < 3) {
				note(
					"Moodle's editing form asks for three answers; add a distractor before editing it there"
				);
			}
			return [
				'<shuffleanswers>true</shuffleanswers>',
				...question.pairs.map((p) => subquestion(p.left, p.right)),
				...(question.distractors ?? []).map((d) => subquestion('', d))
			];
		case 'order':
			return [
				'<layouttype>VERTICAL</layouttype>',
				'<selecttype>ALL</selecttype>',
				'<selectcount>0</selectcount>',
				'<gradingtype>ABSOLUTE_POSITION</gradingtype>',
				'<showgrading>SHOW</showgrading>',
				'<numberingstyle>none</numberingstyle>',
				...orderItems(question).map(
					(item, i) =>
						`<answer fraction="${i + 1}" format="markdown"><text>${xmlText(item.text)}</text></answer>`
				)
			];
		case 'classify': {
			note(AS_MATCHING.classify);
			const used = new Set(question.items.map((i) => i.category));
			return [
				'<shuffleanswers>true</shuffleanswers>',
				...question.items.map((i) => subquestion(i.text, i.category)),
				...classifyCategories(question)
					.filter((c) => !used.has(c.text))
					.map((c) => subquestion('', c.text))
			];
		}
	}
}
