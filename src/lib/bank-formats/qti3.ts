/**
 * QTI 3 export: one `qti-assessment-item` per question, each with its response declaration and
 * response processing (the match_correct / map_response rules, written out so that they also
 * show the explanation), listed in an IMS content package manifest and zipped.
 */
import { strToU8, zipSync } from 'fflate';
import type { Question } from '../content/schema.ts';
import { renderInline, renderMarkdown } from '../content/markdown.ts';
import {
	classifyCategories,
	classifyKey,
	classifyItems,
	matchKey,
	matchLefts,
	matchRights,
	orderItems
} from '../quiz/choices.ts';
import { xmlText } from '../xml.ts';
import { type ExportInput, type ExportNote } from './export-model.ts';

const NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const SCHEMA = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd';

/** Inline markdown as XHTML (void elements closed). */
const html = (markdown: string) => renderInline(markdown).replace(/<(br|hr)>/g, '<$1/>');
const block = (markdown: string) => renderMarkdown(markdown).html.replace(/<(br|hr)>/g, '<$1/>');

const value = (v: string | number) => `<qti-value>${xmlText(String(v))}</qti-value>`;
/** A score as QTI reads it, without the float noise of 1/3. */
const num = (n: number) => String(Number(n.toPrecision(12)));
const float = (n: number) => `<qti-base-value base-type="float">${num(n)}</qti-base-value>`;

/** A QTI identifier for the n-th choice: Coursekit ids may start with a digit, QTI's may not. */
const choiceIdentifier = (n: number) => `C${n + 1}`;

interface Parts {
	declaration: string;
	interaction: string;
	/** Rules that set SCORE. */
	scoring: string;
}

export interface Qti3Package {
	files: Record<string, string>;
	zip: Uint8Array;
	notes: ExportNote[];
}

/** The package of the quizzes' questions: `imsmanifest.xml` and `items/<quiz>/<id>.xml`. */
export function exportQti3({ course, quizzes }: ExportInput): Qti3Package {
	const notes: ExportNote[] = [];
	const files: Record<string, string> = {};
	const resources: string[] = [];
	for (const quiz of quizzes) {
		for (const question of quiz.questions) {
			const note = (message: string) =>
				notes.push({ quizId: quiz.id, questionId: question.id, message });
			const href = `items/${quiz.id}/${question.id}.xml`;
			const identifier = `item-${quiz.id}-${question.id}`;
			files[href] = itemXml(identifier, question, note);
			resources.push(
				`    <resource identifier="${identifier}" type="imsqti_item_xmlv3p0" href="${href}">\n      <file href="${href}"/>\n    </resource>`
			);
		}
	}
	files['imsmanifest.xml'] = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="coursekit-${xmlText(course.id)}">`,
		'  <metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>',
		'  <organizations/>',
		'  <resources>',
		...resources,
		'  </resources>',
		'</manifest>',
		''
	].join('\n');
	const zip = zipSync(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, strToU8(t)])));
	return { files, zip, notes };
}

function itemXml(identifier: string, question: Question, note: (m: string) => void): string {
	const parts = partsOf(question, note);
	if (
		(question.type === 'single' || question.type === 'multiple') &&
		question.options.some((o) => o.feedback)
	) {
		note('option feedback is not exported to QTI; the explanation is');
	}
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<qti-assessment-item xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NS} ${SCHEMA}" identifier="${identifier}" title="${xmlText(question.id)}" adaptive="false" time-dependent="false">`,
		parts.declaration,
		'  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value>' +
			value(0) +
			'</qti-default-value></qti-outcome-declaration>',
		'  <qti-outcome-declaration identifier="MAXSCORE" cardinality="single" base-type="float"><qti-default-value>' +
			value(1) +
			'</qti-default-value></qti-outcome-declaration>',
		'  <qti-outcome-declaration identifier="FEEDBACK" cardinality="single" base-type="identifier"/>',
		'  <qti-item-body>',
		parts.interaction,
		'  </qti-item-body>',
		'  <qti-response-processing>',
		parts.scoring,
		'    <qti-set-outcome-value identifier="FEEDBACK"><qti-base-value base-type="identifier">EXPLANATION</qti-base-value></qti-set-outcome-value>',
		'  </qti-response-processing>',
		`  <qti-modal-feedback outcome-identifier="FEEDBACK" identifier="EXPLANATION" show-hide="show"><qti-content-body>${block(question.explanation)}</qti-content-body></qti-modal-feedback>`,
		'</qti-assessment-item>',
		''
	].join('\n');
}

/** SCORE = 1 when the response is the correct one (the match_correct rule). */
const matchCorrect = `    <qti-response-condition><qti-response-if><qti-match><qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-match><qti-set-outcome-value identifier="SCORE">${float(1)}</qti-set-outcome-value></qti-response-if></qti-response-condition>`;

/** SCORE = the mapped response, when there is one (the map_response rule). */
const mapResponse = `    <qti-response-condition><qti-response-if><qti-is-null><qti-variable identifier="RESPONSE"/></qti-is-null><qti-set-outcome-value identifier="SCORE">${float(0)}</qti-set-outcome-value></qti-response-if><qti-response-else><qti-set-outcome-value identifier="SCORE"><qti-map-response identifier="RESPONSE"/></qti-set-outcome-value></qti-response-else></qti-response-condition>`;

function declaration(
	cardinality: string,
	baseType: string,
	correct: string[],
	mapping?: { key: string; value: number }[],
	extra = ''
): string {
	const map = mapping
		? `<qti-mapping default-value="0" lower-bound="0" upper-bound="1"${extra}>${mapping
				.map((m) => `<qti-map-entry map-key="${xmlText(m.key)}" mapped-value="${num(m.value)}"/>`)
				.join('')}</qti-mapping>`
		: '';
	return `  <qti-response-declaration identifier="RESPONSE" cardinality="${cardinality}" base-type="${baseType}"><qti-correct-response>${correct.map(value).join('')}</qti-correct-response>${map}</qti-response-declaration>`;
}

