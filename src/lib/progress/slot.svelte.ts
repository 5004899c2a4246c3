/**
 * Where pages find the learner store. The root layout puts one slot per tab in context; the
 * store's code (and the database code behind it) loads on first use, after the page is on
 * screen, so that no page pays for storage in its first view. `current` is null until then.
 */
import { getContext, setContext } from 'svelte';
import type { LearnerStore, StoreOptions } from './store.svelte.ts';

export class StoreSlot {
	current = $state.raw<LearnerStore | null>(null);
	private loading: Promise<LearnerStore> | null = null;

	/**
	 * `code` imports `store.svelte.ts` (passed in by the layout, which already loads lazily);
	 * `options` says which learner and database (a package asks its LMS first).
	 */
	constructor(
		private readonly code: () => Promise<typeof import('./store.svelte.ts')>,
		private readonly options: () => Promise<StoreOptions> = async () => ({})
	) {}

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
