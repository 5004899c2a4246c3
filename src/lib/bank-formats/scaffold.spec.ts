import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCourses } from '../content/load.ts';
import { listDrafts } from './drafts.ts';
import { scaffoldCourse } from './scaffold.ts';

const article = readFileSync('/work/shared/material/ai-frameworks.txt', 'utf8');

describe('a course from material', () => {
	const files = scaffoldCourse(article, {
		id: 'draft-course',
		markdown: false,
		from: 'ai-frameworks.txt'
	});

	it('builds from the article: a module, a lesson and a quiz per numbered section', () => {
		const { courses, errors } = loadCourses(files);
		expect(errors).toEqual([]);
		const course = courses[0];
		expect(course.modules.map((m) => m.title)).toEqual([
			'Overview of the Frameworks',
			'Key Differences',
			'Deep Dive into Use Cases',
			'Strengths and Weaknesses',
			'Which Framework Should You Choose?',
			'Looking to the Future',
			'Conclusion'
		]);
		expect(course.topics.map((t) => t.id)).toEqual(course.modules.map((m) => m.id));
		const overview = course.lessons.get('overview-of-the-frameworks')!;
		expect(overview.sections.map((s) => s.id)).toEqual([
			'introduction',
			'tensorflow',
			'pytorch',
			'keras'
		]);
		expect(overview.html).toContain('Developed by Google');
	});

	it('lists exactly what is left to write: objectives, key terms, summaries, questions', () => {
		const drafts = listDrafts(files);
		const kinds = drafts.map((d) => d.text.split(':')[0]);
		const count = (kind: string) => kinds.filter((k) => k === kind).length;
		expect(drafts).toHaveLength(35);
		expect([
			count('objectives'),
			count('term'),
			count('definition'),
			count('summary'),
			count('prompt')
		]).toEqual([7, 7, 7, 7, 7]);
	});

	it('keeps anchors stable and unique, and escapes text that markdown would read as syntax', () => {
		const strengths = files['quizzes/draft-course/lessons/strengths-and-weaknesses.md'];
		expect(strengths.match(/\{#weaknesses(-\d)?\}/g)).toEqual([
			'{#weaknesses}',
			'{#weaknesses-2}',
			'{#weaknesses-3}'
		]);
		const hostile = scaffoldCourse(
			'Title\n\n1. One\n\n<script>alert(1)</script> is text.\n\n{{check x}} too.\n',
			{ id: 'h', markdown: false, from: 'h.txt' }
		);
		expect(loadCourses(hostile).errors).toEqual([]);
	});

	it('reads a markdown article in another script', () => {
		const md =
			'# 日本の地理\n\n序文です。\n\n## 山\n\n富士山は高い。\n\n### 富士山\n\n日本一の山。\n\n## Реки\n\nВолга.\n';
		const { courses, errors } = loadCourses(
			scaffoldCourse(md, { id: 'geo', markdown: true, from: 'geo.md' })
		);
		expect(errors).toEqual([]);
		expect(courses[0].lessonOrder).toEqual(['lesson-1', 'lesson-2']);
		expect(courses[0].lessons.get('lesson-1')!.sections.map((s) => s.title)).toEqual([
			'Introduction',
			'富士山'
		]);
	});
});
