/** Component-test helper: render a question input the way a quiz page uses it. */
import { render } from 'vitest-browser-svelte';
import type { Component } from 'svelte';
import type { Answer } from '../quiz/grade.ts';

interface Answering {
	answer?: Answer;
	onanswer: (answer: Answer) => void;
}

/** Renders `component`; every answer it reports is recorded and passed back in as its `answer`. */
export async function renderAnswering<Props extends Answering>(
	component: Component<Props>,
	props: Omit<Props, 'onanswer'>
) {
	const reported: Answer[] = [];
	const screen = await render(component, {
		...props,
		onanswer: (answer: Answer) => {
			reported.push(answer);
			void screen.rerender({ answer } as Partial<Props>);
		}
	} as Props);
	return { screen, reported };
}
