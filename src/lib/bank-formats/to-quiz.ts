/**
 * Fits a parsed bank into a course: ids, topics from categories, `source:` anchors, defaults for
 * what the bank lacks (marked `TODO:`, which `content:check` lists), then the quiz file and the
 * course.yaml that lists it. Pure: file texts in, file texts out; nothing is written on error.
 */
import { Document, isMap, isSeq, parseDocument, type Scalar, type YAMLSeq } from 'yaml';
import { loadCourses } from '../content/load.ts';
import { formatContentError, formatFieldPath } from '../content/errors.ts';
import { Question } from '../content/schema.ts';
import type { Course } from '../content/model.ts';
import { slugify } from '../content/slug.ts';
import { BankError, MAX_QUIZ_QUESTIONS } from './limits.ts';
import { ensureChoiceIds } from './mapping.ts';
import type { AuthoredQuestion, BankProblem, BankQuestion, ParsedBank } from './model.ts';
import { idFromText, uniqueId } from './ids.ts';
import { shorten } from './text.ts';

export interface ImportOptions {
	courseId: string;
	quizId: string;
	/** The lesson the questions' `source:` defaults to (else the course's first lesson). */
	lessonId?: string;
	title?: string;
	/** Replace a quiz file that exists (else importing over it is refused). */
	replace?: boolean;
}

/** What an import did, for the person who ran it. */
export interface ImportReport {
	quizPath: string;
	imported: number;
	/** Not imported: unmappable, or invalid as Coursekit content. */
	skipped: BankProblem[];
	/** Imported, with a difference from the source worth knowing (scoring, feedback…). */
	notes: BankProblem[];
	/** Imported with a marked default that an author should replace. */
	todo: BankProblem[];
	newTopics: string[];
}

export const TODO_EXPLANATION =
	'TODO: write the explanation shown after answering (the imported question had none).';
const TODO_SOURCE = ' TODO: point source at the lesson section that teaches this';
const TODO_TOPIC = ' TODO: check the topic (the imported question had no category)';

/** The files to write for importing `bank` into the course, and the report of what happened. */
export function importBank(
	files: Record<string, string>,
	bank: ParsedBank,
	options: ImportOptions
): { writes: Record<string, string>; report: ImportReport } {
	const { courseId, quizId } = options;
	const fail = (message: string) => {
		throw new BankError(bank.file, 1, message);
	};
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(quizId)) fail(`--quiz "${quizId}" must be kebab-case`);
	const prefix = `quizzes/${courseId}/`;
	const quizPath = `${prefix}quizzes/${quizId}.yaml`;
	const coursePath = `${prefix}course.yaml`;
	const courseFiles = Object.fromEntries(
		Object.entries(files).filter(([p]) => p.startsWith(prefix))
	);
	if (!(coursePath in courseFiles)) {
		fail(`no course "${courseId}" (expected ${coursePath}); start one with npm run new:course`);
	}
	const exists = quizPath in courseFiles;
	if (exists && !options.replace) fail(`${quizPath} exists; pass --replace to import over it`);

	const { courses, errors } = loadCourses(courseFiles);
	if (errors.length) {
		fail(
			`the course has content errors; fix them first:\n${errors.map(formatContentError).join('\n')}`
		);
	}
	const course = courses[0];
	const lessonId = options.lessonId ?? course.lessonOrder[0];
	const lesson = lessonId ? course.lessons.get(lessonId) : undefined;
	if (!lesson) {
		fail(
			options.lessonId
				? `no lesson "${options.lessonId}" in ${courseId}`
				: `${courseId} has no lesson for source: to point at`
		);
	}
	const defaultSource = `${lesson!.id}#${lesson!.sections[0].id}`;
	const hasSource = (ref: string) => {
		const [l, anchor] = ref.split('#');
		return !!course.lessons.get(l)?.sections.some((s) => s.id === anchor);
	};

	const topics = topicResolver(course);
	// Ids are unique in the course; the questions of a replaced quiz give theirs up.
	const usedIds = new Set(
		[...course.quizzes.values()]
			.filter((q) => q.id !== quizId)
			.flatMap((q) => q.questions.map((question) => question.id))
	);
	const report: ImportReport = {
		quizPath,
		imported: 0,
		skipped: [...bank.skipped],
		notes: [...bank.notes],
		todo: [],
		newTopics: []
	};
	const questions: {
		question: AuthoredQuestion;
		defaulted: { source: boolean; topic: boolean };
	}[] = [];
	for (const item of bank.items) {
		const { meta } = item;
		const base = meta?.id ?? (item.title && idFromText(item.title)) ?? '';
		const id = uniqueId(base || idFromText(item.question.prompt) || `${quizId}-q`, usedIds);
		const topicId =
			(meta?.topic && course.topics.some((t) => t.id === meta.topic) && meta.topic) ||
			(item.category ? topics.forCategory(item.category) : lesson!.topics[0]);
		const source = meta?.source && hasSource(meta.source) ? meta.source : defaultSource;
		// Keys in the order authors write them: what it is, then what it asks, then why.
		const { type, prompt, explanation, ...keys } = item.question;
		const draft = {
			id,
			type,
			topic: topicId,
			source,
			...(meta?.difficulty && { difficulty: meta.difficulty }),
			...(meta?.tags && { tags: meta.tags }),
			prompt,
			...keys,
			explanation: explanation ?? TODO_EXPLANATION
		};
		const candidate = ensureChoiceIds(draft as BankQuestion) as AuthoredQuestion;
		const parsed = Question.safeParse(candidate);
		if (!parsed.success) {
			usedIds.delete(id);
			const issue = parsed.error.issues[0];
			const at = issue.path.length ? `${formatFieldPath(issue.path)}: ` : '';
			report.skipped.push({
				line: item.line,
				message: `not a valid Coursekit question: ${at}${issue.message}`
			});
			continue;
		}
		for (const note of item.notes)
			report.notes.push({ line: item.line, message: `${id}: ${note}` });
		const defaulted = { source: source !== meta?.source, topic: !meta?.topic && !item.category };
		if (!item.question.explanation)
			report.todo.push({ line: item.line, message: `${id}: explanation` });
		if (defaulted.source)
			report.todo.push({ line: item.line, message: `${id}: source (now ${source})` });
		if (defaulted.topic)
			report.todo.push({ line: item.line, message: `${id}: topic (now ${topicId})` });
		questions.push({ question: candidate, defaulted });
	}
	report.skipped.sort((a, b) => a.line - b.line);
	if (questions.length === 0)
		fail('no question in the file could be imported (see the list above)');
	if (questions.length > MAX_QUIZ_QUESTIONS) {
		fail(
			`${questions.length} questions: a quiz holds at most ${MAX_QUIZ_QUESTIONS}; split the bank`
		);
	}
	report.imported = questions.length;

	const quizTopics = [...new Set(questions.map((q) => q.question.topic))];
	const quiz = new Document({
		id: quizId,
		title: shorten(options.title ?? titleFromId(quizId), 120),
		topics: quizTopics,
		passMark: 70,
		questions: questions.map((q) => q.question)
	});
	quiz.commentBefore = ` Imported from ${bank.file.replace(/\r?\n/g, ' ')} by npm run import.`;
	questions.forEach((q, i) => {
		if (q.defaulted.source)
			(quiz.getIn(['questions', i, 'source'], true) as Scalar).comment = TODO_SOURCE;
		if (q.defaulted.topic)
			(quiz.getIn(['questions', i, 'topic'], true) as Scalar).comment = TODO_TOPIC;
	});

	const writes = {
		[quizPath]: quiz.toString({ lineWidth: 100 }),
		[coursePath]: updateCourse(courseFiles[coursePath], topics.added, quizId, lesson!.id)
	};
	report.newTopics = topics.added.map((t) => t.id);
	const check = loadCourses({ ...courseFiles, ...writes });
	if (check.errors.length) {
		fail(`the imported quiz would not load:\n${check.errors.map(formatContentError).join('\n')}`);
	}
	return { writes, report };
}

