/** A problem in a content file, located like a compiler error. */
export interface ContentError {
	/** Path relative to the project root, e.g. `quizzes/ai-frameworks/course.yaml`. */
	file: string;
	line: number;
	column: number;
	/** Field path inside the file, e.g. `questions[3].options`; empty for the whole file. */
	field: string;
	message: string;
}

/** `file:line:col field: message`, the form editors and terminals turn into links. */
export function formatContentError(error: ContentError): string {
	const where = `${error.file}:${error.line}:${error.column}`;
	return error.field ? `${where} ${error.field}: ${error.message}` : `${where} ${error.message}`;
}

/** Renders a zod-style path (`['questions', 3, 'options']`) as `questions[3].options`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, index) =>
			typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`
		)
		.join('');
}

export class ContentErrors extends Error {
	constructor(readonly errors: ContentError[]) {
		super(
			`${errors.length} content error${errors.length === 1 ? '' : 's'}:\n` +
				errors.map(formatContentError).join('\n')
		);
		this.name = 'ContentErrors';
	}
}
