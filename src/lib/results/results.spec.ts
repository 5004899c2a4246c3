import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import validateStatement from '@learninglocker/xapi-validation';
import { buildBackup, buildResultsFile } from './export.ts';
import { readJsonFile, MAX_FILE_BYTES } from './read-file.ts';
import {
	BackupFile,
	BACKUP_FORMAT,
	BACKUP_VERSION,
	ResultsFile,
	RESULTS_FORMAT,
	RESULTS_VERSION
} from './schema.ts';
import { neutralise, resultsCsv, CSV_COLUMNS } from './csv.ts';
import { xapiStatements, statementId } from './xapi.ts';
import { gradedAnswers, masteryByTopic } from './mastery.ts';
import { correctAnswer } from '../quiz/grade.ts';
import { attempt, everyType, learner, question, submittedAttempt } from '../testing/builders.ts';

const questions = everyType();
const byId = new Map(questions.map((q) => [q.id, q]));
const t0 = new Date('2026-11-25T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
/** The quiz "Meet the frameworks" as its attempts name it. */
const overview = { courseId: 'ai-frameworks', quizId: 'overview', contentHash: 'q1-abc' };
const ada = learner({ id: 'learner-7f3a', name: 'Ada', email: 'ada@example.org' });
const wrongAnswer = {
	single: 'static',
	multiple: ['onnx'],
	truefalse: false,
	match: {},
	order: ['pytorch', 'keras', 'tensorflow'],
	text: 'nope',
	classify: {}
};

/** A submitted attempt answering the first `right` questions correctly and the rest wrongly. */
function submitted(id: string, right: number, minute = 0) {
	const answers = Object.fromEntries(
		questions.map((q, i) => [q.id, i < right ? correctAnswer(q) : wrongAnswer[q.type]])
	);
	return submittedAttempt(questions, answers, {
		...overview,
		id,
		seed: 11,
		startedAt: at(minute).toISOString(),
		submittedAt: at(minute + 5).toISOString()
	});
}

const resultsOptions = {
	format: RESULTS_FORMAT,
	version: RESULTS_VERSION,
	noun: 'results file',
	schema: ResultsFile
};
const readResults = (text: string) => readJsonFile(text, text.length, resultsOptions);

describe('the results file', () => {
	const file = buildResultsFile({
		learner: ada,
		attempts: [submitted('a1', 7), submitted('a2', 3, 10)],
		now: at(30)
	});

	it('holds every raw answer, the seed, the content hash and the computed score', () => {
		expect(ResultsFile.safeParse(file).success).toBe(true);
		expect(file.attempts.map((a) => [a.attemptId, a.seed, a.contentHash, a.score])).toEqual([
			['a1', 11, 'q1-abc', 1],
			['a2', 11, 'q1-abc', 3 / 7]
		]);
		expect(file.attempts[0].answers['match-q']).toEqual(correctAnswer(question('match')));
	});

	it('leaves out attempts still in progress', () => {
		const open = attempt({ id: 'open' });
		expect(buildResultsFile({ learner: ada, attempts: [open], now: t0 }).attempts).toEqual([]);
	});

	it('survives a round trip: export, JSON, import gives the identical file', () => {
		const read = readResults(JSON.stringify(file));
		expect(read).toEqual({ ok: true, value: file });
	});
});

describe('dates in a results file', () => {
	const file = buildResultsFile({ learner: ada, attempts: [submitted('a1', 7)], now: at(30) });
	const submittedAt = (value: string) =>
		ResultsFile.safeParse({ ...file, attempts: [{ ...file.attempts[0], submittedAt: value }] })
			.success;

	it.each([
		'1 January 2099',
		'2026-11-25',
		'2026-11-25T10:05:00',
		'2026-11-25T10:05Z',
		'2026-11-25 10:05:00Z',
		'2026-11-25T10:05:00+0900',
		'Wed, 25 Nov 2026 10:05:00 GMT'
	])('refuses %s, which is not strict ISO 8601 with an offset', (value) => {
		// Each is a date to `Date.parse`, which is all the schema asked before.
		expect(Date.parse(value)).not.toBeNaN();
		expect(submittedAt(value)).toBe(false);
	});

	it('refuses a day that is not in the calendar', () => {
		expect(submittedAt('2026-02-29T10:05:00Z')).toBe(false);
		expect(submittedAt('2028-02-29T10:05:00Z')).toBe(true);
	});

	it.each(['2026-11-25T10:05:00.000Z', '2026-11-25T02:05:00-08:00', '2026-11-25T19:05:00.5+09:00'])(
		'accepts %s, UTC or with its offset',
		(value) => {
			expect(submittedAt(value)).toBe(true);
		}
	);
});

describe('reading a file someone gives us', () => {
	const good = JSON.stringify(
		buildResultsFile({ learner: ada, attempts: [submitted('a1', 7)], now: t0 })
	);

	it.each([
		[
			'another format',
			JSON.stringify({ format: 'moodle-export', version: 1 }),
			'not a Coursekit results file'
		],
		['a truncated file', good.slice(0, good.length / 2), 'not valid JSON'],
		[
			'a future version',
			good.replace('"version":1', '"version":2'),
			'made by a newer version of Coursekit'
		],
		[
			'a __proto__ key',
			good.replace('"answers":{', '"answers":{"__proto__":{"x":"y"},'),
			'forbidden key ("__proto__")'
		],
		[
			'an edited score out of range',
			good.replace(/"score":1/, '"score":5'),
			'damaged or was edited'
		],
		[
			'a hostile string that is too long',
			good.replace('"name":"Ada"', `"name":"${'<script>'.repeat(100)}"`),
			'damaged or was edited'
		],
		['plain text', 'hello', 'not valid JSON'],
		['null', 'null', 'not a Coursekit results file']
	])('refuses %s with a clear message', (_, text, message) => {
		const read = readResults(text);
		expect(read.ok).toBe(false);
		expect(!read.ok && read.message).toContain(message);
		expect(!read.ok && read.message).toContain('Nothing was changed');
	});

	it('refuses a 200 MB file before parsing it', () => {
		const read = readJsonFile('{}', 200 * 1024 * 1024, resultsOptions);
		expect(!read.ok && read.message).toContain('200.0 MB');
		expect(MAX_FILE_BYTES).toBe(5 * 1024 * 1024);
	});

	it('never throws on arbitrary input', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.json(),
					fc.anything().map((v) => {
						try {
							return JSON.stringify(v) ?? 'undefined';
						} catch {
							return 'x';
						}
					})
				),
				(text) => {
					const read = readResults(text);
					expect(typeof read.ok).toBe('boolean');
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('a mutated valid file is either accepted and valid, or refused with a message', () => {
		const parsed = JSON.parse(good);
		const paths: (string | number)[][] = [];
		const walk = (value: unknown, path: (string | number)[]) => {
			paths.push(path);
			if (value && typeof value === 'object')
				for (const [k, v] of Object.entries(value))
					walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
		};
		walk(parsed, []);
		fc.assert(
			fc.property(
				fc.constantFrom(...paths.filter((p) => p.length)),
				fc.jsonValue(),
				(path, replacement) => {
					const copy = structuredClone(parsed);
					let target = copy;
					for (const key of path.slice(0, -1)) target = target[key];
					target[path.at(-1)!] = replacement;
					const read = readResults(JSON.stringify(copy));
					if (read.ok) expect(ResultsFile.safeParse(read.value).success).toBe(true);
					else expect(read.message.length).toBeGreaterThan(10);
				}
			),
			{ numRuns: 1500 }
		);
	});
});

describe('the backup file', () => {
	it('round-trips attempts in progress, the profile and lessons done', () => {
		const open = attempt({ id: 'open', answers: { 'single-q': 'dynamic' } });
		const backup = buildBackup({
			profile: { learner: ada, lastBackupAt: t0.toISOString() },
			attempts: [open, submitted('a1', 7)],
			lessonsDone: [{ key: 'ai-frameworks/overview', at: t0.toISOString() }],
			now: t0
		});
		const text = JSON.stringify(backup);
		expect(
			readJsonFile(text, text.length, {
				format: BACKUP_FORMAT,
				version: BACKUP_VERSION,
				noun: 'backup',
				schema: BackupFile
			})
		).toEqual({ ok: true, value: backup });
	});
});

describe('the gradebook CSV', () => {
	it('has one row per learner × quiz with best and last scores', () => {
		const file = buildResultsFile({
			learner: ada,
			attempts: [submitted('a1', 3), submitted('a2', 7, 10)],
			now: at(30)
		});
		const csv = resultsCsv(
			[file],
			[
				{
					courseId: 'ai-frameworks',
					quizId: 'overview',
					title: 'Meet the frameworks',
					passMark: 70
				}
			]
		);
		const [header, row, ...rest] = csv.split('\r\n');
		expect(header).toBe(CSV_COLUMNS.join(','));
		expect(row).toBe(
			'learner-7f3a,Ada,,ada@example.org,ai-frameworks,overview,Meet the frameworks,2,100,100,yes,2026-11-25T10:15:00.000Z'
		);
		expect(rest).toEqual([]);
	});

	it('neutralises every cell that a spreadsheet would run as a formula', () => {
		for (const cell of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx'])
			expect(neutralise(cell)).toBe(`'${cell}`);
		expect(neutralise('Ada')).toBe('Ada');
		const file = buildResultsFile({
			learner: learner({ name: '=HYPERLINK("http://evil")', studentId: '+1' }),
			attempts: [submitted('a1', 7)],
			now: t0
		});
		const csv = resultsCsv([file], []);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
		expect(csv).toContain(",'+1,");
	});
});

describe('xAPI statements', () => {
	const file = buildResultsFile({ learner: ada, attempts: [submitted('a1', 4)], now: t0 });
	const statements = xapiStatements(
		file,
		new Map([
			['ai-frameworks/overview', { title: 'Meet the frameworks', passMark: 70, questions: byId }]
		]),
		'https://coursekit.example.org/'
	);

	it('are valid xAPI 1.0.3 for every question type', () => {
		expect(statements.length).toBe(questions.length + 3);
		for (const statement of statements)
			expect(validateStatement(statement), JSON.stringify(statement)).toEqual([]);
		const types = statements.flatMap((s) =>
			'interactionType' in (s.object.definition ?? {})
				? [(s.object.definition as { interactionType: string }).interactionType]
				: []
		);
		expect(new Set(types)).toEqual(
			new Set(['choice', 'true-false', 'matching', 'sequencing', 'fill-in'])
		);
	});

	it('are attempted, answered per question, completed, then passed or failed', () => {
		expect(statements.map((s) => s.verb.display['en-US'])).toEqual([
			'attempted',
			...questions.map(() => 'answered'),
			'completed',
			'failed'
		]);
		const order = statements.find((s) => s.object.id.endsWith('/order-q'))!;
		expect(order.object.definition).toMatchObject({
			interactionType: 'sequencing',
			correctResponsesPattern: ['tensorflow[,]pytorch[,]keras']
		});
		const match = statements.find((s) => s.object.id.endsWith('/match-q'))!;
		expect(
			(match.object.definition as { correctResponsesPattern: string[] }).correctResponsesPattern[0]
		).toContain('tensorflow[.]gpus-tpus');
		expect(statements[0].actor).toEqual({
			objectType: 'Agent',
			name: 'Ada',
			mbox: 'mailto:ada@example.org'
		});
	});

	it("use the assignment's pass mark for an attempt handed in for it", () => {
		// 4 of 7 right: 57%, under the quiz's 70%.
		const attempt = { ...submitted('w1', 4), assignmentId: 'week-1' };
		const forWeek1 = buildResultsFile({ learner: ada, attempts: [attempt], now: t0 });
		const quizzes = new Map([
			['ai-frameworks/overview', { title: 'Meet the frameworks', passMark: 70, questions: byId }]
		]);
		const verdict = (assignments?: { id: string; passMark?: number }[]) =>
			xapiStatements(forWeek1, quizzes, 'https://coursekit.example.org/', { assignments }).at(-1)
				?.verb.display['en-US'];
		expect(verdict()).toBe('failed');
		expect(verdict([{ id: 'week-1', passMark: 50 }])).toBe('passed');
		expect(verdict([{ id: 'week-2', passMark: 50 }])).toBe('failed');
		expect(verdict([{ id: 'week-1' }])).toBe('failed');
	});

	it('have stable UUIDs', () => {
		expect(statementId('a')).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		expect(statementId('a')).toBe(statementId('a'));
		expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
	});
});

describe('mastery per topic', () => {
	const q = (id: string, topic: string) => question('truefalse', { id, topic });
	const bank = new Map(
		[q('g1', 'graph-types'), q('g2', 'graph-types'), q('d1', 'deployment')].map((x) => [x.id, x])
	);
	const taken = (id: string, minute: number, answers: Record<string, boolean>) =>
		submittedAttempt([...bank.values()], answers, {
			id,
			questionIds: Object.keys(answers),
			submittedAt: at(minute + 1).toISOString()
		});

	it('weights the newest answer to a question most', () => {
		const answers = gradedAnswers(
			[taken('a', 0, { g1: false, d1: true }), taken('b', 10, { g1: true, g2: true })],
			bank
		);
		const mastery = masteryByTopic(answers);
		expect(mastery).toEqual(
			[
				{
					topic: 'graph-types',
					// g1: right now (weight 1), wrong before (½); g2: right (1) → (1 + 0 + 1) / 2.5
					mastery: 2 / 2.5,
					answers: 3,
					questions: 2
				},
				{ topic: 'deployment', mastery: 1, answers: 1, questions: 1 }
			].map((m) => ({ ...m, mastery: expect.closeTo(m.mastery, 10) }))
		);
	});
});
