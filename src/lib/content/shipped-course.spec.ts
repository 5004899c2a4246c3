import { describe, expect, it } from 'vitest';
import { loadCourses } from './load.ts';
import { readContentFiles } from './read-dir.ts';
import { QUESTION_TYPES } from './schema.ts';

const { courses, errors } = loadCourses(readContentFiles('.'));
const course = courses.find((c) => c.id === 'ai-frameworks')!;
const questions = [...(course?.quizzes.values() ?? [])].flatMap((quiz) => quiz.questions);

/** The article's comparison table: feature → lesson section, and the key words of each cell. */
const TABLE = {
	'ease-of-use': {
		section: 'key-differences#ease-of-use',
		tensorflow: 'Moderate',
		pytorch: 'High',
		keras: 'Very High'
	},
	'graph-type': {
		section: 'key-differences#graph-type',
		tensorflow: 'Static and Dynamic',
		pytorch: 'Dynamic',
		keras: 'Dynamic'
	},
	performance: {
		section: 'key-differences#performance',
		tensorflow: 'large-scale',
		pytorch: 'research and prototyping',
		keras: 'backend'
	},
	deployment: {
		section: 'deployment-and-hardware#deployment',
		tensorflow: 'TensorFlow Serving',
		pytorch: 'Limited',
		keras: 'Relies on TensorFlow'
	},
	'community-support': {
		section: 'deployment-and-hardware#community-support',
		tensorflow: 'enterprise',
		pytorch: 'research',
		keras: 'Tied to TensorFlow'
	},
	'visualization-tools': {
		section: 'deployment-and-hardware#visualization-tools',
		tensorflow: 'TensorBoard',
		pytorch: 'third-party',
		keras: 'TensorBoard'
	},
	'hardware-support': {
		section: 'deployment-and-hardware#hardware-support',
		tensorflow: 'TPUs',
		pytorch: 'limited TPU',
		keras: 'Same as TensorFlow'
	}
} as const;
const FRAMEWORKS = ['tensorflow', 'pytorch', 'keras'] as const;

const TOPICS = [
	'overview',
	'ease-of-use',
	'graph-types',
	'performance',
	'deployment',
	'community',
	'visualization',
	'hardware',
	'use-cases',
	'strengths-weaknesses',
	'choosing',
	'future'
];

