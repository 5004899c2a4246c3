/**
 * The state of one quiz page: the learner's attempts, the one being taken, where it is stored.
 * Every change is saved at once through the learner store; when storage fails the work stays in
 * memory and the page says so.
 */
import type { QuizView } from '$lib/content/quiz-view';
import {
	answerQuestion,
	attemptsLeft,
	checkQuestion,
	clearAnswer,
	goTo,
	isExpired,
	isSubmitted,
	startAttempt,
	toggleFlag,
	type Attempt
} from '$lib/quiz/attempt-rules';
import { drawQuestions } from '$lib/quiz/draw';
import { currentTime } from './clock';
import { newSeed } from '$lib/quiz/random';
import type { Answer } from '$lib/quiz/grade';
import type { LearnerStore } from '$lib/progress/store.svelte';
import { lockAttempt, type AttemptLock } from '$lib/progress/tabs';

export type Phase = 'loading' | 'start' | 'question' | 'result';
export type StorageState = 'ok' | 'unavailable' | 'failed';

export class QuizSession {
	phase = $state<Phase>('loading');
	/** Set once the browser starts loading progress (never on the prerendered page). */
	initialising = $state(false);
	// Attempts are immutable values (every change makes a new one), so they are held raw: no deep
	// proxies, which also keeps them storable by IndexedDB's structured clone.
	/** All of this learner's attempts at the quiz, oldest first. */
	attempts = $state.raw<Attempt[]>([]);
	/** The attempt on screen: in progress, or the submitted one being reviewed. */
	attempt = $state.raw<Attempt | null>(null);
	/** A submit is waiting for the grader to load. */
	private submitting = false;
	/** The last write of this quiz failed (the store's banner says why). */
	private failed = $state(false);
	/** Another tab holds this attempt: show it, don't change it. */
	readOnly = $state(false);
	now = $state(Date.now());
	/** Writes under way; the page shows "Saving…" until they are done. */
	pendingWrites = $state(0);

	private lock: AttemptLock | null = null;
	private stopListening = () => {};

	/** `assignmentId`: attempts taken from an assignment link are tagged and counted apart. */
	constructor(
		readonly quiz: QuizView,
		private readonly store: LearnerStore,
		readonly assignmentId?: string
	) {}

	get storage(): StorageState {
		if (this.store.status === 'unavailable' || this.store.status === 'outdated')
			return 'unavailable';
		return this.failed ? 'failed' : 'ok';
	}

	get questions() {
		return this.quiz.questions.map((v) => v.question);
	}

	get submitted() {
		return this.attempts.filter(isSubmitted);
	}

	get inProgress() {
		return this.attempts.find((a) => !isSubmitted(a)) ?? null;
	}

	get attemptsLeft() {
		return attemptsLeft(this.submitted.length, this.quiz.settings.maxAttempts);
	}

	/** Opens storage, loads the history, and finishes an attempt whose time ran out meanwhile. */
	async init() {
		this.initialising = true;
		await this.store.ready();
		this.attempts = this.store
			.attemptsFor(this.quiz.courseId, this.quiz.id)
			.filter((a) => a.assignmentId === this.assignmentId);
		this.stopListening = this.store.onAttemptFromAnotherTab((attempt) => this.receive(attempt));
		const open = this.inProgress;
		if (open && isExpired(open, currentTime())) {
			const { submitAttempt } = await import('$lib/quiz/attempt');
			const { passMark } = this.quiz;
			await this.persist(submitAttempt(open, this.questions, passMark, currentTime(), 'timeout'));
		}
		this.phase = 'start';
	}

	destroy() {
		this.stopListening();
		this.lock?.release();
	}

