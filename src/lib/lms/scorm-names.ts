/**
 * What each SCORM version calls the API's calls and the data model elements a session uses.
 */

/** The API's calls in each version. */
export const CALLS = {
	'1.2': {
		initialize: 'LMSInitialize',
		terminate: 'LMSFinish',
		getValue: 'LMSGetValue',
		setValue: 'LMSSetValue',
		commit: 'LMSCommit',
		lastError: 'LMSGetLastError',
		errorString: 'LMSGetErrorString',
		diagnostic: 'LMSGetDiagnostic'
	},
	'2004': {
		initialize: 'Initialize',
		terminate: 'Terminate',
		getValue: 'GetValue',
		setValue: 'SetValue',
		commit: 'Commit',
		lastError: 'GetLastError',
		errorString: 'GetErrorString',
		diagnostic: 'GetDiagnostic'
	}
} as const;

/** The data model elements (and error codes) the session uses, in each version. */
export const DATA = {
	'1.2': {
		learnerId: 'cmi.core.student_id',
		learnerName: 'cmi.core.student_name',
		entry: 'cmi.core.entry',
		exit: 'cmi.core.exit',
		sessionTime: 'cmi.core.session_time',
		score: 'cmi.core.score',
		response: 'student_response',
		// "Not implemented": an LMS need not keep interactions in 1.2.
		unimplemented: '401',
		notInitialized: undefined
	},
	'2004': {
		learnerId: 'cmi.learner_id',
		learnerName: 'cmi.learner_name',
		entry: 'cmi.entry',
		exit: 'cmi.exit',
		sessionTime: 'cmi.session_time',
		score: 'cmi.score',
		response: 'learner_response',
		unimplemented: '402',
		// A 2004 element the LMS has no value for yet (suspend data on a first launch).
		notInitialized: '403'
	}
} as const;

export type Call = keyof (typeof CALLS)['1.2'];
