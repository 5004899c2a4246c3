import { describe, expect, it } from 'vitest';
import { entryScripts, overBudget, pageKind, pagePaths, staticImports } from './size.ts';

describe('npm run size: what a page loads', () => {
	it('finds module preloads (any attribute order), module scripts and inline dynamic imports', () => {
		const html = `
			<link href="../_app/immutable/entry/start.A.js" rel="modulepreload">
			<link rel="modulepreload" href="../_app/immutable/nodes/0.B.js">
			<link rel="stylesheet" href="../_app/immutable/assets/0.css">
			<script type="module" src="./x.js"></script>
			<script>Promise.all([import("../_app/immutable/entry/app.C.js")])</script>`;
		expect(entryScripts(html).sort()).toEqual([
			'../_app/immutable/entry/app.C.js',
			'../_app/immutable/entry/start.A.js',
			'../_app/immutable/nodes/0.B.js',
			'./x.js'
		]);
	});

	it('follows static imports of a minified chunk, not dynamic ones', () => {
		const code = `import{a as b}from"../chunks/X.js";import"./side.js";export{c}from"./re.js";const l=()=>import("./lazy.js");`;
		expect(staticImports(code).sort()).toEqual(['../chunks/X.js', './re.js', './side.js']);
	});

	it('measures every prerendered page but the not-found fallback, by its address', () => {
		expect(
			pagePaths(['index.html', '404.html', 'review.html', 'courses/c/lessons/a.html'])
		).toEqual(['/', '/courses/c/lessons/a', '/review']);
	});

	it('budgets student pages and quizzes after Start, and only reports instructor pages', () => {
		const kb = 1024;
		expect(pageKind('/courses/c/quizzes/q')).toBe('quiz');
		expect(pageKind('/courses/c/lessons/a')).toBe('student');
		expect(pageKind('/instructor/gradebook')).toBe('instructor');
		const page = { path: '/', kind: 'student' as const, js: 40 * kb, scripts: 9, html: 14 * kb };
		expect(overBudget(page)).toEqual([]);
		expect(overBudget({ ...page, js: 40 * kb + 1 })).toEqual(['JS over 40 KB']);
		expect(overBudget({ ...page, html: 14 * kb + 1 })).toEqual(['HTML over 14 KB']);
		const quiz = { ...page, path: '/courses/c/quizzes/q', kind: 'quiz' as const };
		expect(overBudget({ ...quiz, started: 55 * kb })).toEqual([]);
		expect(overBudget({ ...quiz, started: 55 * kb + 1 })).toEqual(['after Start over 55 KB']);
		expect(overBudget({ ...quiz, started: undefined })).toEqual(['after Start over 55 KB']);
		expect(overBudget({ ...page, kind: 'instructor', js: 90 * kb })).toEqual([]);
	});
});
