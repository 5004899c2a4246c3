/**
 * Question code that loads when it is first needed (issue 13): each type's answer controls when
 * a question of that type is about to show, the feedback when an answer is checked. Loaded code
 * is shared by the whole tab (it is code, not state), so each loads once.
 */
import type { Component } from 'svelte';
import type { Question } from '$lib/content/schema';
import type { AnswerProps } from './answer-props';

/** A module loaded on first `load()`; `current` is reactive and set once it has loaded. */
export class OnDemand<T> {
	current = $state.raw<T>();
	#loading: Promise<T> | undefined;

	constructor(private readonly importer: () => Promise<T>) {}

	/** Loads the module (once; again after a failure) and resolves to it. */
	load(): Promise<T> {
		return (this.#loading ??= this.importer().then(
			(module) => (this.current = module),
			(error: unknown) => {
				this.#loading = undefined;
				throw error;
			}
		));
	}
}

type Controls = OnDemand<{ default: Component<AnswerProps> }>;

const choice: Controls = new OnDemand(() => import('./ChoiceAnswer.svelte'));
const selectEach: Controls = new OnDemand(() => import('./SelectEachAnswer.svelte'));
const order: Controls = new OnDemand(() => import('./OrderAnswer.svelte'));
const text: Controls = new OnDemand(() => import('./TextAnswer.svelte'));

const CONTROLS: Record<Question['type'], Controls> = {
	single: choice,
	multiple: choice,
	truefalse: choice,
	match: selectEach,
	classify: selectEach,
	order,
	text
};

/** The answer controls of a question type (shared by the types that use the same ones). */
export const answerControls = (type: Question['type']): Controls => CONTROLS[type];

/** The feedback panel and the marks of a checked answer (checked.ts). */
export const checkedCode = new OnDemand(() => import('./checked'));
