/** Saves text as a file through the browser's download (no server involved). */
export function downloadFile(name: string, text: string, type = 'application/json') {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A download's name with the day it was made: `coursekit-backup-2026-11-26.json`. */
export const datedFileName = (kind: string, day: Date, ext: string) =>
	`coursekit-${kind}-${day.toISOString().slice(0, 10)}.${ext}`;
