/**
 * Markdown rendered at build time (no parser ships to the browser). Lessons use GitHub-flavoured
 * markdown plus three conventions: `## Title {#anchor}` for a stable section anchor, a paragraph
 * `Table: caption` right before a table, and `> [!UPDATE]` / `> [!NOTE]` callouts.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { slugify } from './slug.ts';
import { escapeHtml } from './escape.ts';

export interface Section {
	id: string;
	title: string;
	/** 1-based line in the file. */
	line: number;
}

export interface MarkdownProblem {
	line: number;
	message: string;
}

export interface EmbeddedCheck {
	questionId: string;
	/** 1-based line in the file. */
	line: number;
}

export interface RenderedMarkdown {
	html: string;
	sections: Section[];
	/** `{{check question-id}}` lines: questions embedded as "check yourself". */
	checks: EmbeddedCheck[];
	problems: MarkdownProblem[];
}

const CHECK = /^\{\{check ([a-z0-9]+(?:-[a-z0-9]+)*)\}\}\s*$/;

/** The marker a `{{check id}}` line becomes in the HTML; pages split the HTML at it. */
export const CHECK_MARKER = /<!--check:([a-z0-9-]+)-->/;

const ANCHOR = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

/** The anchor of a heading: its `{#id}` if given, else a slug of its text. */
export function headingAnchor(text: string): string {
	const explicit = ANCHOR.exec(text);
	if (explicit) return explicit[1];
	return slugify(text.replace(/[`*_~[\]()]/g, ''));
}

function headingTitle(text: string): string {
	return text.replace(ANCHOR, '').trim();
}

interface CaptionedTable extends Tokens.Table {
	caption?: string;
}

const CALLOUTS: Record<string, string> = { UPDATE: 'Update', NOTE: 'Note' };

function createMarked(): Marked {
	return new Marked({
		gfm: true,
		hooks: {
			// A paragraph "Table: …" directly before a table becomes that table's <caption>.
			processAllTokens(tokens) {
				const out: Token[] = [];
				for (const token of tokens) {
					const previous = out.at(-1);
					if (
						token.type === 'table' &&
						previous?.type === 'paragraph' &&
						previous.text.startsWith('Table:')
					) {
						out.pop();
						(token as CaptionedTable).caption = previous.text.slice('Table:'.length).trim();
					}
					if (token.type !== 'space') out.push(token);
				}
				return out;
			}
		},
		renderer: {
			heading({ tokens, depth, text }) {
				const inline = this.parser.parseInline(tokens).replace(ANCHOR, '');
				if (depth === 2) {
					return `<h2 id="${headingAnchor(text)}">${inline}</h2>\n`;
				}
				return `<h${depth}>${inline}</h${depth}>\n`;
			},
			table(token) {
				const { caption } = token as CaptionedTable;
				const cell = (c: Tokens.TableCell, tag: 'th' | 'td', scope?: string) =>
					`<${tag}${scope ? ` scope="${scope}"` : ''}>${this.parser.parseInline(c.tokens)}</${tag}>`;
				const head = token.header.map((c) => cell(c, 'th', 'col')).join('');
				const rows = token.rows
					.map(
						(row) =>
							`<tr>${row.map((c, i) => (i === 0 ? cell(c, 'th', 'row') : cell(c, 'td'))).join('')}</tr>`
					)
					.join('\n');
				return (
					`<div class="table-scroll"><table>` +
					(caption
						? `<caption>${this.parser.parseInline(new Marked().Lexer.lexInline(caption))}</caption>`
						: '') +
					`<thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>\n`
				);
			},
			blockquote({ tokens }) {
				const body = this.parser.parse(tokens);
				const callout = /^<p>\[!([A-Z]+)\]\s*/.exec(body);
				if (callout && CALLOUTS[callout[1]]) {
					const label = CALLOUTS[callout[1]];
					const rest = `<p>${body.slice(callout[0].length)}`.replace(/^<p><\/p>\n?/, '');
					return `<aside class="callout callout-${callout[1].toLowerCase()}" aria-label="${label}"><p class="callout-label">${label}</p>${rest}</aside>\n`;
				}
				return `<blockquote>${body}</blockquote>\n`;
			},
			paragraph({ tokens, text }) {
				const check = CHECK.exec(text.trim());
				if (check) return `<!--check:${check[1]}-->\n`;
				return `<p>${this.parser.parseInline(tokens)}</p>\n`;
			},
			html({ text }) {
				// Raw HTML is reported as a problem by renderMarkdown and never passed through.
				return escapeHtml(text);
			}
		}
	});
}

const marked = createMarked();

/** Renders inline markdown (question prompts, options) to HTML. */
export function renderInline(text: string): string {
	return marked.parseInline(text, { async: false });
}

/**
 * Renders a markdown block (lesson body, explanation) and lists its `##` sections and its
 * embedded `{{check question-id}}` questions.
 * `firstLine`: the file line the body starts on, so that reported lines are the file's.
 */
export function renderMarkdown(body: string, firstLine = 1): RenderedMarkdown {
	const problems: MarkdownProblem[] = [];
	const sections: Section[] = [];
	const checks: EmbeddedCheck[] = [];
	const seen = new Map<string, number>();
	let fence: string | null = null;

	body.split('\n').forEach((text, index) => {
		const line = firstLine + index;
		const fenceMatch = /^\s*(```|~~~)/.exec(text);
		if (fenceMatch) fence = fence === fenceMatch[1] ? null : (fence ?? fenceMatch[1]);
		if (fence) return;
		if (/^#\s/.test(text)) {
			problems.push({
				line,
				message: 'use "##" for sections: the lesson title is the only level-1 heading'
			});
		}
		if (/^\s*<[a-zA-Z!/]/.test(text)) {
			problems.push({ line, message: 'raw HTML is not allowed in content; use markdown' });
		}
		// Only at the start of a top-level line: inside a list or quote it would split that block.
		const check = CHECK.exec(text);
		if (check) checks.push({ questionId: check[1], line });
		else if (text.trim().startsWith('{{') || text.trim().startsWith('> {{')) {
			problems.push({
				line,
				message: 'embed a question on a line of its own, unindented: "{{check question-id}}"'
			});
		}
		const heading = /^##\s+(.+?)\s*$/.exec(text);
		if (!heading) return;
		const id = headingAnchor(heading[1]);
		if (!id) {
			problems.push({ line, message: 'section heading has no anchor; add "{#anchor}"' });
			return;
		}
		const first = seen.get(id);
		if (first !== undefined) {
			problems.push({ line, message: `section anchor "#${id}" is already used on line ${first}` });
			return;
		}
		seen.set(id, line);
		sections.push({ id, title: headingTitle(heading[1]), line });
	});

	return { html: marked.parse(body, { async: false }), sections, checks, problems };
}
