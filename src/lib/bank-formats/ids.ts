/** Ids for imported questions and options, which the source formats do not have. */
import { slugify } from '../content/slug.ts';

const MAX_ID = 48;

/** A kebab-case id from a text, cut at a hyphen to stay short; empty for text with no Latin letter. */
export function idFromText(text: string, max = MAX_ID): string {
	const slug = slugify(text);
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max);
	const hyphen = cut.lastIndexOf('-');
	return hyphen > max / 2 ? cut.slice(0, hyphen) : cut.replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… : the first not in `used`, which it is then added to. */
export function uniqueId(base: string, used: Set<string>): string {
	let id = base;
	for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
	used.add(id);
	return id;
}

/** Ids for a question's options: from their texts where that gives one, else `option-<n>`. */
export function optionIds(texts: readonly string[]): string[] {
	const used = new Set<string>();
	return texts.map((text, i) => uniqueId(idFromText(text, 32) || `option-${i + 1}`, used));
}
