/**
 * What an author still has to write: every `TODO:` in a content file (a value or a YAML comment),
 * as left by `npm run import` and `npm run new:course`. A draft is valid content, so it builds and
 * its quizzes work; `content:check` lists these, and fails on them with `--strict`.
 */
export interface Draft {
	file: string;
	line: number;
	text: string;
}

/** Every `TODO:` mark of the files (`path → text`), in file and line order. */
export function listDrafts(files: Record<string, string>): Draft[] {
	const drafts: Draft[] = [];
	for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const lines = text.split('\n');
		lines.forEach((line, i) => {
			const at = line.indexOf('TODO:');
			if (at === -1) return;
			const todo = line
				.slice(at)
				.replace(/['"]\s*$/, '')
				.trim();
			const field = /^\s*(?:-\s+)?([A-Za-z]+):/.exec(line)?.[1] ?? listName(lines, i);
			const named = field && field !== 'TODO' && !line.trimStart().startsWith('#');
			drafts.push({ file, line: i + 1, text: named ? `${field}: ${todo}` : todo });
		});
	}
	return drafts;
}

/** The field a YAML list item belongs to: the nearest line above with less indentation. */
function listName(lines: string[], index: number): string | undefined {
	const indent = /^\s*/.exec(lines[index])![0].length;
	for (let i = index - 1; i >= 0; i--) {
		const match = /^(\s*)([A-Za-z]+):\s*$/.exec(lines[i]);
		if (match && match[1].length < indent) return match[2];
	}
	return undefined;
}
