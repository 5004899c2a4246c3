/**
 * For specs only: a real LMS-side SCORM API (scorm-again, as LMSs embed it) in one line, holding
 * the data an LMS would launch with, and what it stored. No network: nothing is committed to a
 * URL, and nothing commits on a timer.
 */
// The package root: the subpaths' types (3.4.3) declare a default export that their ES modules lack.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { FoundScormApi, ScormVersion } from './scorm-api.ts';
import { ScormSession } from './scorm-session.ts';

const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 'NONE' } as const;

export type LmsApi = Scorm12API | Scorm2004API;
type ApiOf<V extends ScormVersion> = V extends '1.2' ? Scorm12API : Scorm2004API;

/** A fresh LMS API of `version`, launched with `cmi` (scorm-again's JSON of the data model). */
export function lmsApi<V extends ScormVersion>(
	version: V,
	cmi: Record<string, unknown> = {}
): ApiOf<V> {
	const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
	api.loadFromJSON(cmi);
	return api as ApiOf<V>;
}

/** The API as discovery returns it. */
export const found = (version: ScormVersion, api: LmsApi): FoundScormApi =>
	version === '1.2' ? { version, api: api as Scorm12API } : { version, api: api as Scorm2004API };

/** A started session over a fresh LMS API of `version`, and that API. */
export function launch<V extends ScormVersion>(version: V, cmi: Record<string, unknown> = {}) {
	const api = lmsApi(version, cmi);
	const session = new ScormSession(found(version, api));
	session.start();
	return { api, session };
}

/** What `api` holds, element by element (`cmi.core.score.raw` → `"75"`), read as the LMS keeps it. */
export const stored = (api: LmsApi): Record<string, unknown> => api.getFlattenedCMI();

/** The last error code `api` reports, as a string (`"0"` for none). */
export const lastError = (api: LmsApi): string =>
	String(api instanceof Scorm12API ? api.LMSGetLastError() : api.GetLastError());
