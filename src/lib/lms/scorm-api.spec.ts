import { describe, expect, it } from 'vitest';
import { findScormApi, type ApiWindow, type FoundScormApi } from './scorm-api.ts';
import { lmsApi, type LmsApi } from './scorm-fixtures.ts';

/** That discovery found this very API object, as this version's. */
function expectFound(result: FoundScormApi | null, version: string, api: LmsApi) {
	expect(result?.version).toBe(version);
	expect(result?.api).toBe(api);
}

/** A top-level window: its parent is itself, as in a browser. */
function topWindow(props: ApiWindow = {}): ApiWindow {
	const win: ApiWindow = { ...props };
	win.parent = win;
	return win;
}

/** A frame `depth` levels below `top`, with the frames between them. */
function frameBelow(top: ApiWindow, depth: number): ApiWindow {
	let win = top;
	for (let i = 0; i < depth; i++) win = { parent: win };
	return win;
}

/** A window of another origin: reading anything but `parent` or `opener` throws. */
function crossOrigin(parent: ApiWindow): ApiWindow {
	const blocked = () => {
		throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
	};
	return {
		get API() {
			return blocked();
		},
		get API_1484_11() {
			return blocked();
		},
		parent
	};
}

describe('finding the LMS API', () => {
	it('finds a SCORM 2004 API three frames up', () => {
		const api = lmsApi('2004');
		expectFound(findScormApi(frameBelow(topWindow({ API_1484_11: api }), 3)), '2004', api);
	});

	it('finds a SCORM 1.2 API on the window itself', () => {
		const api = lmsApi('1.2');
		expectFound(findScormApi(topWindow({ API: api })), '1.2', api);
	});

	it('finds the API in the window that opened the package, and in its parents', () => {
		const api = lmsApi('1.2');
		const lms = frameBelow(topWindow({ API: api }), 2);
		expectFound(findScormApi(topWindow({ opener: lms })), '1.2', api);
	});

	it('finds the API through the opener of the top window when the package is a frame in it', () => {
		const api = lmsApi('2004');
		const popup = topWindow({ opener: topWindow({ API_1484_11: api }) });
		expectFound(findScormApi(frameBelow(popup, 2)), '2004', api);
	});

	it('climbs 7 parents for SCORM 1.2, as the published algorithm does, and no further', () => {
		const api = lmsApi('1.2');
		expectFound(findScormApi(frameBelow(topWindow({ API: api }), 7)), '1.2', api);
		expect(findScormApi(frameBelow(topWindow({ API: api }), 8))).toBeNull();
	});

	it('climbs 500 parents for SCORM 2004, as the published algorithm does, and no further', () => {
		const api = lmsApi('2004');
		const at = (depth: number) => findScormApi(frameBelow(topWindow({ API_1484_11: api }), depth));
		expectFound(at(500), '2004', api);
		expect(at(501)).toBeNull();
	});

	it('prefers the version asked for when the LMS offers both', () => {
		const api12 = lmsApi('1.2');
		const api2004 = lmsApi('2004');
		const win = frameBelow(topWindow({ API: api12 }), 1);
		(win.parent as ApiWindow).API_1484_11 = api2004;
		expectFound(findScormApi(win), '2004', api2004);
		expectFound(findScormApi(win, ['1.2']), '1.2', api12);
		expectFound(findScormApi(win, ['1.2', '2004']), '1.2', api12);
	});

	it('passes over a global named API that is not an LMS API', () => {
		const api = lmsApi('1.2');
		const lms = topWindow({ API: api });
		const page = { API: { baseUrl: '/api' }, parent: lms };
		expectFound(findScormApi({ parent: page }), '1.2', api);
	});

	it('stops at a cross-origin frame without throwing, then tries the opener', () => {
		const api = lmsApi('2004');
		const behindForeignFrame = frameBelow(topWindow({ API_1484_11: lmsApi('2004') }), 1);
		const win: ApiWindow = { parent: crossOrigin(behindForeignFrame) };
		expect(findScormApi(win)).toBeNull();
		win.opener = topWindow({ API_1484_11: api });
		expectFound(findScormApi(win), '2004', api);
	});

	it('stops at an opener of another origin without throwing', () => {
		const foreign = crossOrigin(topWindow({ API: lmsApi('1.2') }));
		expect(findScormApi(topWindow({ opener: foreign }))).toBeNull();
	});

	it('finds nothing outside an LMS', () => {
		expect(findScormApi(frameBelow(topWindow(), 2))).toBeNull();
		expect(findScormApi(topWindow({ opener: null }))).toBeNull();
	});
});
