import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadCourses } from '../content/load.ts';
import { exportQti3 } from './qti3.ts';
import { contentOf } from './testing.ts';

const course = loadCourses(contentOf()).courses.find((c) => c.id === 'ai-frameworks')!;
const quizzes = [...course.quizzes.values()];
const questions = quizzes.flatMap((q) => q.questions);
const pkg = exportQti3({ course, quizzes });
const files = Object.fromEntries(
	Object.entries(unzipSync(pkg.zip)).map(([p, b]) => [p, strFromU8(b)])
);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

describe('QTI 3 package of the shipped course', () => {
	it('zips a manifest listing one item resource per question, each file present', () => {
		const manifest = parser.parse(files['imsmanifest.xml']).manifest;
		const resources = [manifest.resources.resource].flat();
		expect(resources).toHaveLength(questions.length);
		for (const resource of resources) {
			expect(resource.type).toBe('imsqti_item_xmlv3p0');
			expect(files[resource.href]).toBeDefined();
		}
	});

	it('writes well-formed items with a response declaration, an interaction and response processing', () => {
		const interactions = new Set<string>();
		for (const question of questions) {
			const xml = Object.entries(files).find(([p]) => p.endsWith(`/${question.id}.xml`))![1];
			expect(XMLValidator.validate(xml)).toBe(true);
			const item = parser.parse(xml)['qti-assessment-item'];
			expect(item['qti-response-declaration'].identifier).toBe('RESPONSE');
			expect(item['qti-response-processing']).toBeDefined();
			const body = item['qti-item-body'];
			const kind =
				Object.keys(body).find((k) => k.endsWith('-interaction')) ?? 'qti-text-entry-interaction';
			interactions.add(kind);
		}
		expect([...interactions].sort()).toEqual([
			'qti-choice-interaction',
			'qti-match-interaction',
			'qti-order-interaction',
			'qti-text-entry-interaction'
		]);
	});

	it('maps a multiple-answer question as Coursekit scores it: +1/k right, −1/k wrong, floored at 0', () => {
		const multiple = questions.find((q) => q.type === 'multiple')!;
		if (multiple.type !== 'multiple') throw new Error('unreachable');
		const xml = Object.entries(files).find(([p]) => p.endsWith(`/${multiple.id}.xml`))![1];
		const mapping =
			parser.parse(xml)['qti-assessment-item']['qti-response-declaration']['qti-mapping'];
		const k = multiple.options.filter((o) => o.correct).length;
		expect(mapping['lower-bound']).toBe('0');
		const values = [mapping['qti-map-entry']]
			.flat()
			.map((e: { 'mapped-value': string }) => Number(e['mapped-value']));
		expect(values).toEqual(
			multiple.options.map((o) => (o.correct ? 1 : -1) / k).map((v) => Number(v.toPrecision(12)))
		);
	});
});
