/** What a checked answer shows: the feedback panel and the marks on the inputs (they grade). */
export { default as Feedback } from './Feedback.svelte';
export { answerMarks } from './marks';
