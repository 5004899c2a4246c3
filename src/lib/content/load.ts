/**
 * Turns the files of `quizzes/` into validated courses. Pure: it takes file texts keyed by path
 * (relative to the project root) and returns courses plus every error found, so that the build,
 * `npm run content:check` and the tests all share one implementation.
 */
import { LessonFrontMatter, CourseFile, PracticeFile, QuizFile, Question } from './schema.ts';
import { YamlSource } from './source.ts';
import { renderMarkdown } from './markdown.ts';
import type { ContentError } from './errors.ts';
import type { Course, Lesson, Quiz } from './model.ts';

export interface LoadResult {
	courses: Course[];
	errors: ContentError[];
}

const LAYOUT =
	/^quizzes\/([^/]+)\/(?:(course\.yaml|practice\.yaml)|lessons\/([^/]+)\.md|quizzes\/([^/]+)\.yaml)$/;

/** Loads every course under `quizzes/`; `files` maps `quizzes/<course>/…` paths to file texts. */
export function loadCourses(files: Record<string, string>): LoadResult {
	const errors: ContentError[] = [];
	const byCourse = new Map<string, Record<string, string>>();
	for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		if (/(^|\/)readme\.md$/i.test(path)) continue;
		const match = LAYOUT.exec(path);
		if (!match) {
			errors.push(
				fileError(
					path,
					'not part of the authoring format: expected quizzes/<course>/course.yaml, practice.yaml, lessons/<id>.md or quizzes/<id>.yaml'
				)
			);
			continue;
		}
		const courseFiles = byCourse.get(match[1]) ?? {};
		courseFiles[path] = text;
		byCourse.set(match[1], courseFiles);
	}
	const courses: Course[] = [];
	for (const [dir, courseFiles] of byCourse) {
		const result = loadCourse(dir, courseFiles);
		errors.push(...result.errors);
		if (result.course) courses.push(result.course);
	}
	errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
	return { courses, errors };
}

function fileError(file: string, message: string): ContentError {
	return { file, line: 1, column: 1, field: '', message };
}

function loadCourse(
	dir: string,
	files: Record<string, string>
): { course?: Course; errors: ContentError[] } {
	const errors: ContentError[] = [];
	const coursePath = `quizzes/${dir}/course.yaml`;
	if (!(coursePath in files)) {
		return { errors: [fileError(`quizzes/${dir}`, 'course folder has no course.yaml')] };
	}
	const courseSource = new YamlSource(coursePath, files[coursePath]);
	const courseFile = courseSource.validate(CourseFile);
	errors.push(...courseSource.errors);

	const lessons = new Map<string, Lesson>();
	const lessonSources = new Map<string, YamlSource>();
	const quizzes = new Map<string, Quiz>();
	const quizSources = new Map<string, YamlSource>();
	const invalidQuizzes: YamlSource[] = [];

	for (const [path, text] of Object.entries(files)) {
		const lessonMatch = /\/lessons\/([^/]+)\.md$/.exec(path);
		if (lessonMatch) {
			const lesson = loadLesson(path, lessonMatch[1], dir, text, errors);
			if (lesson) {
				lessons.set(lesson.lesson.id, lesson.lesson);
				lessonSources.set(lesson.lesson.id, lesson.source);
			}
			continue;
		}
		const quizMatch = /\/quizzes\/([^/]+)\.yaml$/.exec(path);
		if (quizMatch) {
			const source = new YamlSource(path, text);
			const quiz = source.validate(QuizFile);
			errors.push(...source.errors);
			if (!quiz) {
				invalidQuizzes.push(source);
				continue;
			}
			if (quiz.id !== quizMatch[1]) {
				errors.push(
					source.error(
						['id'],
						`quiz id "${quiz.id}" must match its file name "${quizMatch[1]}.yaml"`
					)
				);
				continue;
			}
			quizzes.set(quiz.id, { ...quiz, courseId: dir });
			quizSources.set(quiz.id, source);
		}
	}

	if (!courseFile) return { errors };
	if (courseFile.id !== dir) {
		errors.push(
			courseSource.error(['id'], `course id "${courseFile.id}" must match its folder name "${dir}"`)
		);
	}

	const topicIds = new Set<string>();
	courseFile.topics.forEach((topic, i) => {
		if (topicIds.has(topic.id))
			errors.push(courseSource.error(['topics', i, 'id'], `duplicate topic id "${topic.id}"`));
		topicIds.add(topic.id);
	});

	// Files that exist but failed validation already have their errors; don't also call them missing.
	const present = (folder: string) =>
		new Set(
			Object.keys(files).flatMap(
				(path) => new RegExp(`/${folder}/([^/]+)\\.(?:md|yaml)$`).exec(path)?.[1] ?? []
			)
		);
	const lessonOrder = checkModules(
		courseFile,
		courseSource,
		present('lessons'),
		present('quizzes'),
		errors
	);

	for (const [id, lesson] of lessons) {
		const source = lessonSources.get(id)!;
		lesson.topics.forEach((topic, i) => {
			if (!topicIds.has(topic))
				errors.push(source.error(['topics', i], undeclaredTopic(topic, coursePath)));
		});
		if (!lessonOrder.includes(id)) {
			errors.push(
				source.error(['id'], `lesson "${id}" is not listed in any module of ${coursePath}`)
			);
		}
	}

	const questionIds = new Map<string, string>();
	for (const [id, quiz] of quizzes) {
		const source = quizSources.get(id)!;
		checkQuiz(quiz, source, { topicIds, lessons, questionIds, coursePath }, errors);
	}
	// A quiz file with schema errors still gets its valid questions cross-checked, so that one run
	// reports every error.
	for (const source of invalidQuizzes) {
		checkQuestions(
			salvageQuestions(source.data),
			undefined,
			source,
			{ topicIds, lessons, questionIds, coursePath },
			errors
		);
	}
	const practice = loadPractice(files[`quizzes/${dir}/practice.yaml`], dir, errors, {
		topicIds,
		lessons,
		questionIds,
		coursePath
	});

	for (const lesson of lessons.values()) {
		for (const check of lesson.checks) {
			if (!questionIds.has(check.questionId)) {
				errors.push({
					file: `quizzes/${dir}/lessons/${lesson.id}.md`,
					line: check.line,
					column: 1,
					field: '',
					message: `no question "${check.questionId}" to embed: use the id of a question in practice.yaml or quizzes/*.yaml`
				});
			}
		}
	}
	if (errors.length) return { errors };
	return {
		course: { ...courseFile, lessons, quizzes, practice, lessonOrder },
		errors
	};
}

