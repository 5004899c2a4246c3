import type { QuestionView } from '$lib/content/quiz-view';
import type { Answer } from '$lib/quiz/grade';
import type { Marks } from './marks';
import type { Presentation } from './presentation';

/** What every type's answer controls take (ChoiceAnswer, SelectEachAnswer, OrderAnswer, TextAnswer). */
export interface AnswerProps {
	view: QuestionView;
	/** Prefix of the controls' ids and names, unique on the page. */
	uid: string;
	presentation: Presentation;
	answer: Answer | undefined;
	disabled: boolean;
	/** Right/wrong marks on the parts (after checking, or in the review). */
	marks: Marks | undefined;
	onanswer: (answer: Answer) => void;
}