const prompt = (question: Question) => `<qti-prompt>${html(question.prompt)}</qti-prompt>`;

function partsOf(question: Question, note: (m: string) => void): Parts {
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const ids = question.options.map((_, i) => choiceIdentifier(i));
			const correct = ids.filter((_, i) => question.options[i].correct);
			const choices = question.options.map(
				(o, i) =>
					`      <qti-simple-choice identifier="${ids[i]}">${html(o.text)}</qti-simple-choice>`
			);
			const single = question.type === 'single';
			const k = correct.length;
			return {
				declaration: single
					? declaration('single', 'identifier', correct)
					: declaration(
							'multiple',
							'identifier',
							correct,
							ids.map((id, i) => ({ key: id, value: (question.options[i].correct ? 1 : -1) / k }))
						),
				interaction: [
					`    <qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="${single ? 1 : 0}">`,
					`      ${prompt(question)}`,
					...choices,
					'    </qti-choice-interaction>'
				].join('\n'),
				scoring: single ? matchCorrect : mapResponse
			};
		}
		case 'truefalse':
			note('exported as a choice between "True" and "False"');
			return {
				declaration: declaration('single', 'identifier', [question.answer ? 'TRUE' : 'FALSE']),
				interaction: [
					`    <qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="1">`,
					`      ${prompt(question)}`,
					'      <qti-simple-choice identifier="TRUE">True</qti-simple-choice>',
					'      <qti-simple-choice identifier="FALSE">False</qti-simple-choice>',
					'    </qti-choice-interaction>'
				].join('\n'),
				scoring: matchCorrect
			};
		case 'text':
			note(
				question.match === 'strict'
					? 'strict: QTI compares the text with case, as Coursekit does'
					: 'QTI compares the typed text ignoring case only; Coursekit also ignores spaces and punctuation'
			);
			return {
				declaration: declaration(
					'single',
					'string',
					[question.answers[0]],
					question.answers.map((a) => ({ key: a, value: 1 }))
				).replace(
					/<qti-map-entry /g,
					`<qti-map-entry case-sensitive="${question.match === 'strict'}" `
				),
				interaction: `    <p>${html(question.prompt)}</p>\n    <p><qti-text-entry-interaction response-identifier="RESPONSE" expected-length="${Math.max(...question.answers.map((a) => a.length))}"/></p>`,
				scoring: mapResponse
			};
		case 'match':
		case 'classify': {
			const isMatch = question.type === 'match';
			const sources = isMatch ? matchLefts(question) : classifyItems(question);
			const targets = isMatch ? matchRights(question) : classifyCategories(question);
			const key = isMatch ? matchKey(question) : classifyKey(question);
			const s = (id: string) => `S${sources.findIndex((c) => c.id === id) + 1}`;
			const t = (id: string) => `T${targets.findIndex((c) => c.id === id) + 1}`;
			const pairs = key.map(([left, right]) => `${s(left)} ${t(right)}`);
			return {
				declaration: declaration(
					'multiple',
					'directedPair',
					pairs,
					pairs.map((p) => ({ key: p, value: 1 / pairs.length }))
				),
				interaction: [
					`    <qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="${sources.length}">`,
					`      ${prompt(question)}`,
					'      <qti-simple-match-set>',
					...sources.map(
						(c, i) =>
							`        <qti-simple-associable-choice identifier="S${i + 1}" match-max="1">${html(c.text)}</qti-simple-associable-choice>`
					),
					'      </qti-simple-match-set>',
					'      <qti-simple-match-set>',
					...targets.map(
						(c, i) =>
							`        <qti-simple-associable-choice identifier="T${i + 1}" match-max="${sources.length}">${html(c.text)}</qti-simple-associable-choice>`
					),
					'      </qti-simple-match-set>',
					'    </qti-match-interaction>'
				].join('\n'),
				scoring: mapResponse
			};
		}
		case 'order': {
			const items = orderItems(question);
			const ids = items.map((_, i) => choiceIdentifier(i));
			// The share of items in their place, as Coursekit scores it; the templates have only all-or-nothing.
			const each = items.length;
			const rules = ids.map(
				(id, i) =>
					`    <qti-response-condition><qti-response-if><qti-match><qti-index n="${i + 1}"><qti-variable identifier="RESPONSE"/></qti-index><qti-base-value base-type="identifier">${id}</qti-base-value></qti-match><qti-set-outcome-value identifier="SCORE"><qti-sum><qti-variable identifier="SCORE"/>${float(1 / each)}</qti-sum></qti-set-outcome-value></qti-response-if></qti-response-condition>`
			);
			return {
				declaration: declaration('ordered', 'identifier', ids),
				interaction: [
					`    <qti-order-interaction response-identifier="RESPONSE" shuffle="true">`,
					`      ${prompt(question)}`,
					...items.map(
						(item, i) =>
							`      <qti-simple-choice identifier="${ids[i]}">${html(item.text)}</qti-simple-choice>`
					),
					'    </qti-order-interaction>'
				].join('\n'),
				scoring: `    <qti-response-condition><qti-response-if><qti-is-null><qti-variable identifier="RESPONSE"/></qti-is-null><qti-set-outcome-value identifier="SCORE">${float(0)}</qti-set-outcome-value></qti-response-if></qti-response-condition>\n${rules.join('\n')}`
			};
		}
	}
}
