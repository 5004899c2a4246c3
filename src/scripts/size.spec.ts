import { describe, expect, it } from 'vitest';
import { dynamicImports, entryScripts, staticImports } from './size.ts';

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
		expect(dynamicImports(code + 'import(`../chunks/Q.js`)')).toEqual([
			'./lazy.js',
			'../chunks/Q.js'
		]);
	});
});
