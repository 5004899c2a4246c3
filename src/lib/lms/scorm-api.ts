/**
 * Finding the LMS's SCORM API object from inside a package, by the ADL's discovery algorithm:
 * the window itself, then its parents, then the window that opened it and that one's parents.
 * The window is a parameter with a structural type, so tests pass plain objects.
 */

/** The SCORM 1.2 API (`API`): values are strings; some LMSs return booleans or numbers. */
export interface Scorm12Api {
	LMSInitialize(parameter: ''): unknown;
	LMSFinish(parameter: ''): unknown;
	LMSGetValue(element: string): unknown;
	LMSSetValue(element: string, value: string): unknown;
	LMSCommit(parameter: ''): unknown;
	LMSGetLastError(): unknown;
	LMSGetErrorString(code: string): unknown;
	LMSGetDiagnostic(code: string): unknown;
}

/** The SCORM 2004 API (`API_1484_11`). */
export interface Scorm2004Api {
	Initialize(parameter: ''): unknown;
	Terminate(parameter: ''): unknown;
	GetValue(element: string): unknown;
	SetValue(element: string, value: string): unknown;
	Commit(parameter: ''): unknown;
	GetLastError(): unknown;
	GetErrorString(code: string): unknown;
	GetDiagnostic(code: string): unknown;
}

export type ScormVersion = '1.2' | '2004';

export type FoundScormApi =
	{ version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** What discovery reads of a window; a real `Window` fits. */
export interface ApiWindow {
	API?: unknown;
	API_1484_11?: unknown;
	parent?: ApiWindow | null;
	opener?: ApiWindow | null;
}

const SEARCH = {
	// The name each version's LMS gives its API, the calls that prove an object is one, and how
	// many parents the published algorithm climbs: 7 in the SCORM 1.2 RTE's `findAPI`, 500 in
	// the SCORM 2004 RTE's `ScanForAPI`.
	'1.2': { name: 'API', calls: ['LMSInitialize', 'LMSSetValue', 'LMSGetLastError'], parents: 7 },
	'2004': { name: 'API_1484_11', calls: ['Initialize', 'SetValue', 'GetLastError'], parents: 500 }
} as const;

const isApi = (value: unknown, calls: readonly string[]): boolean =>
	typeof value === 'object' &&
	value !== null &&
	calls.every((call) => typeof (value as Record<string, unknown>)[call] === 'function');

/**
 * The API named `name` on `start` or one of its parents, and the topmost window reached. Reading
 * a property of a cross-origin window throws a SecurityError: the climb stops there.
 */
function climb(start: ApiWindow, version: ScormVersion) {
	const { name, calls, parents } = SEARCH[version];
	let win = start;
	for (let climbed = 0; ; climbed++) {
		try {
			const api = win[name];
			if (isApi(api, calls)) return { api, top: win };
			const parent = win.parent;
			if (parent == null || parent === win || climbed >= parents) return { api: null, top: win };
			win = parent;
		} catch {
			return { api: null, top: null };
		}
	}
}

function openerOf(win: ApiWindow | null): ApiWindow | null {
	try {
		return win?.opener ?? null;
	} catch {
		return null;
	}
}

function search(win: ApiWindow, version: ScormVersion): unknown {
	const here = climb(win, version);
	if (here.api) return here.api;
	// A package opened in a new window: its own opener, or (in a frame of that window) the top's.
	for (const opener of new Set([openerOf(win), openerOf(here.top)])) {
		if (opener) {
			const there = climb(opener, version);
			if (there.api) return there.api;
		}
	}
	return null;
}

/**
 * The LMS's SCORM API seen from `win`, or null. With `versions`, only those are looked for, in
 * that order: a package knows which version its manifest declares, and an LMS may offer both.
 */
export function findScormApi(
	win: ApiWindow,
	versions: readonly ScormVersion[] = ['2004', '1.2']
): FoundScormApi | null {
	for (const version of versions) {
		const api = search(win, version);
		if (api) {
			return version === '1.2'
				? { version, api: api as Scorm12Api }
				: { version, api: api as Scorm2004Api };
		}
	}
	return null;
}
