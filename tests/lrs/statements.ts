/**
 * The statements of the test LRS, kept to xAPI 1.0.3 as a client relies on it: every statement
 * valid by Learning Locker's validator, interaction component ids distinct, and an id that is
 * reused with the same content accepted without a second copy, with different content refused.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Statement = { [key: string]: Json };

interface Warning {
	path: string[];
	typeName?: string;
	keys?: string[];
}

// The validator is CommonJS with `exports.default`; `require` reads it the same in Vitest,
// tsx and Playwright, where a default import differs.
const validateStatement = createRequire(import.meta.url)('@learninglocker/xapi-validation')
	.default as (data: unknown) => Warning[];

/** A refusal of a request, with the HTTP status the LRS answers. */
export class LrsError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

const isObject = (value: unknown): value is { [key: string]: Json } =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function describeWarning(warning: Warning): string {
	const where = warning.path.join('.') || 'statement';
	const detail = warning.typeName
		? `expected ${warning.typeName}`
		: warning.keys
			? `unexpected keys (allowed: ${warning.keys.join(', ')})`
			: '';
	return `${where}: ${warning.constructor.name}${detail ? ` (${detail})` : ''}`;
}

const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

/** The activities a statement defines: its object, a sub-statement's object, context activities. */
function activities(statement: Statement): { [key: string]: Json }[] {
	const found: { [key: string]: Json }[] = [];
	const object = statement.object;
	if (isObject(object)) {
		found.push(object);
		if (object.objectType === 'SubStatement' && isObject(object.object)) found.push(object.object);
	}
	for (const context of [statement.context, isObject(object) ? object.context : undefined]) {
		const contextActivities = isObject(context) ? context.contextActivities : undefined;
		if (!isObject(contextActivities)) continue;
		for (const list of Object.values(contextActivities)) {
			for (const activity of Array.isArray(list) ? list : [list]) {
				if (isObject(activity)) found.push(activity);
			}
		}
	}
	return found;
}

/** Interaction components whose ids repeat within their list (xAPI 1.0.3 Data 2.4.4.1.1). */
function repeatedComponentIds(statement: Statement): string[] {
	const problems: string[] = [];
	for (const activity of activities(statement)) {
		const definition = activity.definition;
		if (!isObject(definition)) continue;
		for (const name of COMPONENT_LISTS) {
			const list = definition[name];
			if (!Array.isArray(list)) continue;
			const seen = new Set<string>();
			for (const component of list) {
				const id = isObject(component) ? component.id : undefined;
				if (typeof id !== 'string') continue;
				if (seen.has(id))
					problems.push(`${String(activity.id)}: ${name} repeats the component id "${id}"`);
				seen.add(id);
			}
		}
	}
	return problems;
}

/** Why `statement` is not a valid xAPI 1.0.3 statement; empty when it is. */
export function statementProblems(statement: unknown): string[] {
	if (!isObject(statement)) return ['a statement must be a JSON object'];
	return [...validateStatement(statement).map(describeWarning), ...repeatedComponentIds(statement)];
}

/**
 * A statement reduced to what the spec compares (xAPI 1.0.3 Data 2.3.1 and "Statement
 * Comparison Requirements"): without what the LRS assigns (`authority`, `stored`, `version`),
 * activity definitions and verb displays (not part of the statement), the timestamp as an
 * instant, ids in lower case, group members in any order, object keys in any order.
 */
function comparable(value: Json, key = ''): Json {
	if (Array.isArray(value)) {
		const items = value.map((item) => comparable(item));
		return key === 'member' ? items.map((i) => JSON.stringify(i)).sort() : items;
	}
	if (!isObject(value)) return value;
	const out: { [key: string]: Json } = {};
	for (const name of Object.keys(value).sort()) {
		if (['authority', 'stored', 'version', 'definition', 'display'].includes(name)) continue;
		const item = value[name];
		if (name === 'timestamp' && typeof item === 'string') out[name] = Date.parse(item);
		else if (name === 'id' && typeof item === 'string' && /^[0-9a-f-]{36}$/i.test(item))
			out[name] = item.toLowerCase();
		else out[name] = comparable(item, name);
	}
	return out;
}

/** Whether a statement received again under a stored one's id is the same statement. */
export function sameStatement(stored: Statement, received: Statement): boolean {
	const a = comparable(stored) as { [key: string]: Json };
	const b = comparable(received) as { [key: string]: Json };
	// A timestamp the LRS assigned is not the client's to repeat.
	if (!('timestamp' in b)) delete a.timestamp;
	return JSON.stringify(a) === JSON.stringify(b);
}

export interface StoreOptions {
	authority: Statement;
}

/** The statements an LRS holds, in the order it stored them. */
export class StatementStore {
	#list: Statement[] = [];
	#byId = new Map<string, Statement>();

	constructor(private readonly options: StoreOptions) {}

	/** Every stored statement, oldest first. */
	all(): Statement[] {
		return structuredClone(this.#list);
	}

	get(id: string): Statement | undefined {
		const found = this.#byId.get(id.toLowerCase());
		return found && structuredClone(found);
	}

	clear() {
		this.#list = [];
		this.#byId.clear();
	}

	/**
	 * Stores `statements` all or none: every one valid, no id twice in the batch, a stored id only
	 * with the same content (then it is not stored again). Returns every statement's id in order.
	 */
	store(statements: unknown[], statementId?: string): string[] {
		if (statements.length === 0) throw new LrsError(400, 'no statements');
		const problems = statements.flatMap((s, i) =>
			statementProblems(s).map((p) => (statements.length > 1 ? `[${i}] ${p}` : p))
		);
		if (problems.length) throw new LrsError(400, problems.join('\n'));
		const received = statements as Statement[];
		if (statementId !== undefined) {
			const id = received[0].id;
			if (id !== undefined && String(id).toLowerCase() !== statementId.toLowerCase())
				throw new LrsError(400, `the statement id ${String(id)} is not statementId ${statementId}`);
			received[0] = { ...received[0], id: statementId };
		}
		const ids = received.map((s) => (typeof s.id === 'string' ? s.id.toLowerCase() : undefined));
		const given = ids.filter((id) => id !== undefined);
		if (new Set(given).size !== given.length)
			throw new LrsError(400, 'the batch holds two statements with the same id');
		for (const [i, id] of ids.entries()) {
			const stored = id && this.#byId.get(id);
			if (stored && !sameStatement(stored, received[i]))
				throw new LrsError(409, `statement ${id} exists with different content`);
		}
		const now = new Date().toISOString();
		return received.map((statement, i) => {
			const id = ids[i] ?? randomUUID();
			if (this.#byId.has(id)) return id;
			const record: Statement = {
				...structuredClone(statement),
				id,
				timestamp: statement.timestamp ?? now,
				stored: now,
				authority: this.options.authority,
				version: '1.0.3'
			};
			this.#list.push(record);
			this.#byId.set(id, record);
			return id;
		});
	}
}
