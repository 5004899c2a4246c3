/** What the learner is shown about the LMS connection (LmsNotice.svelte; set by runtime.ts). */
export const lmsState = $state({
	/** The LMS's name for the learner, once connected. */
	learner: '',
	/** The last thing that went wrong, in words; '' when all is well. */
	problem: ''
});
