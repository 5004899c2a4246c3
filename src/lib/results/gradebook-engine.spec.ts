import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Question } from '../content/schema.ts';
import { drawQuestions } from '../quiz/draw.ts';
import { effectivePassMark, passes, scoreAttempt } from '../quiz/score.ts';
import {
	gradebookQuiz,
	learner,
	question,
	resultsFile,
	submittedAttempt
} from '../testing/builders.ts';
import { GradebookEngine, gradebookService, type GradebookReply } from './gradebook-engine.ts';
import { normaliseText } from '../quiz/grade.ts';
import { describeAnswer } from './describe-answer.ts';
import type { ItemStats } from './item-analysis.ts';
import type { GradedAnswer, TopicMastery } from './mastery.ts';
import {
	attemptKey,
	CLOCK_SKEW_MS,
	type GradebookCell,
	type GradebookRow,
	type GradedAttempt,
	TIME_LIMIT_GRACE_MS,
	type Flag,
	type GradebookQuiz,
	type RegradeOptions
} from './regrade.ts';
import type { Learner, ResultAttempt, ResultsFile } from './schema.ts';
import { response } from './xapi.ts';

/**
 * The view's rows, item analysis and mastery as regrade.ts, item-analysis.ts and mastery.ts
 * computed them before they were made faster (commit 9b9ac7e), written plainly: the oracle below
 * must not lean on the code it checks.
 */
const byName = new Intl.Collator();
function formerRows(
	graded: readonly GradedAttempt[],
	quizzes: ReadonlyMap<string, GradebookQuiz>,
	passMark?: number
): GradebookRow[] {
	const byLearner = new Map<string, { learner: Learner; byQuiz: Map<string, GradedAttempt[]> }>();
	for (const g of graded) {
		const entry = byLearner.get(g.learner.id) ?? { learner: g.learner, byQuiz: new Map() };
		byLearner.set(g.learner.id, entry);
		const quizKey = `${g.attempt.courseId}/${g.attempt.quizId}`;
		entry.byQuiz.set(quizKey, [...(entry.byQuiz.get(quizKey) ?? []), g]);
	}
	const cellOf = (attempts: GradedAttempt[], mark: number): GradebookCell => {
		const counting = attempts.filter((g) => g.counts);
		const scores = counting.flatMap((g) => (g.score === undefined ? [] : [g.score]));
		const best = scores.length ? Math.max(...scores) : undefined;
		return {
			best,
			passed: best !== undefined && passes(best, mark),
			attempts: new Set(counting.map((g) => g.key)).size,
			flags: [...new Set(attempts.flatMap((g) => g.flags))]
		};
	};
	return [...byLearner.values()]
		.map(({ learner, byQuiz }) => ({
			learner,
			scores: Object.fromEntries(
				[...byQuiz].map(([quizKey, attempts]) => [
					quizKey,
					cellOf(attempts, effectivePassMark(quizzes.get(quizKey)?.passMark ?? 100, passMark))
				])
			)
		}))
		.sort((a, b) => byName.compare(a.learner.name ?? a.learner.id, b.learner.name ?? b.learner.id));
}

