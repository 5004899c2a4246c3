/**
 * The progress page's code for a learner who has stored something (or is restoring a backup):
 * the page imports it only then, so that a first visit loads none of it, nor the store.
 */
export { ProgressState, warmActions } from './progress-state.svelte';
export { default as ProgressView } from './ProgressView.svelte';
export { default as RestorePreview } from './RestorePreview.svelte';
