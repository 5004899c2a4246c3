/**
 * A minimal `XMLHttpRequest` over `fetch`, for Node tests of browser code. `@xapi/cmi5` bundles
 * a browser build of axios whose only working adapter in its xAPI client is XHR (the Node `http`
 * adapter is left out), so its launch (LaunchData, learner preferences) needs this to run in
 * Node. It implements what axios's XHR adapter uses: open, headers, send, abort, the load/error
 * callbacks and the response fields.
 */
type Handler = ((event: unknown) => void) | null;

class FetchXmlHttpRequest {
	readyState = 0;
	status = 0;
	statusText = '';
	responseText = '';
	responseURL = '';
	responseType = '';
	timeout = 0;
	withCredentials = false;
	readonly upload = { addEventListener() {} };
	onreadystatechange: Handler = null;
	onloadend: Handler = null;
	onload: Handler = null;
	onerror: Handler = null;
	onabort: Handler = null;
	ontimeout: Handler = null;
	#method = 'GET';
	#url = '';
	#headers = new Headers();
	#responseHeaders = new Headers();
	#controller = new AbortController();

	get response() {
		return this.responseText;
	}

	open(method: string, url: string) {
		this.#method = method;
		this.#url = url;
		this.readyState = 1;
	}

	setRequestHeader(name: string, value: string) {
		this.#headers.set(name, value);
	}

	getAllResponseHeaders() {
		return [...this.#responseHeaders].map(([name, value]) => `${name}: ${value}\r\n`).join('');
	}

	getResponseHeader(name: string) {
		return this.#responseHeaders.get(name);
	}

	addEventListener() {}

	abort() {
		this.#controller.abort();
	}

	send(body?: string | null) {
		const signal = this.timeout
			? AbortSignal.any([this.#controller.signal, AbortSignal.timeout(this.timeout)])
			: this.#controller.signal;
		fetch(this.#url, {
			method: this.#method,
			headers: this.#headers,
			body: body ?? undefined,
			signal
		})
			.then(async (response) => {
				this.status = response.status;
				this.statusText = response.statusText;
				this.responseURL = response.url;
				this.#responseHeaders = response.headers;
				this.responseText = await response.text();
				this.readyState = 4;
				this.onreadystatechange?.({});
				this.onload?.({});
				this.onloadend?.({});
			})
			.catch((error: unknown) => {
				this.readyState = 4;
				const name = error instanceof Error ? error.name : '';
				if (this.#controller.signal.aborted) this.onabort?.({});
				else if (name === 'TimeoutError') this.ontimeout?.({});
				else this.onerror?.({});
				this.onloadend?.({});
			});
	}
}

/** Puts the stand-in on `globalThis` unless there is an XMLHttpRequest; returns the undo. */
export function installXmlHttpRequest(): () => void {
	const scope = globalThis as { XMLHttpRequest?: unknown };
	if (scope.XMLHttpRequest) return () => {};
	scope.XMLHttpRequest = FetchXmlHttpRequest;
	return () => {
		delete scope.XMLHttpRequest;
	};
}
