import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { packageManifest, type PackageFormat, type PackageInfo } from './manifest.ts';

const INFO: PackageInfo = {
	id: 'ai-frameworks',
	title: 'AI Frameworks: <TensorFlow> & "PyTorch"',
	launch: 'courses/ai-frameworks.html',
	files: [
		'index.html',
		'courses/ai-frameworks.html',
		'_app/immutable/entry/app.js',
		'courses/ai-frameworks/lessons/уроки и тесты.html'
	],
	passMark: 70,
	iri: 'https://coursekit.example/courses/ai-frameworks'
};

// An independent reader: fast-xml-parser, attributes kept, arrays where the formats repeat.
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseTagValue: false,
	isArray: (name) => name === 'file'
});

function read(format: PackageFormat, info = INFO) {
	const { name, text } = packageManifest(format, info);
	expect(XMLValidator.validate(text)).toBe(true);
	return { name, xml: parser.parse(text) };
}

/** `xs:ID`: a letter or `_` first, then letters, digits, `.`, `-`, `_`. */
const XS_ID = /^[A-Za-z_][A-Za-z0-9._-]*$/;

describe('the SCORM manifests', () => {
	for (const [format, version, typeAttribute] of [
		['scorm12', '1.2', '@adlcp:scormtype'],
		['scorm2004', '2004 4th Edition', '@adlcp:scormType']
	] as const) {
		it(`${format}: imsmanifest.xml names one SCO that launches the course page`, () => {
			const { name, xml } = read(format);
			expect(name).toBe('imsmanifest.xml');
			const manifest = xml.manifest;
			expect(manifest.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: version });
			const organization = manifest.organizations.organization;
			expect(manifest.organizations['@default']).toBe(organization['@identifier']);
			expect(organization.title).toBe('AI Frameworks: <TensorFlow> & "PyTorch"');
			const resource = manifest.resources.resource;
			expect(organization.item['@identifierref']).toBe(resource['@identifier']);
			expect(resource['@type']).toBe('webcontent');
			expect(resource[typeAttribute]).toBe('sco');
			expect(resource['@href']).toBe('courses/ai-frameworks.html');
			const ids = [
				manifest['@identifier'],
				organization['@identifier'],
				organization.item['@identifier'],
				resource['@identifier']
			];
			for (const id of ids) expect(id).toMatch(XS_ID);
			expect(new Set(ids.slice(1)).size).toBe(3);
		});

		it(`${format}: lists every file by a relative, encoded path`, () => {
			const files = read(format).xml.manifest.resources.resource.file.map(
				(f: Record<string, string>) => f['@href']
			);
			expect(files).toHaveLength(INFO.files.length);
			expect(files).toContain(
				'courses/ai-frameworks/lessons/%D1%83%D1%80%D0%BE%D0%BA%D0%B8%20%D0%B8%20%D1%82%D0%B5%D1%81%D1%82%D1%8B.html'
			);
			for (const href of files) expect(href).not.toMatch(/^\/|^[a-z]+:/i);
		});
	}

	it('scorm12: the pass mark is the mastery score, 0–100', () => {
		expect(read('scorm12').xml.manifest.organizations.organization.item['adlcp:masteryscore']).toBe(
			'70'
		);
	});

	it('scorm2004: the pass mark is the primary objective’s minimum measure, 0–1', () => {
		const item = read('scorm2004').xml.manifest.organizations.organization.item;
		const objective = item['imsss:sequencing']['imsss:objectives']['imsss:primaryObjective'];
		expect(objective['@satisfiedByMeasure']).toBe('true');
		expect(Number(objective['imsss:minNormalizedMeasure'])).toBe(0.7);
	});

	it('refuses absolute paths and a launch page that is not in the package', () => {
		expect(() => packageManifest('scorm12', { ...INFO, files: ['/etc/passwd'] })).toThrow(
			/relative/
		);
		expect(() =>
			packageManifest('scorm12', { ...INFO, files: ['https://x.example/a.js', INFO.launch] })
		).toThrow(/relative/);
		expect(() => packageManifest('scorm12', { ...INFO, files: ['index.html'] })).toThrow(
			/launch page/
		);
	});
});

describe('the cmi5 course structure', () => {
	it('cmi5.xml has the course and one AU with its url and moveOn', () => {
		const { name, xml } = read('cmi5');
		expect(name).toBe('cmi5.xml');
		const structure = xml.courseStructure;
		expect(structure['@xmlns']).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
		expect(structure.course['@id']).toBe(INFO.iri);
		expect(structure.au.url).toBe('courses/ai-frameworks.html');
		expect(structure.au['@moveOn']).toBe('CompletedAndPassed');
		// Passed is every quiz passing, judged by the AU: a mastery score would overrule it.
		expect(structure.au['@masteryScore']).toBeUndefined();
		expect(structure.au.title.langstring['#text']).toBe('AI Frameworks: <TensorFlow> & "PyTorch"');
	});

	it('moves on when completed for a package without quizzes, with no mastery score', () => {
		const au = read('cmi5', { ...INFO, passMark: undefined }).xml.courseStructure.au;
		expect(au['@moveOn']).toBe('Completed');
		expect(au['@masteryScore']).toBeUndefined();
	});
});
