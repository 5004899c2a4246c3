/** Caps on what an import reads, checked before any parsing. */

/** A bank file larger than this is refused: Moodle's own exports of whole courses stay far below. */
export const MAX_BANK_BYTES = 10 * 1024 * 1024;

/** A Coursekit quiz holds at most this many questions (`QuizFile` in content/schema.ts). */
export const MAX_QUIZ_QUESTIONS = 500;

/** Thrown for input that cannot be imported at all; nothing is written. */
export class BankError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		message: string
	) {
		super(`${file}:${line}: ${message}`);
		this.name = 'BankError';
	}
}

/** Refuses a file over the cap, or one that is not UTF-8 text, before it is parsed. */
export function decodeBank(file: string, bytes: Uint8Array): string {
	if (bytes.byteLength > MAX_BANK_BYTES) {
		const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
		throw new BankError(
			file,
			1,
			`the file is ${mb} MB; a question bank may be at most ${MAX_BANK_BYTES / 1024 / 1024} MB (split it into several quizzes)`
		);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new BankError(file, 1, 'the file is not UTF-8 text (save it as UTF-8 and try again)');
	}
	if (text.includes('\u0000')) {
		throw new BankError(file, 1, 'the file holds NUL bytes: it is binary, not a question bank');
	}
	return text.replace(/^\uFEFF/, '');
}
