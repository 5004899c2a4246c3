import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { LearnerStore } from '$lib/progress/store.svelte';
import { statementId } from '$lib/results/xapi';
import { FakeBrowser, FakeLrs } from '$lib/lrs/fake-lrs';
import { LrsSender } from '$lib/lrs/sender.svelte';
import OutboxPanel from './OutboxPanel.svelte';

const ENDPOINT = 'https://lrs.example.org/xapi/';
let store: LearnerStore;

afterEach(async () => {
	store.lrs?.end();
	store.close();
	await new Promise(
		(resolve) => (indexedDB.deleteDatabase('coursekit-outbox-panel').onsuccess = resolve)
	);
});

describe('the learning record store panel', () => {
	it('shows what waits, where it goes and why it stopped, and sends it on “Send now”', async () => {
		store = new LearnerStore({ databaseName: 'coursekit-outbox-panel' });
		await store.ready();
		const lrs = new FakeLrs();
		const sender = new LrsSender(store, {
			allowed: ['https://lrs.example.org'],
			deps: new FakeBrowser(lrs).deps()
		});
		store.lrs = sender;
		await store.enqueue(
			[1, 2, 3].map((n) => ({ endpoint: ENDPOINT, statement: { id: statementId(`s${n}`), n } }))
		);
		lrs.scripted.push({ status: 401 });
		await sender.drain();
		render(OutboxPanel, { sender });

		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('3 statements waiting to be sent to lrs.example.org.');
		await expect
			.element(page.getByRole('alert'))
			.toHaveTextContent(/did not accept this site’s credentials \(HTTP 401\)/);
		await page.getByRole('button', { name: 'Send now' }).click();
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent(
				'Everything you did has been sent to lrs.example.org (3 statements from this tab).'
			);
		expect(lrs.stored.size).toBe(3);
		await expect.element(page.getByRole('button', { name: 'Send now' })).not.toBeInTheDocument();
	});
});
