import { describe, expect, it } from 'vitest';
import { watchForUpdates } from './updates.ts';

/** A stand-in for the browser's service worker objects, driven by the test. */
class FakeWorker extends EventTarget {
	state = 'installing';
	install() {
		this.state = 'installed';
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	waiting: FakeWorker | null = null;
	installing: FakeWorker | null = null;
	deploy() {
		this.installing = new FakeWorker();
		this.dispatchEvent(new Event('updatefound'));
		return this.installing;
	}
}

const watch = (registration: FakeRegistration, controlled: boolean) => {
	const offered: unknown[] = [];
	watchForUpdates(
		registration as unknown as ServiceWorkerRegistration,
		{ controller: controlled ? ({} as ServiceWorker) : null },
		(worker) => offered.push(worker)
	);
	return offered;
};

describe('watching for a new deployment', () => {
	it('offers the new version once it has installed while an old one controls the page', () => {
		const registration = new FakeRegistration();
		const offered = watch(registration, true);
		const next = registration.deploy();
		expect(offered).toEqual([]);
		next.install();
		expect(offered).toEqual([next]);
	});

	it('says nothing on the very first install (nothing to update)', () => {
		const registration = new FakeRegistration();
		const offered = watch(registration, false);
		registration.deploy().install();
		expect(offered).toEqual([]);
	});

	it('offers a version that was already waiting when the page opened', () => {
		const registration = new FakeRegistration();
		registration.waiting = new FakeWorker();
		expect(watch(registration, true)).toEqual([registration.waiting]);
	});
});
