// The engine with content in other scripts: the world fixture course has a Russian and a
// Japanese quiz with every question type. Before ids worked in any script, each of their match,
// order and classify texts got the id "_": the quiz page crashed and any order scored 100%.
import { describe, expect, it } from 'vitest';
import { loadCourses } from './load.ts';
import { readContentFiles } from './read-dir.ts';
import { questionView } from './quiz-view.ts';
import { QUESTION_TYPES, type Question, type QuestionType } from './schema.ts';
import {
	classifyCategories,
	classifyItems,
	matchLefts,
	matchRights,
	orderItems,
	questionChoices
} from '../quiz/choices.ts';
import { correctAnswer, gradeAnswer, type Answer } from '../quiz/grade.ts';
import { question as sample } from '../testing/builders.ts';
import {
	answerMarks,
	choiceHtml,
	classifyLayout,
	matchLayout,
	orderLayout
} from '$lib/ui/questions/present';

const { courses, errors } = loadCourses(readContentFiles('tests/fixtures/world-course'));
const course = courses[0];
const quizzes = [...(course?.quizzes.values() ?? [])];
const questions = quizzes.flatMap((quiz) => quiz.questions);
const byId = <T extends QuestionType>(id: string, type: T) =>
	questions.find((q) => q.id === id && q.type === type) as Extract<Question, { type: T }>;

/** Each other key value, moved one place along: every key/value pair ends up wrong. */
const rotate = (key: Record<string, string>) => {
	const values = Object.values(key);
	return Object.fromEntries(Object.keys(key).map((k, i) => [k, values[(i + 1) % values.length]]));
};

/** An answer that is not the key, in the shape a student gives. */
function wrongAnswer(q: Question): Answer {
	switch (q.type) {
		case 'single':
			return q.options.find((o) => !o.correct)!.id;
		case 'multiple':
			return q.options.filter((o) => !o.correct).map((o) => o.id);
		case 'truefalse':
			return !q.answer;
		case 'text':
			return q.answers[0].repeat(2);
		case 'order':
			return [...orderItems(q)].reverse().map((item) => item.id);
		case 'match':
		case 'classify':
			return rotate(correctAnswer(q) as Record<string, string>);
	}
}

/** The lists a student picks among, each of which must have distinct ids. */
function choiceLists(q: Question) {
	if (q.type === 'match') return [matchLefts(q), matchRights(q)];
	if (q.type === 'order') return [orderItems(q)];
	if (q.type === 'classify') return [classifyItems(q), classifyCategories(q)];
	return [];
}

describe('the world fixture course, in Russian and Japanese', () => {
	it('loads with no errors, with every question type in each script', () => {
		expect(errors).toEqual([]);
		expect(quizzes.map((quiz) => quiz.id)).toEqual(['nihon-quiz', 'rossiya-quiz']);
		for (const quiz of quizzes) {
			expect(new Set(quiz.questions.map((q) => q.type)), quiz.id).toEqual(new Set(QUESTION_TYPES));
		}
	});

	it('gives the texts of each question distinct ids, in their own script', () => {
		for (const q of questions) {
			for (const list of choiceLists(q)) {
				const ids = list.map((c) => c.id);
				expect(new Set(ids).size, `${q.id}: ${ids.join(' ')}`).toBe(ids.length);
				expect(ids, q.id).not.toContain('_');
			}
			const texts = new Map<string, string>();
			for (const { id, text } of questionChoices(q)) {
				expect(texts.get(id) ?? text, `${q.id}: id "${id}"`).toBe(text);
				texts.set(id, text);
			}
		}
		expect(orderItems(byId('reki-po-dline', 'order')).map((c) => c.id)).toEqual([
			'лена',
			'обь',
			'волга',
			'енисей'
		]);
		expect(classifyItems(byId('moji-no-shurui', 'classify')).map((c) => c.id)).toEqual([
			'か',
			'が',
			'カ',
			'ガ',
			'山'
		]);
	});

	it('grades the right answer 1 and a wrong one below 1, for every question', () => {
		for (const q of questions) {
			expect(gradeAnswer(q, correctAnswer(q)), q.id).toBe(1);
			expect(gradeAnswer(q, wrongAnswer(q)), q.id).toBeLessThan(1);
		}
	});

	it('grades an order other than the key as wrong', () => {
		for (const q of questions.filter((q) => q.type === 'order')) {
			const [a, b, c, d] = correctAnswer(q) as string[];
			expect(gradeAnswer(q, [d, c, b, a]), q.id).toBe(0);
			expect(gradeAnswer(q, [b, a, c, d]), q.id).toBe(0.5);
			expect(gradeAnswer(q, [a, b, c, d]), q.id).toBe(1);
		}
	});

	it('accepts typed answers trimmed and case-, width- and space-insensitive', () => {
		const volga = byId('dlinneyshaya-reka-evropy', 'text');
		for (const typed of ['Волга', ' ВОЛГА ', 'волга', 'Река  Волга', 'РЕКА\tволга']) {
			expect(gradeAnswer(volga, typed), typed).toBe(1);
		}
		expect(gradeAnswer(volga, 'Обь')).toBe(0);
		const fuji = byId('ichiban-takai-yama', 'text');
		for (const typed of ['富士山', '富士山\u3000', ' ふじさん', 'ﾌｼﾞｻﾝ', 'フジ サン']) {
			expect(gradeAnswer(fuji, typed), typed).toBe(1);
		}
		expect(gradeAnswer(fuji, '北岳')).toBe(0);
		const athens = sample('text', { answers: ['Αθήνα'] });
		expect(gradeAnswer(athens, 'ΑΘΉΝΑ')).toBe(1);
		expect(gradeAnswer(athens, 'αθήνα ')).toBe(1);
	});

	it('shows every row and choice of the quiz page with its own text, and marks the key right', () => {
		const presentation = { seed: 7, shuffleOptions: true };
		for (const q of questions) {
			const view = questionView(course, q);
			for (const { id, text } of questionChoices(q)) {
				expect(choiceHtml(view, id), `${q.id}: ${id}`).toBe(text);
			}
			const layout =
				q.type === 'match'
					? matchLayout(view, presentation)
					: q.type === 'classify'
						? classifyLayout(view, presentation)
						: { rows: [], choices: [] };
			expect(new Set(layout.rows.map((r) => r.id)).size).toBe(layout.rows.length);
			if (q.type === 'order') {
				const { items, initial } = orderLayout(view, presentation);
				expect([...initial].sort()).toEqual(items.map((i) => i.id).sort());
				expect(gradeAnswer(q, initial), q.id).toBeLessThan(1);
			}
			const marks = Object.values(answerMarks(view, correctAnswer(q)));
			expect(
				marks.every((mark) => mark === 'right'),
				`${q.id}: ${marks.join(' ')}`
			).toBe(true);
		}
	});
});