	async start() {
		if (this.attemptsLeft <= 0) return;
		const seed = newSeed();
		const drawn = drawQuestions(this.questions, this.quiz.settings, seed);
		const attempt = startAttempt(
			{
				courseId: this.quiz.courseId,
				quizId: this.quiz.id,
				contentHash: this.quiz.contentHash,
				settings: this.quiz.settings
			},
			drawn.map((q) => q.id),
			{ id: crypto.randomUUID(), seed, now: currentTime(), assignmentId: this.assignmentId }
		);
		await this.open(attempt);
		await this.persist(attempt);
	}

	async resume() {
		const open = this.inProgress;
		if (open) await this.open(open);
	}

	private async open(attempt: Attempt) {
		this.lock?.release();
		this.lock = await lockAttempt(attempt.id);
		this.readOnly = !this.lock.owner;
		this.attempt = attempt;
		this.phase = 'question';
	}

	/** Shows a submitted attempt's result and review. */
	review(attempt: Attempt) {
		this.attempt = attempt;
		this.phase = 'result';
	}

	backToStart() {
		this.lock?.release();
		this.lock = null;
		this.readOnly = false;
		this.attempt = null;
		this.phase = 'start';
	}

	answer(questionId: string, answer: Answer) {
		this.change((a, now) =>
			typeof answer === 'string' && answer.trim() === ''
				? clearAnswer(a, questionId, now)
				: answerQuestion(a, questionId, answer, now)
		);
	}

	toggleFlag(questionId: string) {
		this.change((a, now) => toggleFlag(a, questionId, now));
	}

	check(questionId: string) {
		this.change((a, now) => checkQuestion(a, questionId, now));
	}

	goTo(index: number) {
		this.change((a, now) => goTo(a, index, now));
	}

	/**
	 * Submits the attempt on screen. The grader loads now (it is not part of a quiz's first
	 * load); a second call while it loads does nothing.
	 */
	async submit(by: 'learner' | 'timeout' = 'learner') {
		const attempt = this.attempt;
		if (!attempt || this.readOnly || isSubmitted(attempt) || this.submitting) return;
		this.submitting = true;
		try {
			const { submitAttempt } = await import('$lib/quiz/attempt');
			// The attempt may have changed while the grader loaded (an answer, another tab).
			const current = this.attempt;
			if (!current || current.id !== attempt.id || this.readOnly || isSubmitted(current)) return;
			const done = submitAttempt(current, this.questions, this.quiz.passMark, currentTime(), by);
			this.attempt = done;
			this.phase = 'result';
			void this.persist(done);
			this.lock?.release();
		} finally {
			this.submitting = false;
		}
	}

	/** Called every second while a timed attempt is open. */
	tick() {
		this.now = Date.now();
		if (this.attempt && !this.readOnly && isExpired(this.attempt, currentTime()))
			void this.submit('timeout');
	}

	private change(update: (attempt: Attempt, now: Date) => Attempt) {
		const attempt = this.attempt;
		if (!attempt || this.readOnly) return;
		const next = update(attempt, currentTime());
		if (next === attempt) return;
		this.attempt = next;
		void this.persist(next);
	}

	/** Keeps the history current and stores it; a failed write keeps the work in memory. */
	private async persist(attempt: Attempt) {
		this.remember(attempt);
		this.pendingWrites++;
		try {
			this.failed = !(await this.store.saveAttempt(attempt));
		} finally {
			this.pendingWrites--;
		}
	}

	private remember(attempt: Attempt) {
		const others = this.attempts.filter((a) => a.id !== attempt.id);
		this.attempts = [...others, attempt].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
	}

	/** Another tab saved an attempt at this quiz: show it (newer revisions only). */
	private receive(attempt: Attempt) {
		if (attempt.courseId !== this.quiz.courseId || attempt.quizId !== this.quiz.id) return;
		if (attempt.assignmentId !== this.assignmentId) return;
		const known = this.attempts.find((a) => a.id === attempt.id);
		if (known && known.revision >= attempt.revision) return;
		this.remember(attempt);
		if (this.attempt?.id === attempt.id && this.readOnly) {
			this.attempt = attempt;
			if (isSubmitted(attempt)) this.phase = 'result';
		}
	}
}
