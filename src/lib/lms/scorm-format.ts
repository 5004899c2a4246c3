/**
 * The value formats in which SCORM 1.2 and SCORM 2004 differ: durations, identifiers and the
 * limits an LMS must honour. Pure; each rule cites the Run-Time Environment (RTE) book.
 */
import { fnv1a64 } from '../quiz/hash.ts';
import type { ScormVersion } from './scorm-api.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Whole centiseconds of `ms`; a duration is never negative or infinite. */
function centiseconds(ms: number): number {
	if (!Number.isFinite(ms) || ms < 0) {
		throw new RangeError(`a duration must be a finite number of milliseconds ≥ 0, not ${ms}`);
	}
	return Math.round(ms / 10);
}

/**
 * `ms` as a SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS`: hours in 2 to 4 digits (so at most
 * 9999:59:59.99, where longer times stop), seconds with two decimals.
 */
export function cmiTimespan(ms: number): string {
	const cs = Math.min(centiseconds(ms), 10000 * 360000 - 1);
	const hours = Math.floor(cs / 360000);
	const minutes = Math.floor(cs / 6000) % 60;
	const seconds = Math.floor(cs / 100) % 60;
	return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(cs % 100, 2)}`;
}

/**
 * `ms` as a SCORM 2004 timeinterval, an ISO 8601 duration such as `PT1H2M3.4S` (hundredths of a
 * second at most, as the RTE's `timeinterval (second,10,2)` says); `PT0S` for nothing.
 */
export function isoDuration(ms: number): string {
	const cs = centiseconds(ms);
	const hours = Math.floor(cs / 360000);
	const minutes = Math.floor(cs / 6000) % 60;
	const seconds = (cs % 6000) / 100;
	const parts = [hours && `${hours}H`, minutes && `${minutes}M`, seconds && `${seconds}S`];
	return `PT${parts.filter(Boolean).join('') || '0S'}`;
}

/** `text` cut to `max` characters, keeping it distinct from other long texts by a hash. */
function shorten(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 17)}-${fnv1a64(text)}`;
}

/**
 * An id as a SCORM 1.2 CMIIdentifier: "an alphanumeric group of characters with no white space
 * or unprintable characters", at most 255. Letters, digits and `-` stay; any other character
 * becomes `_` + its code point in hex + `_` (`_` itself too), so that distinct ids stay distinct.
 */
export function cmiIdentifier(id: string): string {
	const safe = id.replace(/[^A-Za-z0-9-]/gu, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`);
	return shorten(safe, 255);
}

/**
 * An id as a SCORM 2004 identifier, which must have the syntax of a URI (RTE, short and long
 * identifier types): the UTF-8
 * of anything but letters, digits and `-._!*'()` is percent-encoded (RFC 3986, as RFC 3987 maps
 * an IRI to a URI), so `мой-дом` is `%D0%BC%D0%BE%D0%B9-%D0%B4%D0%BE%D0%BC`. Short identifiers
 * (responses) hold 250 characters, long ones (interaction ids) 4 000.
 */
export function uriIdentifier(id: string, max: 250 | 4000): string {
	return shorten(encodeURIComponent(id).replaceAll('~', '%7E'), max);
}

/** Single characters, the only identifiers a SCORM 1.2 response may use (RTE, CMIFeedback). */
export const RESPONSE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** The same characters, digits first: the left-hand side of a 1.2 matching pair, `1.a`. */
export const SOURCE_CHARS = '1234567890abcdefghijklmnopqrstuvwxyz';

/** How long a 1.2 response may be (CMIFeedback is a CMIString255) and a 2004 text response. */
export const RESPONSE_LENGTH: Record<ScormVersion, number> = { '1.2': 255, '2004': 250 };