function formerItemAnalysis(
	attempts: readonly GradedAttempt[],
	questions: ReadonlyMap<string, Question>
): ItemStats[] {
	const answerText = (question: Question | undefined, answer: unknown) => {
		if (question?.type === 'text' && typeof answer === 'string') return normaliseText(answer);
		if (Array.isArray(answer) && question?.type === 'multiple')
			return [...answer].sort().join('[,]');
		if (answer && typeof answer === 'object' && !Array.isArray(answer))
			return response(
				Object.fromEntries(Object.entries(answer).sort(([a], [b]) => a.localeCompare(b)))
			);
		return response(answer);
	};
	const mean = (xs: number[]) => (xs.length ? xs.reduce((sum, x) => sum + x, 0) / xs.length : 0);
	const scored = attempts.filter((a) => a.score !== undefined);
	const ranked = [...scored].sort((a, b) => b.score! - a.score!);
	const group = Math.max(1, Math.round(ranked.length * 0.27));
	const upper = new Set(ranked.slice(0, group));
	const lower = new Set(ranked.slice(-group));
	const ids = [
		...new Set(
			scored.flatMap((a) => a.attempt.questionIds.filter((q) => Object.hasOwn(a.questionScores, q)))
		)
	];
	return ids.map((questionId) => {
		const question = questions.get(questionId);
		const taking = scored.filter((a) => Object.hasOwn(a.questionScores, questionId));
		const scoreOf = (a: GradedAttempt) => a.questionScores[questionId] ?? 0;
		const wrong = new Map<string, { count: number; text: string }>();
		for (const a of taking) {
			const given = a.wrongAnswers[questionId];
			if (scoreOf(a) >= 1 || given === undefined) continue;
			const key = answerText(question, given);
			const seen = wrong.get(key) ?? { count: 0, text: describeAnswer(question, given) };
			wrong.set(key, { ...seen, count: seen.count + 1 });
		}
		const top = [...wrong].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))[0];
		return {
			questionId,
			answers: taking.length,
			facility: mean(taking.map(scoreOf)),
			discrimination:
				mean(taking.filter((a) => upper.has(a)).map(scoreOf)) -
				mean(taking.filter((a) => lower.has(a)).map(scoreOf)),
			...(top ? { commonWrong: { answer: top[0], text: top[1].text, count: top[1].count } } : {})
		};
	});
}

function formerMastery(answers: readonly GradedAnswer[]): TopicMastery[] {
	const byQuestion = new Map<string, GradedAnswer[]>();
	for (const a of answers)
		byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
	const totals = new Map<
		string,
		{ weighted: number; weight: number; answers: number; questions: number }
	>();
	for (const list of byQuestion.values()) {
		const newestFirst = [...list].sort((a, b) => b.at.localeCompare(a.at));
		const topic = newestFirst[0].topic;
		const total = totals.get(topic) ?? { weighted: 0, weight: 0, answers: 0, questions: 0 };
		newestFirst.forEach((a, k) => {
			total.weighted += 0.5 ** k * a.score;
			total.weight += 0.5 ** k;
		});
		total.answers += list.length;
		total.questions += 1;
		totals.set(topic, total);
	}
	return [...totals].map(([topic, t]) => ({
		topic,
		mastery: t.weighted / t.weight,
		answers: t.answers,
		questions: t.questions
	}));
}

/**
 * The gradebook as the page computed it on the main thread before the worker (regrade.ts and
 * +page.svelte at commit 961da78), kept here as the oracle the streaming engine must match.
 */