/**
 * The ungraded pool of `practice.yaml` (none when the file is absent): validated like quiz
 * questions, with ids unique across the course so that one id names one question everywhere.
 */
function loadPractice(
	text: string | undefined,
	dir: string,
	errors: ContentError[],
	index: CourseIndex
): Map<string, Question> {
	if (text === undefined) return new Map();
	const source = new YamlSource(`quizzes/${dir}/practice.yaml`, text);
	const file = source.validate(PracticeFile);
	errors.push(...source.errors);
	const questions: [number, Question][] = file
		? [...file.questions.entries()]
		: salvageQuestions(source.data);
	checkQuestions(questions, undefined, source, index, errors);
	return new Map(questions.map(([, question]) => [question.id, question]));
}

function undeclaredTopic(topic: string, coursePath: string) {
	return `topic "${topic}" is not declared in ${coursePath}`;
}

function loadLesson(
	path: string,
	fileId: string,
	courseId: string,
	text: string,
	errors: ContentError[]
) {
	const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
	if (!front) {
		errors.push(fileError(path, 'lesson must start with front matter between "---" lines'));
		return undefined;
	}
	const source = new YamlSource(path, front[1], 1);
	const meta = source.validate(LessonFrontMatter);
	errors.push(...source.errors);
	const bodyFirstLine = front[0].split('\n').length + (front[0].endsWith('\n') ? 0 : 1);
	const rendered = renderMarkdown(text.slice(front[0].length), bodyFirstLine);
	for (const problem of rendered.problems) {
		errors.push({ file: path, line: problem.line, column: 1, field: '', message: problem.message });
	}
	if (rendered.sections.length === 0) {
		errors.push({
			file: path,
			line: bodyFirstLine,
			column: 1,
			field: '',
			message: 'lesson needs at least one "## Section" heading'
		});
	}
	if (!meta) return undefined;
	if (meta.id !== fileId) {
		errors.push(
			source.error(['id'], `lesson id "${meta.id}" must match its file name "${fileId}.md"`)
		);
		return undefined;
	}
	const lesson: Lesson = {
		...meta,
		courseId,
		html: rendered.html,
		sections: rendered.sections,
		checks: rendered.checks
	};
	return { lesson, source };
}

