/**
 * The xAPI statements an LRS gets as the learner works, built with the results export
 * (`results/xapi.ts`), so that a statement sent live has the same id as in a downloaded file:
 * `attempted` when a quiz starts, `answered` once a question's answer is final (checked, in
 * immediate-feedback mode, or at submission), then `completed` and `passed` or `failed`; and
 * `completed` for a lesson marked as done. Ids are stable, so building again gives the same ids
 * and the outbox skips those it has queued before.
 */
import type { Attempt } from '../quiz/attempt.ts';
import type { Learner } from '../results/schema.ts';
import type { LocalChange } from '../progress/store.svelte.ts';
import { buildResultsFile } from '../results/export.ts';
import { statementId, xapiStatements, type QuizMeta } from '../results/xapi.ts';
import type { Agent, LrsConfig } from './config.ts';

export type Statement = Record<string, unknown> & { id: string };

export interface StatementContext {
	actor: Agent;
	/** The site's home page: activity ids are under it. */
	baseIri: string;
	/** The launch's registration, when there is one (else each attempt is its own). */
	registration?: string;
	/** Assignments whose pass mark wins for their attempts. */
	assignments?: readonly { id: string; passMark?: number }[];
}

/** The learner as an xAPI Agent: an account on this site, named by their learner id. */
export function learnerActor(learner: Pick<Learner, 'id' | 'name'>, homePage: string): Agent {
	return {
		objectType: 'Agent',
		...(learner.name ? { name: learner.name } : {}),
		account: { homePage, name: learner.id }
	};
}

/** The statements an attempt in this state calls for (all of them: the outbox skips known ids). */
export function attemptStatements(
	attempt: Attempt,
	meta: QuizMeta,
	context: StatementContext
): Statement[] {
	// Before submission only checked answers are final; they are dated when first seen checked.
	const submittedAt = attempt.submittedAt ?? attempt.updatedAt;
	const file = buildResultsFile({
		learner: { id: 'learner' },
		attempts: [{ ...attempt, submittedAt }],
		now: new Date(submittedAt)
	});
	const quizzes = new Map([[`${attempt.courseId}/${attempt.quizId}`, meta]]);
	const all = xapiStatements(file, quizzes, context.baseIri, {
		assignments: context.assignments
	}) as Statement[];
	const wanted = attempt.submittedAt
		? null
		: new Set(
				['attempted', ...attempt.checked].map((part) => statementId(`${attempt.id}/${part}`))
			);
	return all.filter((s) => !wanted || wanted.has(s.id)).map((s) => personal(s, context));
}

/** The statement with this learner as its actor, in the launch's registration if any. */
function personal(statement: Statement, { actor, registration }: StatementContext): Statement {
	const context = statement.context as Record<string, unknown> | undefined;
	return {
		...statement,
		actor,
		...(registration && context ? { context: { ...context, registration } } : {})
	};
}

const COMPLETED = {
	id: 'http://adlnet.gov/expapi/verbs/completed',
	display: { 'en-US': 'completed' }
};

/** The `completed` statement of a lesson marked as done (once per learner and registration). */
export function lessonStatement(
	courseId: string,
	lessonId: string,
	at: string,
	context: StatementContext
): Statement {
	const root = context.baseIri.replace(/\/$/, '');
	const who = JSON.stringify(context.actor.account ?? context.actor.mbox ?? context.actor);
	return {
		id: statementId(`lesson/${who}/${context.registration ?? ''}/${courseId}/${lessonId}`),
		actor: context.actor,
		verb: COMPLETED,
		object: {
			objectType: 'Activity',
			id: `${root}/courses/${courseId}/lessons/${lessonId}`,
			definition: { type: 'http://adlnet.gov/expapi/activities/lesson' }
		},
		result: { completion: true },
		...(context.registration ? { context: { registration: context.registration } } : {}),
		timestamp: at
	};
}

/** Whether a change goes to the LRS of `config`: an assignment's LRS hears only of its items. */
export function reports(config: LrsConfig, change: LocalChange): boolean {
	const scope = config.assignment;
	if (change.kind === 'lesson' && !change.done) return false;
	if (!scope) return true;
	return change.kind === 'attempt'
		? change.attempt.courseId === scope.course && scope.quizzes.includes(change.attempt.quizId)
		: change.courseId === scope.course && scope.lessons.includes(change.lessonId);
}
