/** The learner's local profile: a pseudonymous id by default, name and ids only if they give them. */
import type { Profile } from '$lib/results/schema';
import { getMeta, setMeta, type CoursekitDB } from './db';

const isProfile = (value: unknown): value is Profile => {
	const learner = (value as Profile | null)?.learner;
	return typeof learner?.id === 'string' && learner.id.length > 0 && learner.id.length <= 200;
};

/** A new pseudonymous id such as `learner-3f9a1c2b`. */
export const pseudonymousId = () => `learner-${crypto.randomUUID().slice(0, 8)}`;

/** The stored profile, creating (and storing) a pseudonymous one on first use. */
export async function loadProfile(db: CoursekitDB): Promise<Profile> {
	const stored = await getMeta(db, 'profile');
	if (isProfile(stored)) return stored;
	const profile: Profile = { learner: { id: pseudonymousId() } };
	await setMeta(db, 'profile', profile);
	return profile;
}

export async function saveProfile(db: CoursekitDB, profile: Profile): Promise<void> {
	await setMeta(db, 'profile', profile);
}
