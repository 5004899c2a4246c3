/** Small display helpers for the quiz screens. */
export const percent = (score: number) => `${Math.round(score * 100)}%`;

export function formatDate(iso: string | undefined): string {
	if (!iso) return '';
	return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `12:05` from milliseconds. */
export function formatClock(ms: number): string {
	const total = Math.ceil(ms / 1000);
	const minutes = Math.floor(total / 60);
	const seconds = total % 60;
	return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
