/**
 * Watching for a new deployment: calls `onWaiting` with the new service worker once it has
 * installed while an older version controls the page (never on the very first install).
 */
export function watchForUpdates(
	registration: ServiceWorkerRegistration,
	container: Pick<ServiceWorkerContainer, 'controller'>,
	onWaiting: (worker: ServiceWorker) => void
): void {
	const offer = (worker: ServiceWorker | null) => {
		if (worker && container.controller) onWaiting(worker);
	};
	offer(registration.waiting);
	registration.addEventListener('updatefound', () => {
		const incoming = registration.installing;
		incoming?.addEventListener('statechange', () => {
			if (incoming.state === 'installed') offer(incoming);
		});
	});
}
