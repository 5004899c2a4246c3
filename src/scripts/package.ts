/**
 * `npm run package -- --course <id> --format scorm12|scorm2004|cmi5 [--quiz <id>]
 * [--lrs-origin <origin>]… [--site <url>] [--name <file>]` builds the site as a package an LMS imports (DESIGN.md, "Inside an
 * LMS") and writes `dist/<course>[-<quiz>]-<format>.zip`: the manifest (`imsmanifest.xml` or
 * `cmi5.xml`) at the root, and the app built to run from any sub-path as plain files: relative
 * links to `.html` files, no service worker, no absolute URL.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { loadCourses } from '../lib/content/load.ts';
import { readContentFiles } from '../lib/content/read-dir.ts';
import { formatContentError } from '../lib/content/errors.ts';
import { packageManifest, type PackageFormat } from '../lib/lms/manifest.ts';
import type { PackageConfig } from '../lib/package.ts';
import { absoluteUrls, packagePlan, PackageError } from './package-plan.ts';

const FORMATS: readonly PackageFormat[] = ['scorm12', 'scorm2004', 'cmi5'];

function fail(message: string): never {
	console.error(`npm run package: ${message}`);
	process.exit(1);
}

function filesUnder(root: string): string[] {
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

function main() {
	const { values } = parseArgs({
		options: {
			course: { type: 'string' },
			format: { type: 'string' },
			quiz: { type: 'string' },
			'lrs-origin': { type: 'string', multiple: true },
			site: { type: 'string' },
			name: { type: 'string' }
		}
	});
	if (!values.course) fail('say which course: --course <id>');
	const format = values.format as PackageFormat;
	if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}`);

	const root = process.cwd();
	const { courses, errors } = loadCourses(readContentFiles(root));
	if (errors.length) fail(`fix the content first:\n${errors.map(formatContentError).join('\n')}`);
	let plan;
	try {
		plan = packagePlan(courses, {
			courseId: values.course,
			quizId: values.quiz,
			format,
			lrsOrigins: values['lrs-origin'] ?? [],
			site: values.site
		});
	} catch (error) {
		fail(error instanceof PackageError ? error.message : String(error));
	}

	if (values.name !== undefined && !/^[\w.-]+$/.test(values.name)) {
		fail('--name is a file name: letters, digits, "-", "_" and "."');
	}
	const name = values.name ?? plan.name;
	if (format === 'cmi5' && plan.lrsOrigins.length === 0) {
		console.warn(
			'npm run package: a cmi5 package may talk only to an LRS on its own origin unless you ' +
				'name the LMS’s LRS with --lrs-origin https://lrs.example.edu (its CSP allows no other)'
		);
	}
	const out = join(root, 'dist', name);
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const config: PackageConfig & { out: string; lrsOrigins: string[] } = {
		...plan.config,
		out,
		lrsOrigins: plan.lrsOrigins
	};
	// The build reads .svelte-kit/tsconfig.json, which `svelte-kit sync` writes (npm ci does too).
	if (!existsSync(join(root, '.svelte-kit', 'tsconfig.json'))) {
		spawnSync('npx', ['svelte-kit', 'sync'], { stdio: 'inherit' });
	}
	console.log(`── building ${name} (${format}) into ${relative(root, out)}`);
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		env: { ...process.env, COURSEKIT_PACKAGE: JSON.stringify(config) }
	});
	if (build.status !== 0) fail('the build failed (see above)');

	const files = filesUnder(out);
	if (files.includes('service-worker.js')) fail('the build has a service worker');
	const absolute = absoluteUrls(files, (file) => readFileSync(join(out, file), 'utf8'));
	if (absolute.length)
		fail(`absolute URLs would break under an LMS's path:\n${absolute.join('\n')}`);
	if (!files.includes(plan.info.launch)) fail(`the launch page ${plan.info.launch} was not built`);

	const manifest = packageManifest(format, { ...plan.info, files });
	writeFileSync(join(out, manifest.name), manifest.text);
	const zip = zipSync(
		Object.fromEntries(
			[...files, manifest.name].map((file) => [file, readFileSync(join(out, file))])
		),
		{ level: 9 }
	);
	const zipPath = join(root, 'dist', `${name}.zip`);
	writeFileSync(zipPath, zip);
	console.log(
		`── wrote ${relative(root, zipPath)}: ${(zip.length / 1024).toFixed(1)} KB, ` +
			`${files.length + 1} files; launch ${plan.info.launch}` +
			(existsSync(out) ? `; unzipped in ${relative(root, out)}/` : '')
	);
}

main();
