/**
 * The SCORM runtime of a packaged course (DESIGN.md, "Inside an LMS"): find the LMS's API, then
 * talk to it through one session for SCORM 1.2 and 2004. Only a packaged build loads this.
 */
export {
	findScormApi,
	type ApiWindow,
	type FoundScormApi,
	type Scorm12Api,
	type Scorm2004Api,
	type ScormVersion
} from './scorm-api.ts';
export {
	ScormError,
	ScormSession,
	type ResumeState,
	type ScormErrorKind
} from './scorm-session.ts';
export {
	interactionOf,
	type InteractionResult,
	type ScormInteraction
} from './scorm-interaction.ts';
export { interactionFields, type InteractionFields } from './scorm-fields.ts';
export { cmiTimespan, isoDuration } from './scorm-format.ts';