/** "graph-basics" → "Graph basics". */
function titleFromId(id: string): string {
	const words = id.replace(/-/g, ' ');
	return words[0].toUpperCase() + words.slice(1);
}

/** Category paths to topic ids: an existing topic by id or title, else a new one. */
function topicResolver(course: Course) {
	const added: { id: string; title: string }[] = [];
	const all = () => [...course.topics, ...added];
	const used = new Set(course.topics.map((t) => t.id));
	return {
		added,
		forCategory(path: string): string {
			// "$course$/top/A/B": the last part names the topic; "//" is a slash inside a name.
			const parts = path.split(/(?<!\/)\/(?!\/)/).map((p) => p.replace(/\/\//g, '/').trim());
			const name = parts.filter((p) => p && !/^\$\w+\$$|^top$/.test(p)).at(-1) ?? 'Imported';
			const key = name.toLowerCase();
			const found = all().find(
				(t) => t.id === key || t.title.toLowerCase() === key || t.id === slugify(name)
			);
			if (found) return found.id;
			const id = uniqueId(idFromText(name) || `topic-${added.length + 1}`, used);
			added.push({ id, title: shorten(name, 120) });
			return id;
		}
	};
}

/** course.yaml with the new topics and the quiz listed after the lesson it draws on. */
function updateCourse(
	text: string,
	topics: { id: string; title: string }[],
	quizId: string,
	lessonId: string
): string {
	const doc = parseDocument(text);
	const topicSeq = doc.get('topics', true) as YAMLSeq;
	for (const topic of topics) {
		const node = doc.createNode(topic);
		node.flow = topicSeq.items.some((t) => isMap(t) && t.flow);
		topicSeq.items.push(node);
	}
	const modules = doc.get('modules', true) as YAMLSeq;
	const listed = modules.items.some((m) => {
		const items = isMap(m) ? m.get('items', true) : undefined;
		return isSeq(items) && items.items.some((i) => isMap(i) && i.get('quiz') === quizId);
	});
	if (!listed) {
		for (const module of modules.items) {
			if (!isMap(module)) continue;
			const items = module.get('items', true);
			if (!isSeq(items)) continue;
			const at = items.items.findIndex((i) => isMap(i) && i.get('lesson') === lessonId);
			if (at === -1) continue;
			items.items.splice(at + 1, 0, doc.createNode({ quiz: quizId }));
			break;
		}
	}
	return doc.toString({ lineWidth: 100 });
}
