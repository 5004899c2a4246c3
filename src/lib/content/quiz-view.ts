/**
 * What a quiz page (and a lesson's "check yourself") needs of a question: the question itself,
 * for grading in the browser, plus its texts rendered to HTML at build time and the lesson
 * section that teaches it. The gradebook never trusts the browser's grading, so shipping the
 * answer key to the page is fine (DESIGN.md, "No secrets in the client").
 */
import type { Course, Quiz } from './model.ts';
import type { Question } from './schema.ts';
import { renderInline, renderMarkdown } from './markdown.ts';
import { questionChoices } from '../quiz/choices.ts';
import { contentHash } from '../quiz/hash.ts';

export interface QuestionView {
	question: Question;
	html: {
		prompt: string;
		explanation: string;
		/** Option id or choice id (match, order, classify texts) → rendered text. */
		choices: Record<string, string>;
		/** Option id → rendered feedback. */
		feedback: Record<string, string>;
	};
	source: { lessonId: string; anchor: string; lessonTitle: string; sectionTitle: string };
}

export interface QuizView {
	courseId: string;
	courseTitle: string;
	id: string;
	title: string;
	description?: string;
	passMark: number;
	settings: Quiz['settings'];
	topics: { id: string; title: string }[];
	contentHash: string;
	questions: QuestionView[];
}

/** A question with its texts rendered and its source section resolved. */
export function questionView(course: Course, question: Question): QuestionView {
	const [lessonId, anchor] = question.source.split('#');
	const lesson = course.lessons.get(lessonId);
	const choices: Record<string, string> = {};
	const feedback: Record<string, string> = {};
	if (question.type === 'single' || question.type === 'multiple') {
		for (const option of question.options) {
			choices[option.id] = renderInline(option.text);
			if (option.feedback) feedback[option.id] = renderInline(option.feedback);
		}
	}
	for (const choice of questionChoices(question)) choices[choice.id] = renderInline(choice.text);
	return {
		question,
		html: {
			prompt: renderInline(question.prompt),
			explanation: renderMarkdown(question.explanation).html,
			choices,
			feedback
		},
		source: {
			lessonId,
			anchor,
			lessonTitle: lesson?.title ?? lessonId,
			sectionTitle: lesson?.sections.find((s) => s.id === anchor)?.title ?? anchor
		}
	};
}

/** The whole quiz as its page uses it. */
export function quizView(course: Course, quiz: Quiz): QuizView {
	const topicTitle = new Map(course.topics.map((t) => [t.id, t.title]));
	return {
		courseId: course.id,
		courseTitle: course.title,
		id: quiz.id,
		title: quiz.title,
		description: quiz.description,
		passMark: quiz.passMark,
		settings: quiz.settings,
		topics: quiz.topics.map((id) => ({ id, title: topicTitle.get(id) ?? id })),
		contentHash: contentHash(quiz.questions),
		questions: quiz.questions.map((q) => questionView(course, q))
	};
}
