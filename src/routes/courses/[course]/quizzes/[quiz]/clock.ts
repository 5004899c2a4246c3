/** The current time, as the attempt rules take it (a function, so the session never holds a Date). */
export const currentTime = () => new Date();

/** `12:05` from milliseconds (the timer of a timed attempt). */
export function formatClock(ms: number): string {
	const total = Math.ceil(ms / 1000);
	const minutes = Math.floor(total / 60);
	const seconds = total % 60;
	return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
