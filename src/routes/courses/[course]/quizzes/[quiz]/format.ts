/** Small display helpers for the quiz screens. */
export const percent = (score: number) => `${Math.round(score * 100)}%`;

export function formatDate(iso: string | undefined): string {
	if (!iso) return '';
	return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
