/** Date helpers for forms and stored records (plain module: no reactivity involved). */

/** Now, as an ISO instant (what every stored date is). */
export const nowIso = () => new Date().toISOString();

/** An ISO instant as a `datetime-local` input shows it, in the browser's time zone. */
export function localInputValue(iso: string): string {
	const date = new Date(iso);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` input's value (the browser's time zone) as an ISO instant. */
export const fromLocalInput = (value: string) => new Date(value).toISOString();
