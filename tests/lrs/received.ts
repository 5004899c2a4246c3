/** What tests read of the statements a test LRS stored: the fields they check, typed. */
import type { Statement } from './statements.ts';

export interface Received {
	id: string;
	/** The verb's last path segment: `answered`, `passed`… */
	verb: string;
	/** The actor's account name, when it has one. */
	account: string | undefined;
	registration: string | undefined;
}

type Loose = {
	id?: unknown;
	verb?: { id?: unknown } | null;
	actor?: { account?: { name?: unknown } | null } | null;
	context?: { registration?: unknown } | null;
};

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export const received = (statements: readonly Statement[]): Received[] =>
	statements.map((statement) => {
		const s = statement as Loose;
		return {
			id: String(s.id),
			verb: String(text(s.verb?.id)?.split('/').pop()),
			account: text(s.actor?.account?.name),
			registration: text(s.context?.registration)
		};
	});
