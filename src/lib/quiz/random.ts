/**
 * Seeded randomness: the same seed always gives the same order, so an attempt's presentation is
 * reproduced from the seed stored with it.
 */

/** A 32-bit seed from any string (FNV-1a). */
export function seedFrom(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** mulberry32: a small, well-distributed PRNG; returns floats in [0, 1). */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A new array with the items in a seeded order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	const next = random(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** A fresh seed for a new attempt. */
export function newSeed(): number {
	const buffer = new Uint32Array(1);
	globalThis.crypto.getRandomValues(buffer);
	return buffer[0];
}
