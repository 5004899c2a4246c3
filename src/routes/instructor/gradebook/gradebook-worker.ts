/**
 * The gradebook's Web Worker: reads, validates and re-grades imported files and computes the
 * figures the page shows, so that the page never freezes on a large import
 * ($lib/results/gradebook-engine.ts does the work; gradebook-client.ts talks to it).
 */
import { gradebookService, type GradebookRequest } from '$lib/results/gradebook-engine';

// The page's DOM types describe `self`; a dedicated worker's scope is this much of it.
const scope = self as unknown as {
	postMessage(message: unknown): void;
	onmessage: ((event: MessageEvent<GradebookRequest>) => void) | null;
};
const handle = gradebookService((reply) => scope.postMessage(reply));
scope.onmessage = (event) => handle(event.data);
