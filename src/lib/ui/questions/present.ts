/**
 * How a question's parts are presented in one attempt: seeded orders, and marks after checking.
 * Each part lives in its own module, so that a page loads only the code of the question types it
 * shows (on-demand.svelte.ts); this module gathers them for tests and for pages that show them all.
 */
export { choiceHtml, optionOrder, type Presentation } from './presentation';
export { classifyLayout, matchLayout } from './select-layout';
export { orderLayout } from './order-layout';
export { answerMarks, verdict, type Marks, type Verdict } from './marks';