function mainThreadGradebook(
	files: { source: string; file: ResultsFile }[],
	options: RegradeOptions
) {
	const answerKey = (a: ResultAttempt) =>
		JSON.stringify([a.questionIds, a.answers, Date.parse(a.submittedAt)]);
	const sameIds = (a: readonly string[], b: readonly string[]) =>
		a.length === b.length && a.every((id, i) => id === b[i]);
	function integrityFlags(
		attempt: ResultAttempt,
		quiz: GradebookQuiz | undefined,
		o: { now: number; due?: number; knownContent: boolean }
	): Flag[] {
		const flags: Flag[] = [];
		if (quiz && o.knownContent) {
			const drawn = drawQuestions([...quiz.questions.values()], quiz.settings, attempt.seed);
			if (
				!sameIds(
					drawn.map((q) => q.id),
					attempt.questionIds
				)
			)
				flags.push('questions-differ');
		}
		if (new Set(attempt.questionIds).size < attempt.questionIds.length)
			flags.push('repeated-question');
		const started = Date.parse(attempt.startedAt);
		const submitted = Date.parse(attempt.submittedAt);
		if (started > submitted) flags.push('started-after-submit');
		if (submitted > o.now + CLOCK_SKEW_MS) flags.push('submitted-in-future');
		const limit = quiz?.settings.timeLimitMinutes;
		if (limit !== undefined && submitted - started > limit * 60_000 + TIME_LIMIT_GRACE_MS)
			flags.push('over-time-limit');
		if (o.due !== undefined && submitted > o.due) flags.push('late');
		return flags;
	}
	const now = (options.now ?? new Date()).getTime();
	const dueAt = options.assignment?.due ? Date.parse(options.assignment.due) : NaN;
	const due = Number.isNaN(dueAt) ? undefined : dueAt;
	const all = files.flatMap(({ source, file }) =>
		file.attempts.map((attempt) => ({ source, learner: file.learner, file, attempt }))
	);
	const learnersOf = new Map<string, Set<string>>();
	const versionsOf = new Map<string, Set<string>>();
	for (const { learner, attempt } of all) {
		const learners = learnersOf.get(attempt.attemptId) ?? new Set();
		learnersOf.set(attempt.attemptId, learners.add(learner.id));
		const key = attemptKey(learner.id, attempt.attemptId);
		versionsOf.set(key, (versionsOf.get(key) ?? new Set()).add(answerKey(attempt)));
	}
	const seen = new Set<string>();
	const graded = all.map(({ source, learner, file, attempt }) => {
		const flags: Flag[] = [];
		const quiz = options.quizzes.get(`${attempt.courseId}/${attempt.quizId}`);
		const questionScores: Record<string, number> = {};
		let score: number | undefined;
		if (!quiz) {
			flags.push('unknown-quiz');
		} else {
			const scored = scoreAttempt(attempt, quiz.questions);
			for (const q of scored.questions) questionScores[q.questionId] = q.score;
			score = scored.score;
			if (attempt.contentHash !== quiz.contentHash || scored.missing.length)
				flags.push('unknown-content');
			if (Math.abs(score - attempt.score) > 1e-6) flags.push('score-differs');
		}
		const key = attemptKey(learner.id, attempt.attemptId);
		const copy = `${key}\n${answerKey(attempt)}`;
		if (seen.has(copy)) flags.push('duplicate');
		seen.add(copy);
		if (versionsOf.get(key)!.size > 1) flags.push('conflict');
		if (learnersOf.get(attempt.attemptId)!.size > 1) flags.push('two-learners');
		const assignmentId = attempt.assignmentId ?? file.assignmentId;
		if (options.assignment && assignmentId !== options.assignment.id)
			flags.push('other-assignment');
		flags.push(
			...integrityFlags(attempt, quiz, {
				now,
				due,
				knownContent: !flags.includes('unknown-content')
			})
		);
		return {
			source,
			learner,
			attempt,
			key,
			score,
			passed:
				quiz && score !== undefined
					? passes(score, effectivePassMark(quiz.passMark, options.assignment?.passMark))
					: undefined,
			questionScores,
			wrongAnswers: attempt.answers,
			missing: [],
			flags,
			counts: score !== undefined && (flags.length === 0 || !!options.accepted?.has(key))
		};
	});
	const rows = formerRows(graded, options.quizzes, options.assignment?.passMark);
	const columns = [...options.quizzes.values()]
		.filter((q) => rows.some((r) => r.scores[`${q.courseId}/${q.quizId}`]))
		.map((q) => `${q.courseId}/${q.quizId}`);
	return {
		attempts: graded.length,
		rows,
		flagged: graded
			.filter((g) => g.flags.length > 0)
			.map((g) => ({
				key: g.key,
				source: g.source,
				learner: g.learner,
				quizKey: `${g.attempt.courseId}/${g.attempt.quizId}`,
				score: g.score,
				flags: g.flags
			})),
		statusBySource: new Map(
			files.map((i) => [
				i.source,
				[...new Set(graded.filter((g) => g.source === i.source).flatMap((g) => g.flags))]
			])
		),
		mastery: formerMastery(
			graded.flatMap((g) => {
				const quiz = options.quizzes.get(`${g.attempt.courseId}/${g.attempt.quizId}`);
				if (!quiz || !g.counts) return [];
				return Object.entries(g.questionScores).map(([questionId, score]) => ({
					questionId: `${g.learner.id}/${questionId}`,
					topic: quiz.questions.get(questionId)?.topic ?? '?',
					score,
					at: g.attempt.submittedAt
				}));
			})
		),
		quizzes: columns.map((key) => [
			key,
			{
				items: formerItemAnalysis(
					graded.filter((g) => `${g.attempt.courseId}/${g.attempt.quizId}` === key && g.counts),
					options.quizzes.get(key)!.questions
				),
				scores: rows.flatMap((r) => {
					const cell = r.scores[key];
					return cell?.best !== undefined ? [cell.best] : [];
				})
			}
		])
	};
}

