/**
 * YAML parsed with positions, so that a schema issue at `questions[3].options` can be reported at
 * the line and column where that value is written.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from '../zod.ts';
import { formatFieldPath, type ContentError } from './errors.ts';

type Path = readonly PropertyKey[];

export class YamlSource {
	readonly errors: ContentError[] = [];
	readonly data: unknown;
	private readonly doc: Document.Parsed;
	private readonly lines = new LineCounter();

	/** `lineOffset`: lines before the YAML text in its file (front matter starts after `---`). */
	constructor(
		readonly file: string,
		text: string,
		private readonly lineOffset = 0
	) {
		this.doc = parseDocument(text, {
			lineCounter: this.lines,
			prettyErrors: false,
			uniqueKeys: true
		});
		for (const error of this.doc.errors) {
			const [start] = error.pos;
			this.errors.push(this.errorAtOffset(start, '', yamlMessage(error.message)));
		}
		this.data = this.errors.length ? undefined : this.doc.toJS({ maxAliasCount: 50 });
	}

	/** An error at the value found at `path` (or the nearest part of it that exists). */
	error(path: Path, message: string, options: { atKey?: boolean } = {}): ContentError {
		const offset = this.offsetOf(path, options.atKey ?? false);
		return this.errorAtOffset(offset, formatFieldPath(path), message);
	}

	/** Validates the parsed data; every issue becomes a located error. */
	validate<S extends z.ZodType>(schema: S): z.infer<S> | undefined {
		if (this.data === undefined) return undefined;
		const result = schema.safeParse(this.data);
		if (result.success) return result.data;
		for (const issue of result.error.issues.flatMap(closestForm)) {
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) {
					// A ": " inside unquoted text makes YAML read the rest as another field.
					const hint = /\s/.test(key)
						? ' (a ": " inside unquoted text starts a new field: put the whole text in quotes)'
						: '';
					this.errors.push(
						this.error([...issue.path, key], `unknown field "${key}"${hint}`, { atKey: true })
					);
				}
			} else {
				this.errors.push(this.error(issue.path, issueMessage(issue, this.has(issue.path))));
			}
		}
		return undefined;
	}

	private has(path: Path): boolean {
		return this.doc.hasIn(path as unknown[]);
	}

	private offsetOf(path: Path, atKey: boolean): number {
		let node: unknown = this.doc.contents;
		let offset = rangeStart(node);
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
				if (!pair) break;
				offset = rangeStart(atKey || pair.value == null ? pair.key : pair.value) ?? offset;
				node = pair.value;
			} else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
				node = node.items[key];
				offset = rangeStart(isPair(node) ? node.key : node) ?? offset;
			} else {
				break;
			}
		}
		return offset ?? 0;
	}

	private errorAtOffset(offset: number, field: string, message: string): ContentError {
		const { line, col } = this.lines.linePos(offset);
		return { file: this.file, line: line + this.lineOffset, column: col, field, message };
	}
}

function rangeStart(node: unknown): number | undefined {
	const range = (node as { range?: [number, number, number] } | null)?.range;
	return range?.[0];
}

function yamlMessage(message: string): string {
	return `YAML syntax: ${message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
}

/**
 * A value that matches no form of a union, when only one form has the value's shape (a text, or a
 * `{ id, text }` map), gets that form's issues: "id: not a valid id" says more than "does not
 * match any allowed form".
 */
function closestForm(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
	if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
	const shaped = issue.errors.filter(
		(errors) => !errors.every((e) => e.code === 'invalid_type' && e.path.length === 0)
	);
	if (shaped.length !== 1) return [issue];
	return shaped[0]
		.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as z.core.$ZodIssue)
		.flatMap(closestForm);
}

/** Turns a zod issue into a message an author can act on. */
function issueMessage(issue: z.core.$ZodIssue, present: boolean): string {
	switch (issue.code) {
		case 'invalid_type':
			return present ? `expected ${issue.expected}` : 'required field is missing';
		case 'invalid_union':
			if ('discriminator' in issue && issue.discriminator) {
				return present
					? `unknown ${issue.discriminator}; expected one of ${(issue as { options?: unknown[] }).options?.join(', ')}`
					: `required field "${issue.discriminator}" is missing`;
			}
			return 'does not match any allowed form';
		case 'too_small':
			if (issue.message && !issue.message.startsWith('Too small')) return issue.message;
			return issue.origin === 'array'
				? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
				: issue.origin === 'string'
					? issue.minimum === 1
						? 'must not be empty'
						: `must be at least ${issue.minimum} characters`
					: `must be at least ${issue.minimum}`;
		case 'too_big':
			return issue.origin === 'array'
				? `has more than ${issue.maximum} items`
				: issue.origin === 'string'
					? `is longer than ${issue.maximum} characters`
					: `must be at most ${issue.maximum}`;
		case 'invalid_value':
			return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
		default:
			return issue.message;
	}
}
