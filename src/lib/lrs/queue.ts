/**
 * Turns what the learner does in this tab into queued statements: on every change the learner
 * store announces (`onLocalChange`), the statements that change calls for are built
 * (statements.ts) and those not queued before go into the outbox, in the order of the changes.
 * A quiz whose question bank cannot be loaded yet (offline before it was cached) is built again
 * on the next change or when the sender is asked to try again.
 */
import type { LearnerStore, LocalChange } from '../progress/store.svelte.ts';
import type { Attempt } from '../quiz/attempt.ts';
import type { QuizMeta } from '../results/xapi.ts';
import { statementId } from '../results/xapi.ts';
import type { LrsSender } from './sender.svelte.ts';
import {
	attemptStatements,
	learnerActor,
	lessonStatement,
	reports,
	type Statement,
	type StatementContext
} from './statements.ts';
import { nowIso } from '../dates.ts';

export interface QueueOptions {
	/** The site's home page (the learner's account and the activity ids are under it). */
	baseIri: string;
	/** A quiz's title, pass mark and questions; undefined when the quiz is unknown. */
	quizMeta(courseId: string, quizId: string): Promise<QuizMeta | undefined>;
	/** Notes, for the next visit, that statements are waiting. */
	notePending(pending: boolean): void;
}

export class StatementQueue {
	/** Ids queued or sent before: skipped without asking the database. */
	private known = new Set<string>();
	/** Attempts whose statements could not be built yet (their bank did not load). */
	private unbuilt = new Set<string>();
	private chain: Promise<void> = Promise.resolve();

	constructor(
		private readonly store: LearnerStore,
		private readonly sender: LrsSender,
		private readonly options: QueueOptions
	) {}

	/** Loads the ids already queued, and queues what earlier visits left unsent for attempts this LRS knows. */
	async start(): Promise<void> {
		for (const id of await this.store.outboxIds()) this.known.add(id);
		const id = (attempt: Attempt, part: string) => statementId(`${attempt.id}/${part}`);
		// An attempt the LRS has heard of, whose last change was saved but not queued (the tab closed in between).
		const behind = this.store.attempts.filter(
			(a) =>
				this.known.has(id(a, 'attempted')) &&
				(a.submittedAt
					? !this.known.has(id(a, 'completed'))
					: a.checked.some((q) => !this.known.has(id(a, q))))
		);
		for (const attempt of behind) this.unbuilt.add(attempt.id);
	}

	/** Handles one change of the learner store (in order: changes wait for the ones before). */
	onChange = (change: LocalChange): Promise<void> =>
		(this.chain = this.chain.then(() => this.handle(change)).catch(() => {}));

	/** Builds again what could not be built (e.g. when the browser is back online). */
	retryUnbuilt(): Promise<void> {
		return (this.chain = this.chain.then(() => this.handle(null)).catch(() => {}));
	}

	private context(): StatementContext | null {
		const config = this.sender.config;
		if (!config || !this.sender.endpoint) return null;
		return {
			actor: config.actor ?? learnerActor(this.store.profile.learner, this.options.baseIri),
			baseIri: this.options.baseIri,
			...(config.registration ? { registration: config.registration } : {}),
			...(config.assignment
				? {
						assignments: [
							{ id: config.assignment.assignmentId, passMark: config.assignment.passMark }
						]
					}
				: {})
		};
	}

	private async handle(change: LocalChange | null) {
		const config = this.sender.config;
		const endpoint = this.sender.endpoint;
		const context = this.context();
		if (!config || !endpoint || !context) return;
		const statements: { statement: Statement; attemptId?: string }[] = [];
		// Earlier attempts first, so that statements keep the order of what happened.
		const current = change?.kind === 'attempt' ? change.attempt.id : undefined;
		for (const attemptId of [...this.unbuilt]) {
			this.unbuilt.delete(attemptId);
			const attempt = this.store.attempts.find((a) => a.id === attemptId);
			if (attempt && attemptId !== current && reports(config, { kind: 'attempt', attempt }))
				statements.push(...(await this.build(attempt, context)));
		}
		if (change && reports(config, change)) {
			if (change.kind === 'attempt')
				statements.push(...(await this.build(change.attempt, context)));
			else
				statements.push({
					statement: lessonStatement(change.courseId, change.lessonId, nowIso(), context)
				});
		}
		const fresh = statements.filter(({ statement }) => !this.known.has(statement.id));
		if (!fresh.length) return;
		const added = await this.store.enqueue(
			fresh.map(({ statement, attemptId }) => ({
				statement,
				endpoint,
				...(config.auth ? { auth: config.auth } : {}),
				...(attemptId ? { attemptId } : {})
			}))
		);
		if (!added) return;
		for (const { statement } of fresh) this.known.add(statement.id);
		if (added.length) this.options.notePending(true);
		await this.sender.kick();
	}

	private async build(attempt: Attempt, context: StatementContext) {
		const meta = await this.options.quizMeta(attempt.courseId, attempt.quizId).catch(() => null);
		if (meta === null) {
			this.unbuilt.add(attempt.id);
			return [];
		}
		if (!meta) return [];
		return attemptStatements(attempt, meta, context).map((statement) => ({
			statement,
			attemptId: attempt.id
		}));
	}
}
