/**
 * Where pages find the learner store. The root layout puts one slot per tab in context; the
 * store's code (and the database code behind it) loads on first use, after the page is on
 * screen, so that no page pays for storage in its first view. `current` is null until then.
 */
import { getContext, setContext } from 'svelte';
import type { LearnerStore, StoreOptions } from './store.svelte.ts';
import { dueFromHint } from './due-hint.ts';

export class StoreSlot {
	current = $state.raw<LearnerStore | null>(null);
	private loading: Promise<LearnerStore> | null = null;
	/** Due review cards as the store last mirrored them (due-hint.ts), until the store is open. */
	private hinted = $state(0);

	/** How many review cards are due, for the navigation's badge. */
	get due(): number {
		return this.current?.status === 'ready' ? this.current.due : this.hinted;
	}

	/**
	 * Reads the badge's count from the store's mirror (the site's own database only: a package's
	 * learner is known once the LMS has answered, and its badge waits for the store).
	 */
	readDueHint(): void {
		if (!this.customOptions) this.hinted = dueFromHint('coursekit');
	}

	/**
	 * `code` imports `store.svelte.ts` (passed in by the layout, which already loads lazily);
	 * `options` says which learner and database (a package asks its LMS first).
	 */
	constructor(
		private readonly code: () => Promise<typeof import('./store.svelte.ts')>,
		private readonly customOptions?: () => Promise<StoreOptions>
	) {}

	private options(): Promise<StoreOptions> {
		return this.customOptions?.() ?? Promise.resolve({});
	}

	/** The tab's store, opened and loaded (created on the first call). */
	load(): Promise<LearnerStore> {
		return (this.loading ??= Promise.all([this.code(), this.options()]).then(
			async ([code, options]) => {
				const store = new code.LearnerStore(options);
				this.current = store;
				await store.ready();
				return store;
			}
		));
	}
}

// Plain context with a private key: `createContext` would add to every page's first view.
const KEY = Symbol('coursekit:store');

/** The tab's store slot (set by the root layout). */
export const getStoreSlot = () => getContext<StoreSlot>(KEY);
export const setStoreSlot = (slot: StoreSlot) => setContext(KEY, slot);
