/**
 * A review card's question as the shared question components show it. The bank holds the raw
 * questions, so texts are shown as plain (escaped) text here rather than build-time HTML.
 */
import type { QuestionView } from '$lib/content/quiz-view';
import type { Bank } from '$lib/results/bank';
import type { ReviewCard } from '$lib/review/schedule';
import { choiceId, choiceTexts } from '$lib/quiz/choices';

const escapeHtml = (text: string) =>
	text
		.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
		.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

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
			choices[o.id] = escapeHtml(o.text);
			if (o.feedback) feedback[o.id] = escapeHtml(o.feedback);
		}
	}
	for (const text of choiceTexts(question)) choices[choiceId(text)] = escapeHtml(text);
	const [lessonId, anchor] = question.source.split('#');
	return {
		question,
		html: {
			prompt: escapeHtml(question.prompt),
			explanation: `<p>${escapeHtml(question.explanation)}</p>`,
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
