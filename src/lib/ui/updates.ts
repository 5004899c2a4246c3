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

/**
 * Registers the service worker (offline use), reloads once a new version has taken over, and
 * calls `onWaiting` when a new deployment waits; looks for one now and then while the app stays
 * open.
 */
export function registerServiceWorker(
	url: string,
	onWaiting: (worker: ServiceWorker) => void
): void {
	if (!('serviceWorker' in navigator)) return;
	let reloading = false;
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		if (reloading) return;
		reloading = true;
		location.reload();
	});
	void navigator.serviceWorker
		.register(url)
		.then((registration) => {
			watchForUpdates(registration, navigator.serviceWorker, onWaiting);
			setInterval(() => void registration.update().catch(() => {}), 30 * 60_000);
		})
		.catch(() => {});
}
