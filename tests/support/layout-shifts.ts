import type { Page } from '@playwright/test';

/**
 * Records every layout shift of each document `page` loads from now on (a PerformanceObserver
 * added before the page's own scripts), and returns a reader for the current document's shifts:
 * `"<value>: <moved elements>"`, empty when nothing moved. `afterInput: false` leaves out shifts
 * within 500 ms of a click or key press, as CLS does; by default they count too.
 */
export async function recordLayoutShifts(
	page: Page,
	{ afterInput = true }: { afterInput?: boolean } = {}
): Promise<() => Promise<string[]>> {
	await page.addInitScript((afterInput) => {
		const shifts: string[] = [];
		(window as unknown as { shifts: string[] }).shifts = shifts;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
				sources: { node?: Node }[];
			})[]) {
				if (entry.hadRecentInput && !afterInput) continue;
				const moved = entry.sources.map((s) => (s.node as Element | undefined)?.outerHTML ?? '?');
				shifts.push(`${entry.value}: ${moved.map((m) => m.slice(0, 80)).join(', ')}`);
			}
		}).observe({ type: 'layout-shift', buffered: true });
	}, afterInput);
	// Shifts are reported after the frame that made them.
	return () =>
		page.evaluate(
			() =>
				new Promise<string[]>((done) =>
					requestAnimationFrame(() =>
						setTimeout(() => done((window as unknown as { shifts: string[] }).shifts), 100)
					)
				)
		);
}
