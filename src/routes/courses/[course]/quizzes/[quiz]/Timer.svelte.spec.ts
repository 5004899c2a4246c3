import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { attempt } from '$lib/testing/builders';
import type { QuizSession } from './quiz-session.svelte';
import Timer, { formatClock } from './Timer.svelte';

describe('Timer', () => {
	it('shows minutes and seconds, rounding a started second up', () => {
		expect(formatClock(725_000)).toBe('12:05');
		expect(formatClock(59_001)).toBe('1:00');
		expect(formatClock(0)).toBe('0:00');
	});

	it('shows the time left, and has the session check the clock every second', async () => {
		const now = Date.parse('2026-01-01T10:00:00.000Z');
		const tick = vi.fn();
		const session = { now, tick } as unknown as QuizSession;
		const timed = attempt({ deadline: new Date(now + 90_000).toISOString() });
		render(Timer, { session, attempt: timed });
		await expect.element(page.getByText('1:30')).toBeVisible();
		await expect.poll(() => tick.mock.calls.length, { timeout: 3000 }).toBeGreaterThan(0);
	});

	it('says so when less than a minute is left', async () => {
		const now = Date.parse('2026-01-01T10:00:00.000Z');
		const session = { now, tick: () => {} } as unknown as QuizSession;
		render(Timer, {
			session,
			attempt: attempt({ deadline: new Date(now + 30_000).toISOString() })
		});
		await expect.element(page.getByRole('status')).toHaveTextContent('Less than a minute left.');
	});
});
