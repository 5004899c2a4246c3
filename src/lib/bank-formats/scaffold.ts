/**
 * A course from material: an article (markdown or plain text) becomes `quizzes/<id>/` with one
 * module and one lesson per top-level section, topics proposed from the headings and a quiz per
 * module. What only an author can write (objectives, key terms, summaries, questions) is marked
 * `TODO:`, so the course builds at once and `content:check` lists what is left.
 */
import { stringify } from 'yaml';
import { slugify } from '../content/slug.ts';
import { uniqueId } from './ids.ts';
import { cleanText, shorten } from './text.ts';

interface Section {
	title: string;
	/** Markdown lines of the section's body. */
	lines: string[];
}

interface Article {
	title: string;
	intro: string[];
	sections: Section[];
}

/** Markdown: `#` is the title, `##` a section. Plain text: "1. Title" lines are sections. */
function readArticle(text: string, markdown: boolean): Article {
	const lines = cleanText(text).split('\n');
	const article: Article = { title: '', intro: [], sections: [] };
	const top = markdown ? /^##\s+(.+?)\s*#*$/ : /^\d+\.\s+(\S.*)$/;
	let target = article.intro;
	for (const line of lines) {
		const h1 = markdown ? /^#\s+(.+)$/.exec(line) : null;
		if (!article.title && (h1 || (!markdown && line.trim()))) {
			article.title = (h1?.[1] ?? line).trim();
			continue;
		}
		const heading = top.exec(line.trim());
		if (heading) {
			const section: Section = { title: heading[1].trim(), lines: [] };
			article.sections.push(section);
			target = section.lines;
			continue;
		}
		// A plain-text article often repeats its title under it.
		if (line.trim() === article.title && article.sections.length === 0) continue;
		target.push(line);
	}
	return article;
}

/** Plain-text paragraphs as markdown: short lines become `##` sections, "•" bullets a list. */
function plainToMarkdown(lines: string[], used: Set<string>, n: () => number): string[] {
	const out: string[] = [];
	const paragraphs = lines.filter((l) => l.trim());
	paragraphs.forEach((line, i) => {
		const bullet = /^(\s*)[•*-]\s+(.*)$/.exec(line);
		if (bullet) {
			out.push(`${bullet[1].length >= 4 ? '  ' : ''}- ${escapeLine(bullet[2])}`);
			return;
		}
		const next = paragraphs[i + 1];
		const isHeading = line.trim().length <= 60 && !/[.!?]$/.test(line.trim()) && next !== undefined;
		if (isHeading) {
			out.push('', sectionHeading(line.trim().replace(/:$/, ''), used, n), '');
		} else {
			out.push('', escapeLine(line.trim()), '');
		}
	});
	return out;
}

/** A line of source text that markdown would read as syntax (raw HTML, heading, embed) escaped. */
function escapeLine(line: string): string {
	return line.replace(/^([<#>]|\{\{|\d+\.\s)/, '\\$1').replace(/\{\{/g, '\\{\\{');
}

function sectionHeading(title: string, used: Set<string>, n: () => number): string {
	const anchor = uniqueId(slugify(title).slice(0, 48).replace(/-+$/, '') || `section-${n()}`, used);
	return `## ${title.replace(/\{#/g, '{ #')} {#${anchor}}`;
}

/** The files of the new course, keyed by path (`quizzes/<id>/…`). */
export function scaffoldCourse(
	text: string,
	options: { id: string; markdown: boolean; from: string }
): Record<string, string> {
	const { id } = options;
	const article = readArticle(text, options.markdown);
	if (article.sections.length === 0) {
		throw new Error(
			options.markdown
				? 'no "## " section headings found: a course needs at least one section'
				: 'no numbered section headings ("1. Title") found: a course needs at least one section'
		);
	}
	const files: Record<string, string> = {};
	const lessonIds = new Set<string>();
	const intro = article.intro
		.filter((l) => l.trim())
		.join(' ')
		.trim();
	const topics: { id: string; title: string }[] = [];
	const modules: unknown[] = [];
	article.sections.forEach((section, index) => {
		const lessonId = uniqueId(
			slugify(section.title).slice(0, 48).replace(/-+$/, '') || `lesson-${index + 1}`,
			lessonIds
		);
		const title = shorten(section.title, 120);
		topics.push({ id: lessonId, title });
		const anchors = new Set<string>();
		let count = 0;
		const n = () => ++count;
		const body = options.markdown
			? section.lines.map((l) =>
					l.replace(/^###\s+(.+)$/, (_, h: string) => sectionHeading(h, anchors, n))
				)
			: plainToMarkdown(section.lines, anchors, n);
		const withIntro =
			index === 0 && intro
				? [sectionHeading('Introduction', anchors, n), '', escapeLine(intro), '', ...body]
				: body;
		const hasSection = withIntro.some((l) => /^##\s/.test(l));
		const lines = hasSection ? withIntro : [sectionHeading(title, anchors, n), '', ...withIntro];
		const words = lines.join(' ').split(/\s+/).length;
		const front = stringify(
			{
				id: lessonId,
				title,
				topics: [lessonId],
				objectives: ['TODO: write what a learner can do after this lesson'],
				minutes: Math.max(1, Math.round(words / 200)),
				keyTerms: [{ term: 'TODO: a key term', definition: 'TODO: its definition' }],
				summary: 'TODO: summarise this lesson in a sentence or two'
			},
			{ lineWidth: 100 }
		);
		files[`quizzes/${id}/lessons/${lessonId}.md`] = `---\n${front}---\n\n${lines
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim()}\n`;
		const firstAnchor = /\{#([a-z0-9-]+)\}/.exec(lines.find((l) => /^##\s/.test(l)) ?? '')![1];
		const quizId = `${lessonId}-quiz`;
		files[`quizzes/${id}/quizzes/${quizId}.yaml`] = stringify(
			{
				id: quizId,
				title: shorten(`Quiz: ${title}`, 120),
				topics: [lessonId],
				passMark: 70,
				questions: [
					{
						id: `${quizId}-placeholder`,
						type: 'truefalse',
						topic: lessonId,
						source: `${lessonId}#${firstAnchor}`,
						prompt:
							'TODO: write the questions of this quiz; this placeholder keeps the quiz valid until then.',
						explanation: 'A placeholder question of a new course.',
						answer: true
					}
				]
			},
			{ lineWidth: 100 }
		);
		modules.push({ id: lessonId, title, items: [{ lesson: lessonId }, { quiz: quizId }] });
	});
	files[`quizzes/${id}/course.yaml`] =
		`# Scaffolded by npm run new:course from ${options.from.replace(/\r?\n/g, ' ')}.\n` +
		stringify(
			{
				id,
				title: shorten(article.title || id, 120),
				summary: intro ? shorten(intro, 2000) : 'TODO: summarise the course',
				source: shorten(`Based on "${article.title || options.from}".`, 2000),
				topics,
				modules
			},
			{ lineWidth: 100 }
		);
	return files;
}
