/**
 * `npm run bench`: the gradebook's speed on a large class. Generates 500 learners × 3 quizzes ×
 * 20 questions of results files, then times parse + validate + re-grade and item analysis, in
 * Node on this machine. Target: ≤ 1 s together. Prints figures; never fails on time.
 */
import { performance } from 'node:perf_hooks';
import { everyType, question } from '../lib/testing/builders.ts';
import { answerQuestion, startAttempt, submitAttempt } from '../lib/quiz/attempt.ts';
import { correctAnswer } from '../lib/quiz/grade.ts';
import { contentHash } from '../lib/quiz/hash.ts';
import { random } from '../lib/quiz/random.ts';
import { buildResultsFile } from '../lib/results/export.ts';
import { readJsonFile } from '../lib/results/read-file.ts';
import { RESULTS_FORMAT, RESULTS_VERSION, ResultsFile } from '../lib/results/schema.ts';
import { regrade, type GradebookQuiz } from '../lib/results/regrade.ts';
import { itemAnalysis } from '../lib/results/item-analysis.ts';
import type { Question } from '../lib/content/schema.ts';

const LEARNERS = 500;
const QUIZZES = 3;
const QUESTIONS = 20;

const types = everyType().map((q) => q.type);
const quizzes: GradebookQuiz[] = Array.from({ length: QUIZZES }, (_, k) => {
	const questions: Question[] = Array.from({ length: QUESTIONS }, (_, i) =>
		question(types[i % types.length], { id: `quiz${k}-q${i}` })
	);
	return {
		courseId: 'bench',
		quizId: `quiz${k}`,
		title: `Quiz ${k}`,
		passMark: 60,
		contentHash: contentHash(questions),
		questions: new Map(questions.map((q) => [q.id, q])),
		// The attempts below present every question in authoring order.
		settings: { shuffle: { questions: false, options: false } }
	};
});

const next = random(42);
const t0 = new Date('2026-11-25T10:00:00Z');
const files = Array.from({ length: LEARNERS }, (_, l) => {
	const attempts = quizzes.map((quiz) => {
		const qs = [...quiz.questions.values()];
		let a = startAttempt(
			{ courseId: 'bench', quizId: quiz.quizId, contentHash: quiz.contentHash, settings: {} },
			qs.map((q) => q.id),
			{ id: `l${l}-${quiz.quizId}`, seed: l, now: t0 }
		);
		for (const q of qs) if (next() < 0.7) a = answerQuestion(a, q.id, correctAnswer(q), t0);
		return submitAttempt(a, qs, quiz.passMark, t0);
	});
	return JSON.stringify(
		buildResultsFile({ learner: { id: `learner-${l}`, name: `Learner ${l}` }, attempts, now: t0 })
	);
});
const bytes = files.reduce((n, f) => n + f.length, 0);

const start = performance.now();
const parsed = files.map((text, i) => {
	const read = readJsonFile(text, text.length, {
		format: RESULTS_FORMAT,
		version: RESULTS_VERSION,
		noun: 'results file',
		schema: ResultsFile
	});
	if (!read.ok) throw new Error(read.message);
	return { source: `file-${i}.json`, file: read.value };
});
const graded = regrade(parsed, { quizzes: new Map(quizzes.map((q) => [`bench/${q.quizId}`, q])) });
const regradeMs = performance.now() - start;

const analysisStart = performance.now();
for (const quiz of quizzes)
	itemAnalysis(
		graded.filter((g) => g.attempt.quizId === quiz.quizId),
		quiz.questions
	);
const analysisMs = performance.now() - analysisStart;

const total = regradeMs + analysisMs;
console.log(
	`gradebook bench: ${LEARNERS} learners × ${QUIZZES} quizzes × ${QUESTIONS} questions (${(bytes / 1024 / 1024).toFixed(1)} MB of results files)`
);
console.log(
	`  parse + validate + re-grade: ${regradeMs.toFixed(0)} ms (${graded.length} attempts, ${graded.filter((g) => g.flags.length).length} flagged)`
);
console.log(`  item analysis:               ${analysisMs.toFixed(0)} ms`);
console.log(
	`  together:                    ${total.toFixed(0)} ms (target ≤ 1000 ms) ${total <= 1000 ? 'ok' : 'OVER TARGET'}`
);