describe('the shipped AI-frameworks course', () => {
	it('is valid content', () => {
		expect(errors).toEqual([]);
		expect(course).toBeDefined();
	});

	it('declares every topic of the material and teaches each in a lesson and a quiz', () => {
		expect(course.topics.map((t) => t.id)).toEqual(expect.arrayContaining(TOPICS));
		const lessonTopics = new Set([...course.lessons.values()].flatMap((l) => l.topics));
		const questionTopics = new Set(questions.map((q) => q.topic));
		for (const topic of TOPICS) {
			expect(lessonTopics, topic).toContain(topic);
			expect(questionTopics, topic).toContain(topic);
		}
	});

	it('covers every section of the article with a lesson section', () => {
		const anchors = [...course.lessons.values()].flatMap((l) =>
			l.sections.map((s) => `${l.id}#${s.id}`)
		);
		expect(anchors).toEqual(
			expect.arrayContaining([
				'overview#tensorflow',
				'overview#pytorch',
				'overview#keras',
				'key-differences#comparison-table',
				...Object.values(TABLE).map((row) => row.section),
				'use-cases#tensorflow-production',
				'use-cases#pytorch-research',
				'use-cases#keras-simplified',
				'strengths-weaknesses#tensorflow',
				'strengths-weaknesses#pytorch',
				'strengths-weaknesses#keras',
				'choosing#for-beginners',
				'choosing#for-researchers',
				'choosing#for-enterprises',
				'future#unified-approaches',
				'future#interoperability',
				'future#conclusion'
			])
		);
	});

	it('embeds at least one "check yourself" question in every lesson, from the ungraded pool', () => {
		const graded = new Map(questions.map((q) => [q.id, q]));
		const gradedPrompts = new Set(questions.map((q) => q.prompt.toLowerCase()));
		for (const lesson of course.lessons.values()) {
			expect(lesson.checks.length, lesson.id).toBeGreaterThan(0);
			for (const { questionId } of lesson.checks) {
				expect(course.practice.has(questionId), `${lesson.id}: ${questionId}`).toBe(true);
				expect(graded.has(questionId), `${lesson.id}: ${questionId}`).toBe(false);
				const prompt = course.practice.get(questionId)!.prompt.toLowerCase();
				expect(gradedPrompts.has(prompt), `${questionId} repeats a quiz prompt`).toBe(false);
			}
		}
	});

	it('tags every quiz question with the facts it tests, and tests no fact more than twice in a quiz', () => {
		for (const quiz of course.quizzes.values()) {
			const byFact = new Map<string, string[]>();
			for (const q of quiz.questions) {
				const facts = (q.tags ?? []).filter((tag) => tag.startsWith('fact:'));
				expect(facts.length, q.id).toBeGreaterThan(0);
				for (const fact of facts) byFact.set(fact, [...(byFact.get(fact) ?? []), q.id]);
			}
			for (const [fact, ids] of byFact) {
				expect(ids.length, `${quiz.id}: ${fact} (${ids.join(', ')})`).toBeLessThanOrEqual(2);
			}
		}
	});

	it('asks at least 20 questions that apply the article to a situation', () => {
		expect(questions.filter((q) => q.tags?.includes('apply')).length).toBeGreaterThanOrEqual(20);
	});

	it('balances "select all" questions: at most half of the options are right', () => {
		for (const q of questions) {
			if (q.type !== 'multiple') continue;
			const right = q.options.filter((o) => o.correct).length;
			expect(right * 2, `${q.id}: ${right} of ${q.options.length}`).toBeLessThanOrEqual(
				q.options.length
			);
		}
	});

	it('names TorchServe in no question before the lesson that teaches it', () => {
		const order = course.modules.flatMap((m) =>
			m.items.map((item) => ('lesson' in item ? `lesson:${item.lesson}` : `quiz:${item.quiz}`))
		);
		const taught = order.indexOf('lesson:future');
		expect(taught).toBeGreaterThan(-1);
		const before = order.slice(0, taught);
		const earlier = [
			...before
				.filter((item) => item.startsWith('quiz:'))
				.flatMap((item) => course.quizzes.get(item.slice(5))!.questions),
			...before
				.filter((item) => item.startsWith('lesson:'))
				.flatMap((item) => course.lessons.get(item.slice(7))!.checks)
				.map((check) => course.practice.get(check.questionId)!)
		];
		expect(earlier.length).toBeGreaterThan(0);
		for (const q of earlier) expect(JSON.stringify(q), q.id).not.toMatch(/torch\s*serve/i);
	});

	it('has at least 60 questions, all seven types, and 8 or more on graph types, deployment and hardware', () => {
		expect(questions.length).toBeGreaterThanOrEqual(60);
		expect(new Set(questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
		for (const topic of ['graph-types', 'deployment', 'hardware']) {
			expect(questions.filter((q) => q.topic === topic).length, topic).toBeGreaterThanOrEqual(8);
		}
	});

	it('tests each of the 21 comparison-table facts with a question sourced from the table', () => {
		const rowOf = (tag: string) => TABLE[tag.split(':')[1] as keyof typeof TABLE];
		for (const [feature] of Object.entries(TABLE)) {
			for (const framework of FRAMEWORKS) {
				const tag = `fact:${feature}:${framework}`;
				const tagged = questions.filter((q) => q.tags?.includes(tag));
				expect(tagged.length, tag).toBeGreaterThan(0);
				for (const q of tagged) {
					// A question applying several rows may point at the section of any of them.
					const sections = (q.tags ?? []).flatMap((t) => rowOf(t)?.section ?? []);
					expect([...sections, 'key-differences#comparison-table'], `${q.id} (${tag})`).toContain(
						q.source
					);
				}
			}
		}
	});

	it('shows the whole comparison table, faithful to the article, as an accessible table', () => {
		const html = course.lessons.get('key-differences')!.html;
		const table = /<table>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
		expect(table).toMatch(/<caption>/);
		expect(table).toMatch(
			/<th scope="col">TensorFlow<\/th><th scope="col">PyTorch<\/th><th scope="col">Keras<\/th>/
		);
		const rows = [...table.matchAll(/<tr><th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)];
		expect(rows).toHaveLength(7);
		Object.values(TABLE).forEach((cells, i) => {
			const tds = [...rows[i][2].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
			FRAMEWORKS.forEach((framework, j) =>
				expect(tds[j]?.toLowerCase(), `${rows[i][1]} / ${framework}`).toContain(
					cells[framework].toLowerCase()
				)
			);
		});
	});
});
