/**
 * `npm run export -- --course <id> --format gift|moodle-xml|qti3 [--quiz <id>]`: writes the
 * course's questions to dist/ for an LMS to import, and says how each type was exported.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readContentFiles } from '../lib/content/read-dir.ts';
import { parseArgs, runExport, type ExportFormat } from '../lib/bank-formats/cli.ts';

const { flags } = parseArgs(process.argv.slice(2));
const { course, format, quiz } = flags;
if (typeof course !== 'string' || typeof format !== 'string') {
	console.error(
		'usage: npm run export -- --course <id> --format gift|moodle-xml|qti3 [--quiz <id>]'
	);
	process.exit(2);
}
const root = process.cwd();
try {
	const { writes, notes } = runExport(readContentFiles(root), {
		courseId: course,
		format: format as ExportFormat,
		quizId: typeof quiz === 'string' ? quiz : undefined
	});
	for (const [path, content] of Object.entries(writes)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
		console.log(`wrote ${path}`);
	}
	// One line per kind of remark, with the questions it concerns.
	const byMessage = new Map<string, string[]>();
	for (const note of notes)
		byMessage.set(note.message, [...(byMessage.get(note.message) ?? []), note.questionId]);
	for (const [message, ids] of byMessage) console.log(`- ${message}: ${ids.join(', ')}`);
} catch (error) {
	console.error(`export failed: ${(error as Error).message}`);
	process.exit(1);
}
