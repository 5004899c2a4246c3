/**
 * Text that comes from someone else's file, made safe and readable as Coursekit's inline
 * markdown: control and direction-override characters removed, HTML turned into markdown, links
 * kept only when they lead to the web.
 */

// C0/C1 controls except tab and newline, and the bidirectional overrides of "Trojan source".
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Line ends unified, invisible control characters removed, outer space trimmed. */
export function cleanText(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/** Decodes the named entities HTML editors write, and every numeric one. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/** True when HTML or markdown shows an image, which Coursekit prompts cannot carry. */
export function hasImage(text: string): boolean {
	return /<img\b|!\[[^\]]*\]\(|@@PLUGINFILE@@/i.test(text);
}

/** Characters that would start markdown syntax in plain text. */
const MARKDOWN_SPECIAL = /([\\`*_[\]<>])/g;

/** Plain text written so that inline markdown shows it as it is. */
export function escapeMarkdown(text: string): string {
	return text.replace(MARKDOWN_SPECIAL, '\\$1');
}

/** Simple HTML (what Moodle's editor writes) as inline markdown; tags that carry no text go. */
export function htmlToMarkdown(html: string): string {
	const parts: string[] = [];
	// Text between tags is escaped as markdown; tags become markdown or a space.
	const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>|<!--[\s\S]*?-->/gi;
	const source = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ');
	let last = 0;
	// The target of each open link, or null for a link that is dropped (see safeLinks).
	const hrefs: (string | null)[] = [];
	for (const match of source.matchAll(TAG)) {
		parts.push(escapeMarkdown(decodeEntities(source.slice(last, match.index))));
		last = match.index + match[0].length;
		const [, closing, rawName = '', attrs = ''] = match;
		const name = rawName.toLowerCase();
		if (name === 'b' || name === 'strong') parts.push('**');
		else if (name === 'i' || name === 'em') parts.push('*');
		else if (name === 'code') parts.push('`');
		else if (name === 'br' || name === 'p' || name === 'div' || name === 'li') parts.push(' ');
		else if (name === 'a' && !closing) {
			const found = /\bhref\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
			const href = decodeEntities(found?.[2] ?? found?.[3] ?? '').trim();
			const safe = /^(https?:\/\/|mailto:)/i.test(href);
			hrefs.push(safe ? href.replace(/[()\s]/g, encodeURIComponent) : null);
			if (safe) parts.push('[');
		} else if (name === 'a') {
			const href = hrefs.pop();
			if (href) parts.push(`](${href})`);
		}
	}
	parts.push(escapeMarkdown(decodeEntities(source.slice(last))));
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Markdown links kept only when they lead to http(s) or mailto; any other target
 * (`javascript:`, `data:`, a relative file of the source LMS) keeps its text and loses its link.
 */
export function safeLinks(markdown: string): { text: string; dropped: string[] } {
	const dropped: string[] = [];
	const text = markdown.replace(
		/\[([^\]]*)\]\(([^)]*)\)/g,
		(whole, label: string, href: string) => {
			if (/^(https?:\/\/|mailto:)/i.test(href.trim())) return whole;
			dropped.push(href);
			return label;
		}
	);
	return { text, dropped };
}

/** The first `max` characters of a text, cut at a word where one is near. */
export function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** How a source marks up a text: Moodle's four formats, which GIFT and Moodle XML share. */
export type SourceFormat = 'html' | 'markdown' | 'plain' | 'moodle';

/** A source text as Coursekit inline markdown, with the link targets that were dropped. */
export function toMarkdown(
	text: string,
	format: SourceFormat
): { text: string; dropped: string[] } {
	const clean = cleanText(text);
	if (format === 'markdown') return safeLinks(clean);
	// Moodle's auto-format is plain text that may hold HTML tags.
	if (format === 'html' || (format === 'moodle' && /<[a-z!/]/i.test(clean))) {
		return { text: htmlToMarkdown(clean), dropped: linkTargets(clean) };
	}
	return { text: escapeMarkdown(clean), dropped: [] };
}

function linkTargets(html: string): string[] {
	return [...html.matchAll(/\bhref\s*=\s*["']([^"']*)["']/gi)]
		.map((m) => decodeEntities(m[1]))
		.filter((href) => !/^(https?:\/\/|mailto:)/i.test(href.trim()));
}
