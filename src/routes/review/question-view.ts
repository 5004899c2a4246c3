/**
 * A review card's question as the shared question components show it. The bank holds the raw
 * questions, so texts are shown as plain (escaped) text here rather than build-time HTML.
 */
import type { QuestionView } from '$lib/content/quiz-view';
import type { Bank } from '$lib/results/bank';
import type { ReviewCard } from '$lib/review/schedule';
import { choiceId, choiceTexts } from '$lib/quiz/choices';
import { escapeHtml } from '$lib/content/escape';

/** Plain text as HTML, keeping only **bold** (the bank's texts are raw markdown). */
const toHtml = (text: string) => escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

export function questionView(
	banks: readonly Bank[],
	card: ReviewCard,
	sections: Record<string, { lesson: string; section: string }>
): QuestionView | undefined {
	const question = banks
		.flatMap((b) => b.quizzes.flatMap((q) => q.questions))
		.find((q) => q.id === card.questionId);
	if (!question) return undefined;
	const choices: Record<string, string> = {};
	const feedback: Record<string, string> = {};
	if (question.type === 'single' || question.type === 'multiple') {
		for (const o of question.options) {
			choices[o.id] = toHtml(o.text);
			if (o.feedback) feedback[o.id] = toHtml(o.feedback);
		}
	}
	for (const text of choiceTexts(question)) choices[choiceId(text)] = toHtml(text);
	const [lessonId, anchor] = question.source.split('#');
	return {
		question,
		html: {
			prompt: toHtml(question.prompt),
			explanation: `<p>${toHtml(question.explanation)}</p>`,
			choices,
			feedback
		},
		source: {
			lessonId,
			anchor,
			lessonTitle: sections[question.source]?.lesson ?? lessonId,
			sectionTitle: sections[question.source]?.section ?? anchor
		}
	};
}