const basics: Question[] = [
	question('truefalse', { id: 'q1', answer: true, topic: 'a' }),
	question('single', { id: 'q2', topic: 'b' }),
	question('text', { id: 'q3', topic: 'b' }),
	question('multiple', { id: 'q4', topic: 'a' })
];
const drawn = gradebookQuiz(basics, {
	quizId: 'drawn',
	passMark: 50,
	settings: { shuffle: { questions: true, options: false }, timeLimitMinutes: 10 }
});
const plain = gradebookQuiz(basics, { quizId: 'plain', passMark: 75 });
const quizzes = new Map([
	['tiny/drawn', drawn],
	['tiny/plain', plain]
]);
const t = Date.parse('2026-11-25T10:00:00Z');
const iso = (minutes: number) => new Date(t + minutes * 60_000).toISOString();

/** One attempt from a handful of choices that between them raise every flag. */
const anAttempt = fc
	.record({
		id: fc.constantFrom('x', 'y', 'z'),
		quiz: fc.constantFrom('drawn', 'plain', 'gone'),
		seed: fc.integer({ min: 0, max: 3 }),
		answers: fc.subarray([
			['q1', true],
			['q1', false],
			['q2', 'dynamic'],
			['q2', 'static'],
			['q3', 'TensorBoard'],
			['q3', 'tensorboard '],
			['q3', 'nothing'],
			['q4', ['serving']],
			['q4', ['serving', 'lite', 'onnx']],
			['q4', ['lite', 'serving']]
		] as [string, unknown][]),
		order: fc.constantFrom('drawn', 'authoring', 'repeated', 'foreign'),
		forged: fc.boolean(),
		oldContent: fc.boolean(),
		start: fc.constantFrom(0, 30),
		took: fc.constantFrom(5, 20, -5, 60 * 24 * 400),
		assignmentId: fc.constantFrom(undefined, 'week-1', 'week-2')
	})
	.map((a): ResultAttempt => {
		const quiz = quizzes.get(`tiny/${a.quiz}`) ?? plain;
		const order = drawQuestions(basics, quiz.settings, a.seed).map((q) => q.id);
		const questionIds = {
			drawn: order,
			authoring: basics.map((q) => q.id),
			repeated: [...order, order[0]],
			foreign: [...order.slice(1), 'q9']
		}[a.order];
		const answers = Object.fromEntries(a.answers);
		const taken = submittedAttempt(basics, answers as never, {
			id: a.id,
			seed: a.seed,
			quizId: a.quiz,
			questionIds,
			startedAt: iso(a.start),
			submittedAt: iso(a.start + a.took)
		});
		const file = resultsFile([taken]);
		const attempt = file.attempts[0];
		const score = scoreAttempt(attempt, quiz.questions).score;
		return {
			...attempt,
			score: a.forged ? 1 - score : score,
			...(a.oldContent ? { contentHash: 'q1-0000000000000000' } : {}),
			...(a.assignmentId ? { assignmentId: a.assignmentId } : {})
		};
	});

const aFile = fc
	.record({
		learner: fc.constantFrom('ada', 'bob', 'cy'),
		attempts: fc.array(anAttempt, { minLength: 1, maxLength: 3 }),
		assignmentId: fc.constantFrom(undefined, 'week-1')
	})
	.map(({ learner: id, attempts, assignmentId }) => ({
		...resultsFile([], { learner: learner({ id, name: id.toUpperCase() }) }),
		attempts,
		...(assignmentId ? { assignmentId } : {})
	}));

