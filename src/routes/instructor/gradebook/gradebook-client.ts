/**
 * The page's side of the gradebook worker: one request at a time in order, each answered by one
 * reply. Where there is no `Worker` (unit tests in Node), the same service runs in this thread.
 */
import type {
	GradebookReply,
	GradebookRequest,
	GradebookView,
	FileOutcome,
	ViewOptions
} from '$lib/results/gradebook-engine';
import type { GradebookQuiz } from '$lib/results/regrade';

type Body = GradebookRequest extends infer R ? (R extends unknown ? Omit<R, 'seq'> : never) : never;

export class GradebookClient {
	private seq = 0;
	private readonly waiting = new Map<
		number,
		{ resolve: (reply: GradebookReply) => void; reject: (error: Error) => void }
	>();
	private readonly send: Promise<(request: GradebookRequest) => void>;
	private worker?: Worker;

	constructor() {
		this.send = typeof Worker === 'undefined' ? this.inThisThread() : Promise.resolve(this.start());
	}

	private start() {
		const worker = new Worker(new URL('./gradebook-worker.ts', import.meta.url), {
			type: 'module'
		});
		worker.onmessage = (event: MessageEvent<GradebookReply>) => this.receive(event.data);
		worker.onerror = (event) => {
			event.preventDefault();
			this.fail(new Error('The gradebook worker stopped.'));
		};
		this.worker = worker;
		return (request: GradebookRequest) => worker.postMessage(request);
	}

	private async inThisThread() {
		const { gradebookService } = await import('$lib/results/gradebook-engine');
		const handle = gradebookService((reply) => queueMicrotask(() => this.receive(reply)));
		return (request: GradebookRequest) => handle(request);
	}

	private receive(reply: GradebookReply) {
		const waiting = this.waiting.get(reply.seq);
		this.waiting.delete(reply.seq);
		if (reply.type === 'failed') waiting?.reject(new Error(reply.message));
		else waiting?.resolve(reply);
	}

	private fail(error: Error) {
		for (const { reject } of this.waiting.values()) reject(error);
		this.waiting.clear();
	}

	private async request(body: Body): Promise<GradebookReply> {
		const seq = ++this.seq;
		const send = await this.send;
		return new Promise((resolve, reject) => {
			this.waiting.set(seq, { resolve, reject });
			send({ ...body, seq } as GradebookRequest);
		});
	}

	async init(quizzes: ReadonlyMap<string, GradebookQuiz>) {
		await this.request({ type: 'init', quizzes });
	}

	/** Reads, validates and re-grades one file in the worker; it keeps the grades, not the file. */
	async add(id: string, source: string, text: string, bytes: number): Promise<FileOutcome> {
		const reply = await this.request({ type: 'add', id, source, text, bytes });
		if (reply.type !== 'added') throw new Error(`unexpected reply ${reply.type}`);
		return reply.outcome;
	}

	async remove(ids: string[]) {
		await this.request({ type: 'remove', ids });
	}

	async clear() {
		await this.request({ type: 'clear' });
	}

	async view(options: ViewOptions): Promise<GradebookView> {
		const reply = await this.request({ type: 'view', options });
		if (reply.type !== 'view') throw new Error(`unexpected reply ${reply.type}`);
		return reply.view;
	}

	close() {
		this.worker?.terminate();
		this.fail(new Error('The gradebook was closed.'));
	}
}
