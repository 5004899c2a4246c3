// Rules of the code's shape that drifted before (DESIGN.md, "Stored data"; STYLE.md, "One home
// per concern"): one module opens IndexedDB, and the pass rule lives in one function.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [path] : [];
	});
}

const filesMatching = (pattern: RegExp) =>
	sources(root)
		.filter((file) => pattern.test(readFileSync(file, 'utf8')))
		.map((file) => relative(root, file));

describe('the shape of the code', () => {
	it('opens IndexedDB in one module only', () => {
		expect(filesMatching(/openDB\(|indexedDB\.open\(/)).toEqual(['lib/progress/db.ts']);
	});

	it('applies the pass rule in one function only', () => {
		expect(filesMatching(/1e-9|\*\s*100\s*\+/)).toEqual(['lib/quiz/pass.ts']);
	});

	it('builds no HTML at run time outside build-time content code', () => {
		expect(filesMatching(/escapeHtml\(/).filter((f) => !f.startsWith('lib/content/'))).toEqual([]);
	});
});
