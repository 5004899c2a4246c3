/**
 * The document resources of the test LRS (xAPI 1.0.3 Communication 2.3–2.6): the State resource
 * (`activities/state`) and the Agent Profile resource (`agents/profile`), where cmi5 keeps the
 * `LMS.LaunchData` state document and the learner preferences profile.
 */
import { createHash } from 'node:crypto';
import { LrsError } from './statements.ts';

export interface StoredDocument {
	contentType: string;
	body: Buffer;
	updated: Date;
	etag: string;
}

export interface Agent {
	objectType?: 'Agent';
	name?: string;
	mbox?: string;
	mbox_sha1sum?: string;
	openid?: string;
	account?: { homePage: string; name: string };
}

/** The one identifier (IFI) of an agent, as a key; refuses an agent without exactly one. */
export function agentKey(agent: unknown): string {
	if (typeof agent !== 'object' || agent === null) throw new LrsError(400, 'agent: not an object');
	const a = agent as Agent;
	const ifis = [
		a.mbox && `mbox:${a.mbox}`,
		a.mbox_sha1sum && `mbox_sha1sum:${a.mbox_sha1sum}`,
		a.openid && `openid:${a.openid}`,
		a.account &&
			typeof a.account.homePage === 'string' &&
			typeof a.account.name === 'string' &&
			`account:${a.account.homePage}|${a.account.name}`
	].filter(Boolean);
	if (ifis.length !== 1)
		throw new LrsError(400, `agent: needs exactly one identifier, has ${ifis.length}`);
	return String(ifis[0]);
}

/** The `agent` query parameter, parsed. */
export function agentParameter(query: URLSearchParams): string {
	const raw = query.get('agent');
	if (raw === null) throw new LrsError(400, 'the agent parameter is required');
	try {
		return agentKey(JSON.parse(raw));
	} catch (error) {
		if (error instanceof LrsError) throw error;
		throw new LrsError(400, 'agent: not JSON');
	}
}

const isJsonObject = (doc: { contentType: string; body: Buffer }) => {
	if (!doc.contentType.startsWith('application/json')) return undefined;
	try {
		const value = JSON.parse(doc.body.toString('utf8'));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
};

/** One kind of document, keyed by the parameters that name a set of documents and an id. */
export class DocumentStore {
	#documents = new Map<string, Map<string, StoredDocument>>();

	clear() {
		this.#documents.clear();
	}

	get(scope: string, id: string): StoredDocument | undefined {
		return this.#documents.get(scope)?.get(id);
	}

	/** The ids in `scope`, optionally only those updated after `since`. */
	ids(scope: string, since?: Date): string[] {
		const docs = [...(this.#documents.get(scope) ?? new Map<string, StoredDocument>())];
		return docs.filter(([, d]) => !since || d.updated > since).map(([id]) => id);
	}

	/** PUT replaces; POST merges two JSON objects (and refuses to merge anything else). */
	write(scope: string, id: string, contentType: string, body: Buffer, merge: boolean) {
		let docs = this.#documents.get(scope);
		if (!docs) this.#documents.set(scope, (docs = new Map()));
		const existing = docs.get(id);
		let document = { contentType, body };
		if (merge && existing) {
			const before = isJsonObject(existing);
			const after = isJsonObject(document);
			if (!before || !after)
				throw new LrsError(400, 'POST merges JSON objects only; use PUT to replace');
			document = {
				contentType: 'application/json',
				body: Buffer.from(JSON.stringify({ ...before, ...after }))
			};
		} else if (merge && contentType.startsWith('application/json') && !isJsonObject(document)) {
			throw new LrsError(400, 'POST of a JSON document must be a JSON object');
		}
		const etag = `"${createHash('sha1').update(document.body).digest('hex')}"`;
		docs.set(id, { ...document, updated: new Date(), etag });
	}

	/** Deletes one document, or every document in `scope` when `id` is undefined. */
	delete(scope: string, id?: string) {
		if (id === undefined) this.#documents.delete(scope);
		else this.#documents.get(scope)?.delete(id);
	}
}
