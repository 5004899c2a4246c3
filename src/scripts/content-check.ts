/**
 * `npm run content:check`: validates every course under quizzes/ and prints every error in one
 * run, compiler style. Exits 1 when there is any.
 */
import { loadCourses } from '../lib/content/load.ts';
import { readContentFiles } from '../lib/content/read-dir.ts';
import { formatContentError } from '../lib/content/errors.ts';

const root = process.argv[2] ?? process.cwd();
const { courses, errors } = loadCourses(readContentFiles(root));

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
console.log('content: ok');
