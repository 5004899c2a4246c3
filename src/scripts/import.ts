/**
 * `npm run import -- <file> --course <id> --quiz <id> [--lesson <id>] [--title <text>] [--replace]`:
 * a GIFT, Moodle XML or CSV bank becomes quizzes/<course>/quizzes/<quiz>.yaml, listed in
 * course.yaml. Prints what was not imported and what to fill in; writes nothing on an error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContentFiles } from '../lib/content/read-dir.ts';
import { parseArgs, runImport } from '../lib/bank-formats/cli.ts';

const { flags, rest } = parseArgs(process.argv.slice(2));
const [file] = rest;
const text = (name: string) =>
	typeof flags[name] === 'string' ? (flags[name] as string) : undefined;
const courseId = text('course');
const quizId = text('quiz');
if (!file || !courseId || !quizId) {
	console.error(
		'usage: npm run import -- <file.gift|.txt|.xml|.csv> --course <id> --quiz <id> [--lesson <id>] [--title <text>] [--replace]'
	);
	process.exit(2);
}
const root = process.cwd();
try {
	const { writes, lines } = runImport(readContentFiles(root), file, readFileSync(file), {
		courseId,
		quizId,
		lessonId: text('lesson'),
		title: text('title'),
		replace: flags.replace === true
	});
	for (const [path, content] of Object.entries(writes)) writeFileSync(join(root, path), content);
	console.log(lines.join('\n'));
} catch (error) {
	console.error(`import failed, nothing was written:\n${(error as Error).message}`);
	process.exit(1);
}
