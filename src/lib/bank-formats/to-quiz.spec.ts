import { describe, expect, it } from 'vitest';
import { loadCourses } from '../content/load.ts';
import { renderInline } from '../content/markdown.ts';
import { listDrafts } from './drafts.ts';
import { runImport } from './cli.ts';
import { decodeBank, MAX_BANK_BYTES } from './limits.ts';
import { bankFixture, contentOf } from './testing.ts';

const tiny = contentOf('tiny-course');
const load = (writes: Record<string, string>) => loadCourses({ ...tiny, ...writes });

describe('importing a bank into a course', () => {
	it('writes a quiz that loads, lists it in course.yaml and adds topics from categories', () => {
		const { writes, report, lines } = runImport(
			tiny,
			'moodle-docs.gift',
			bankFixture('moodle-docs.gift'),
			{
				courseId: 'tiny',
				quizId: 'from-gift',
				lessonId: 'shapes'
			}
		);
		const { courses, errors } = load(writes);
		expect(errors).toEqual([]);
		const course = courses[0];
		expect(course.quizzes.get('from-gift')!.questions).toHaveLength(9);
		expect(report.newTopics).toEqual(['geography', 'history']);
		expect(course.modules[0].items).toEqual([
			{ lesson: 'colours' },
			{ lesson: 'shapes' },
			{ quiz: 'from-gift' },
			{ quiz: 'basics-quiz' }
		]);
		expect(lines).toContain(
			'moodle-docs.gift:58: a numerical question (a number within a tolerance) has no Coursekit type'
		);
	});

	it('marks what the bank lacks with TODO:, which content:check then lists', () => {
		const { writes, report } = runImport(tiny, 'kahoot.csv', bankFixture('kahoot.csv'), {
			courseId: 'tiny',
			quizId: 'kahoot'
		});
		expect(load(writes).errors).toEqual([]);
		// Four questions, each without explanation, source or category.
		expect(report.todo).toHaveLength(12);
		const drafts = listDrafts(writes).filter((d) => d.file.endsWith('kahoot.yaml'));
		expect(drafts.map((d) => d.text.split(':')[0])).toEqual(
			Array.from({ length: 4 }, () => ['topic', 'source', 'explanation']).flat()
		);
	});

	it('imports a bank in another script into a course in another script', () => {
		const world = contentOf('world-course');
		const gift =
			'$CATEGORY: $course$/top/Города\n\n::Столица::Столица России? {=Москва ~Казань ~Токио}\n\n::東京::東京は日本の首都です。{T}\n';
		const { writes, report } = runImport(world, 'мир.gift', new TextEncoder().encode(gift), {
			courseId: 'world',
			quizId: 'imported'
		});
		expect(load({}).errors).toEqual([]);
		const { courses, errors } = loadCourses({ ...world, ...writes });
		expect(errors).toEqual([]);
		const quiz = courses[0].quizzes.get('imported')!;
		expect(quiz.questions.map((q) => q.prompt)).toEqual([
			'Столица России?',
			'東京は日本の首都です。'
		]);
		expect(courses[0].topics.at(-1)).toEqual({ id: 'topic-1', title: 'Города' });
		expect(report.imported).toBe(2);
	});

	it('refuses a file over the size cap, a binary file, and a course that does not exist', () => {
		expect(() => decodeBank('big.gift', new Uint8Array(MAX_BANK_BYTES + 1))).toThrow(
			/at most 10 MB/
		);
		expect(() => decodeBank('x.gift', new Uint8Array([0xff, 0xfe, 0x00]))).toThrow(/not UTF-8/);
		expect(() =>
			runImport(tiny, 'q.gift', bankFixture('moodle-docs.gift'), { courseId: 'nope', quizId: 'q' })
		).toThrow(/no course "nope"/);
	});

	it('refuses to import over a quiz unless asked, and then replaces it', () => {
		const options = { courseId: 'tiny', quizId: 'kahoot' };
		const first = runImport(tiny, 'k.csv', bankFixture('kahoot.csv'), options).writes;
		const content = { ...tiny, ...first };
		expect(() => runImport(content, 'k.csv', bankFixture('kahoot.csv'), options)).toThrow(
			/exists; pass --replace/
		);
		const { writes } = runImport(content, 'c.csv', bankFixture('coursekit-columns.csv'), {
			...options,
			replace: true
		});
		const quiz = loadCourses({ ...content, ...writes }).courses[0].quizzes.get('kahoot')!;
		expect(quiz.questions.map((q) => q.id)).toEqual(['red-hex', 'spectrum', 'corners']);
	});

	it('refuses to replace a quiz whose questions a lesson embeds, saying which', () => {
		const options = { courseId: 'tiny', quizId: 'basics-quiz', replace: true };
		expect(() => runImport(tiny, 'k.csv', bankFixture('kahoot.csv'), options)).toThrow(
			/no question "orange-mix" to embed/
		);
	});

	it('refuses a bank of which nothing can be imported', () => {
		const bytes = new TextEncoder().encode('Just a paragraph of prose, not a question bank.\n');
		expect(() =>
			runImport(tiny, 'prose.txt', bytes, { courseId: 'tiny', quizId: 'prose' })
		).toThrow(/no question in the file could be imported/);
	});

	it('keeps hostile text as inert text in the quiz file', () => {
		const { writes } = runImport(tiny, 'moodle-docs.xml', bankFixture('moodle-docs.xml'), {
			courseId: 'tiny',
			quizId: 'xml'
		});
		const { courses, errors } = load(writes);
		expect(errors).toEqual([]);
		const hostile = courses[0].quizzes.get('xml')!.questions.find((q) => q.id === 'hostile')!;
		const html = [
			hostile.prompt,
			...(hostile.type === 'single' ? hostile.options.map((o) => o.text) : [])
		]
			.map(renderInline)
			.join('');
		expect(html).not.toMatch(/<script|javascript:|onclick/);
		expect(html).toContain('&lt;script&gt;');
	});
});
