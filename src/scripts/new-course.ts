/**
 * `npm run new:course -- --from <article.md|.txt> --id <course-id>`: scaffolds quizzes/<id>/
 * from the article; `npm run content:check` then lists what is left to write.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from '../lib/bank-formats/cli.ts';
import { decodeBank } from '../lib/bank-formats/limits.ts';
import { scaffoldCourse } from '../lib/bank-formats/scaffold.ts';

const { flags } = parseArgs(process.argv.slice(2));
const { from, id } = flags;
if (typeof from !== 'string' || typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
	console.error(
		'usage: npm run new:course -- --from <article.md|.txt> --id <kebab-case-course-id>'
	);
	process.exit(2);
}
const root = process.cwd();
if (existsSync(join(root, 'quizzes', id))) {
	console.error(`quizzes/${id} exists; choose another --id`);
	process.exit(1);
}
try {
	const files = scaffoldCourse(decodeBank(from, readFileSync(from)), {
		id,
		markdown: /\.(md|markdown)$/i.test(from),
		from: basename(from)
	});
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
	console.log(
		`wrote ${Object.keys(files).length} files under quizzes/${id}/; run npm run content:check to see what is left to write`
	);
} catch (error) {
	console.error(`new:course failed, nothing was written: ${(error as Error).message}`);
	process.exit(1);
}