/** Checks that modules name existing lessons and quizzes once each; returns the reading order. */
function checkModules(
	courseFile: CourseFile,
	source: YamlSource,
	lessons: Set<string>,
	quizzes: Set<string>,
	errors: ContentError[]
): string[] {
	const order: string[] = [];
	const listedQuizzes = new Set<string>();
	const moduleIds = new Set<string>();
	courseFile.modules.forEach((module, m) => {
		if (moduleIds.has(module.id))
			errors.push(source.error(['modules', m, 'id'], `duplicate module id "${module.id}"`));
		moduleIds.add(module.id);
		module.items.forEach((item, i) => {
			if ('lesson' in item) {
				if (!lessons.has(item.lesson)) {
					errors.push(
						source.error(
							['modules', m, 'items', i, 'lesson'],
							`no lesson "${item.lesson}" (expected lessons/${item.lesson}.md)`
						)
					);
				} else if (order.includes(item.lesson)) {
					errors.push(
						source.error(
							['modules', m, 'items', i, 'lesson'],
							`lesson "${item.lesson}" is listed twice`
						)
					);
				} else {
					order.push(item.lesson);
				}
			} else if (!quizzes.has(item.quiz)) {
				errors.push(
					source.error(
						['modules', m, 'items', i, 'quiz'],
						`no quiz "${item.quiz}" (expected quizzes/${item.quiz}.yaml)`
					)
				);
			} else if (listedQuizzes.has(item.quiz)) {
				errors.push(
					source.error(['modules', m, 'items', i, 'quiz'], `quiz "${item.quiz}" is listed twice`)
				);
			} else {
				listedQuizzes.add(item.quiz);
			}
		});
	});
	for (const id of quizzes.keys()) {
		if (!listedQuizzes.has(id)) {
			errors.push({ ...source.error(['modules'], `quiz "${id}" is not listed in any module`) });
		}
	}
	return order;
}

interface CourseIndex {
	topicIds: Set<string>;
	lessons: Map<string, Lesson>;
	/** question id → file that first used it */
	questionIds: Map<string, string>;
	coursePath: string;
}

function checkQuiz(quiz: Quiz, source: YamlSource, index: CourseIndex, errors: ContentError[]) {
	quiz.topics.forEach((topic, i) => {
		if (!index.topicIds.has(topic))
			errors.push(source.error(['topics', i], undeclaredTopic(topic, index.coursePath)));
	});
	const poolByTopic = checkQuestions(quiz.questions.entries(), quiz.topics, source, index, errors);
	const draw = quiz.settings.draw;
	if (typeof draw === 'object') {
		for (const [topic, count] of Object.entries(draw)) {
			const available = poolByTopic.get(topic) ?? 0;
			if (count > available) {
				errors.push(
					source.error(
						['settings', 'draw', topic],
						`draws ${count} question${count === 1 ? '' : 's'} on "${topic}" but the quiz has ${available}`
					)
				);
			}
		}
	} else if (typeof draw === 'number') {
		for (const [topic, available] of poolByTopic) {
			if (draw > available) {
				errors.push(
					source.error(
						['settings', 'draw'],
						`draws ${draw} per topic but the quiz has only ${available} on "${topic}"`
					)
				);
			}
		}
	}
}

/** The questions of an invalid quiz file that are valid on their own, with their indices. */
function salvageQuestions(data: unknown): [number, Question][] {
	const raw = (data as { questions?: unknown } | undefined)?.questions;
	if (!Array.isArray(raw)) return [];
	return raw.flatMap((item, i): [number, Question][] => {
		const parsed = Question.safeParse(item);
		return parsed.success ? [[i, parsed.data]] : [];
	});
}

/** Cross-file rules of questions: unique ids, declared topics, `source:` anchors that exist. */
function checkQuestions(
	questions: Iterable<[number, Question]>,
	quizTopics: string[] | undefined,
	source: YamlSource,
	index: CourseIndex,
	errors: ContentError[]
): Map<string, number> {
	const poolByTopic = new Map<string, number>();
	for (const [q, question] of questions) {
		const at = (...path: PropertyKey[]) => ['questions', q, ...path];
		const firstFile = index.questionIds.get(question.id);
		if (firstFile) {
			errors.push(
				source.error(at('id'), `question id "${question.id}" is already used in ${firstFile}`)
			);
		} else {
			index.questionIds.set(question.id, source.file);
		}
		if (!index.topicIds.has(question.topic)) {
			errors.push(source.error(at('topic'), undeclaredTopic(question.topic, index.coursePath)));
		} else if (quizTopics && !quizTopics.includes(question.topic)) {
			errors.push(
				source.error(at('topic'), `topic "${question.topic}" is not in this quiz's topics`)
			);
		}
		poolByTopic.set(question.topic, (poolByTopic.get(question.topic) ?? 0) + 1);
		const [lessonId, anchor] = question.source.split('#');
		const lesson = index.lessons.get(lessonId);
		if (!lesson) {
			errors.push(source.error(at('source'), `no lesson "${lessonId}"`));
		} else if (!lesson.sections.some((s) => s.id === anchor)) {
			errors.push(
				source.error(
					at('source'),
					`lesson "${lessonId}" has no section "#${anchor}" (it has: ${lesson.sections.map((s) => s.id).join(', ')})`
				)
			);
		}
	}
	return poolByTopic;
}
