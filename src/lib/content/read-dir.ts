/** Reads a content tree from disk for `loadCourses` (Node only: build plugin, CLI, tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `<root>/quizzes`, keyed by its path relative to `root` with "/" separators. */
export function readContentFiles(root: string): Record<string, string> {
	const files: Record<string, string> = {};
	const base = join(root, 'quizzes');
	for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || entry.name.startsWith('.')) continue;
		const full = join(entry.parentPath, entry.name);
		files[relative(root, full).split(sep).join('/')] = readFileSync(full, 'utf8');
	}
	return files;
}
