/**
 * An interaction's fields written the way one SCORM version requires. The versions differ most
 * in responses. SCORM 1.2 (RTE, CMIFeedback) allows only single characters 0–9 and a–z as
 * identifiers, so a response names each option, item or target by its position in the question
 * as authored (never as shuffled): `a` is the first option; a matching pair is `1.a`; commas
 * separate, and curly brackets round a correct pattern mean "all of these". SCORM 2004 (RTE,
 * learner_response and correct_responses formats) names them by id, separated by `[,]`, a pair
 * joined by `[.]`, each id encoded as a URI (see `uriIdentifier`).
 */
import type { ScormVersion } from './scorm-api.ts';
import {
	cmiIdentifier,
	cmiTimespan,
	isoDuration,
	RESPONSE_CHARS,
	RESPONSE_LENGTH,
	SOURCE_CHARS,
	uriIdentifier
} from './scorm-format.ts';
import type { Pairs, ScormInteraction } from './scorm-interaction.ts';

/** `cmi.interactions.n` as one version writes it; a missing response is left unset. */
export interface InteractionFields {
	id: string;
	type: ScormInteraction['type'];
	learnerResponse?: string;
	correctPatterns: string[];
	result: string;
	latency?: string;
}

/**
 * Both versions promise room for 36 identifiers in a response (1.2 has 36 characters to use;
 * 2004's smallest permitted maximum is 36); a longer response is left out rather than cut.
 */
const MAX_NODES = 36;
/** Correct patterns written at most: only fill-in has more, one per accepted answer. */
const MAX_PATTERNS = 5;

/** 1.2's character for each id (its position in `all`), or undefined if any id has none. */
function chars(ids: readonly string[], all: readonly string[], alphabet: string) {
	const mapped = ids.map((id) => alphabet[all.indexOf(id)]);
	return mapped.every(Boolean) ? mapped : undefined;
}

/** A list of nodes joined by `separator`, or undefined when empty, unmappable or too long. */
const joined = (nodes: readonly string[] | undefined, separator: string) =>
	nodes && nodes.length > 0 && nodes.length <= MAX_NODES ? nodes.join(separator) : undefined;

/** "All of these" in a 1.2 pattern: curly brackets round a list of more than one. */
const all12 = (list: string | undefined) => (list?.includes(',') ? `{${list}}` : list);

/**
 * A typed text as a 2004 localized string: one line, no `[,]` (which would split it), no
 * leading `{` (which would read as a `{lang=…}` tag); grading ignores white space anyway.
 */
const text2004 = (text: string) =>
	text.replace(/\s+/g, ' ').trim().replaceAll('[,]', '[ ,]').replace(/^\{/, ' {');

/** A learner response (if any) and the correct patterns (those that could be written). */
type Responses = [learner: string | undefined, patterns: readonly (string | undefined)[]];

function responses12(i: ScormInteraction): Responses {
	switch (i.type) {
		case 'choice':
		case 'sequencing': {
			const learner = joined(chars(i.learnerResponse, i.choices, RESPONSE_CHARS), ',');
			const correct = joined(chars(i.correctPattern, i.choices, RESPONSE_CHARS), ',');
			return [learner, [i.type === 'choice' ? all12(correct) : correct]];
		}
		case 'true-false':
			return [
				i.learnerResponse === undefined ? undefined : i.learnerResponse ? 't' : 'f',
				[i.correctPattern ? 't' : 'f']
			];
		case 'fill-in':
			return [i.learnerResponse.slice(0, RESPONSE_LENGTH['1.2']) || undefined, i.correctPattern];
		case 'matching': {
			const pairs = (list: Pairs) => {
				const sources = chars(
					list.map(([s]) => s),
					i.sources,
					SOURCE_CHARS
				);
				const targets = chars(
					list.map(([, t]) => t),
					i.targets,
					RESPONSE_CHARS
				);
				return sources && targets && sources.map((s, n) => `${s}.${targets[n]}`);
			};
			return [joined(pairs(i.learnerResponse), ','), [all12(joined(pairs(i.correctPattern), ','))]];
		}
	}
}

function responses2004(i: ScormInteraction): Responses {
	const id = (value: string) => uriIdentifier(value, 250);
	switch (i.type) {
		case 'choice':
		case 'sequencing':
			return [joined(i.learnerResponse.map(id), '[,]'), [joined(i.correctPattern.map(id), '[,]')]];
		case 'true-false':
			return [
				i.learnerResponse === undefined ? undefined : String(i.learnerResponse),
				[String(i.correctPattern)]
			];
		case 'fill-in':
			return [
				text2004(i.learnerResponse).slice(0, RESPONSE_LENGTH['2004']) || undefined,
				i.correctPattern
					.map(text2004)
					.filter((answer) => answer.length <= RESPONSE_LENGTH['2004'])
					.map((answer) => `{case_matters=${i.caseMatters === true}}${answer}`)
			];
		case 'matching': {
			const pairs = (list: Pairs) => list.map(([s, t]) => `${id(s)}[.]${id(t)}`);
			return [joined(pairs(i.learnerResponse), '[,]'), [joined(pairs(i.correctPattern), '[,]')]];
		}
	}
}

/** The fields `interaction` is written as in `version`'s data model. */
export function interactionFields(
	version: ScormVersion,
	interaction: ScormInteraction
): InteractionFields {
	const [learnerResponse, patterns] = (version === '1.2' ? responses12 : responses2004)(
		interaction
	);
	const { result, latency } = interaction;
	return {
		id: version === '1.2' ? cmiIdentifier(interaction.id) : uriIdentifier(interaction.id, 4000),
		type: interaction.type,
		learnerResponse,
		correctPatterns: patterns
			// A 1.2 pattern is one CMIFeedback of 255 characters; 2004 limits each text, above.
			.filter(
				(p): p is string =>
					p !== undefined && (version === '2004' || p.length <= RESPONSE_LENGTH['1.2'])
			)
			.slice(0, MAX_PATTERNS),
		result: result === 'incorrect' && version === '1.2' ? 'wrong' : String(result),
		latency:
			latency === undefined
				? undefined
				: version === '1.2'
					? cmiTimespan(latency)
					: isoDuration(latency)
	};
}
