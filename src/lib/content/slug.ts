/** Lower-case, ASCII, hyphen-separated: `"GPUs, TPUs"` → `"gpus-tpus"`. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
