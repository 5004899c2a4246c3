/**
 * `npm run content:check`: validates every course under quizzes/ and prints every error in one
 * run, compiler style. Exits 1 when there is any. Then lists what drafts still need (`TODO:`
 * marks left by import and new:course); `--strict` also fails on those.
 */
import { loadCourses } from '../lib/content/load.ts';
import { readContentFiles } from '../lib/content/read-dir.ts';
import { formatContentError } from '../lib/content/errors.ts';
import { listDrafts } from '../lib/bank-formats/drafts.ts';

const args = process.argv.slice(2);
const root = args.find((arg) => !arg.startsWith('--')) ?? process.cwd();
const files = readContentFiles(root);
const { courses, errors } = loadCourses(files);

if (errors.length) {
	for (const error of errors) console.error(formatContentError(error));
	console.error(
		`\n${errors.length} error${errors.length === 1 ? '' : 's'} in content; nothing was built.`
	);
	process.exit(1);
}

for (const course of courses) {
	const questions = [...course.quizzes.values()].flatMap((quiz) => quiz.questions);
	console.log(
		`${course.id}: ${course.lessons.size} lessons, ${course.quizzes.size} quizzes, ${questions.length} questions, ${course.topics.length} topics`
	);
}
const drafts = listDrafts(files);
if (drafts.length) {
	console.log(`\nleft to write (${drafts.length}):`);
	for (const draft of drafts) console.log(`${draft.file}:${draft.line} ${draft.text}`);
	if (args.includes('--strict')) {
		console.error(
			`\n${drafts.length} TODO mark${drafts.length === 1 ? '' : 's'} left; --strict refuses drafts.`
		);
		process.exit(1);
	}
}
console.log('content: ok');
