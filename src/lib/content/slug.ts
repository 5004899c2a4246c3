/** Lower-case, ASCII, hyphen-separated: `"GPUs, TPUs"` → `"gpus-tpus"`. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** A letter or digit of a script other than Latin and Common (`µ`): Cyrillic, Greek, Han, Kana… */
const OTHER_SCRIPT = /(?![\p{Script=Latin}\p{Script=Common}])[\p{L}\p{N}]/u;

/**
 * The id of a text a student answers with (match, order, classify), when its author gives none.
 * A text in the Latin alphabet keeps the ASCII slug it has always had, because stored answers
 * hold it: `"GPUs, TPUs"` → `"gpus-tpus"`. A text with letters of any other script keeps them,
 * lower-cased and with their marks, so that it gets a real id: `"Мой дом"` → `"мой-дом"`,
 * `"がっこう"` → `"がっこう"` (not `"かっこう"`). Empty when the text has no letter or digit.
 */
export function textId(text: string): string {
	if (!OTHER_SCRIPT.test(text)) return slugify(text);
	const id = text
		.normalize('NFKC')
		.toLowerCase()
		.normalize('NFC')
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	// A compatibility form may normalise to no letter of another script at all (an Arabic
	// presentation form to its vowel signs): then it is treated as Latin text, so that an id is
	// always its own id.
	return OTHER_SCRIPT.test(id) ? id : slugify(text);
}