const aClass = fc.record({
	files: fc.array(aFile, { minLength: 1, maxLength: 7 }),
	assignment: fc.constantFrom(
		undefined,
		{ id: 'week-1' },
		{ id: 'week-1', due: iso(20), passMark: 30 }
	),
	accept: fc.array(fc.nat(), { maxLength: 4 }),
	removed: fc.nat()
});

const now = new Date(t + 60 * 60_000);

describe('the streaming gradebook engine', () => {
	it('shows exactly what the main thread computed, flags and figures, for any class', () => {
		fc.assert(
			fc.property(aClass, ({ files, assignment, accept, removed }) => {
				const named = files.map((file, i) => ({ source: `file-${i % 4}.json`, file }));
				const engine = new GradebookEngine(quizzes);
				named.forEach(({ source, file }, i) => {
					const text = JSON.stringify(file);
					expect(engine.add(`id-${i}`, source, text, text.length).ok).toBe(true);
				});
				const keys = mainThreadGradebook(named, { quizzes, assignment, now }).flagged.map(
					(f) => f.key
				);
				const accepted = accept.map((n) => keys[n % Math.max(1, keys.length)]).filter(Boolean);
				const options = { quizzes, assignment, now, accepted: new Set(accepted) };
				const { statusBySource, ...expected } = mainThreadGradebook(named, options);
				const view = engine.view({ assignment, accepted, now: now.getTime() });
				expect(view).toEqual({ ...expected, flagsBySource: [...statusBySource] });

				// Removing a file re-flags the others as if it had never been imported.
				const gone = removed % named.length;
				engine.remove([`id-${gone}`]);
				const rest = named.filter((_, i) => i !== gone);
				const after = mainThreadGradebook(rest, options);
				const again = engine.view({ assignment, accepted, now: now.getTime() });
				expect(again.rows).toEqual(after.rows);
				expect(again.flagged).toEqual(after.flagged);
				expect(again.quizzes).toEqual(after.quizzes);
				expect(again.mastery).toEqual(after.mastery);
			}),
			{ numRuns: 300 }
		);
	}, 30_000);

	it('refuses a file it cannot read, with the reason, and keeps nothing of it', () => {
		const engine = new GradebookEngine(quizzes);
		expect(engine.add('1', 'notes.txt', 'not json', 8)).toEqual({
			ok: false,
			message: expect.stringMatching(/not valid JSON/)
		});
		const edited = { ...resultsFile(), version: 2 };
		const text = JSON.stringify(edited);
		expect(engine.add('2', 'new.json', text, text.length)).toMatchObject({ ok: false });
		expect(engine.view().attempts).toBe(0);
	});

	it('answers each request of the worker protocol with its own sequence number', () => {
		const replies: GradebookReply[] = [];
		const handle = gradebookService((reply) => replies.push(reply));
		const text = JSON.stringify(
			resultsFile([submittedAttempt(basics, { q1: true }, { quizId: 'plain' })])
		);
		handle({ seq: 1, type: 'init', quizzes });
		handle({ seq: 2, type: 'add', id: 'a', source: 'a.json', text, bytes: text.length });
		handle({ seq: 3, type: 'view', options: {} });
		handle({ seq: 4, type: 'remove', ids: ['a'] });
		handle({ seq: 5, type: 'view', options: {} });
		expect(replies.map((r) => [r.seq, r.type])).toEqual([
			[1, 'ready'],
			[2, 'added'],
			[3, 'view'],
			[4, 'ready'],
			[5, 'view']
		]);
		expect(replies[2].type === 'view' && replies[2].view.rows[0].scores['tiny/plain'].best).toBe(
			0.25
		);
		expect(replies[4].type === 'view' && replies[4].view.attempts).toBe(0);
	});
});
