import { describe, expect, it } from 'vitest';
import { loadCourses } from './load.ts';
import { readContentFiles } from './read-dir.ts';
import { courseBank } from './course-bank.ts';
import { quizView } from './quiz-view.ts';
import { fetchBank } from '../results/fetch-bank.ts';
import { gradebookQuizzes, questionViews } from '../results/bank.ts';
import { regrade } from '../results/regrade.ts';
import { gradebookQuiz, resultsFile, takenAttempt } from '../testing/builders.ts';

const TINY = readContentFiles('tests/fixtures/tiny-course');
const QUIZ = 'quizzes/tiny/quizzes/basics-quiz.yaml';

/** The tiny course with markdown in an explanation and an option's feedback. */
function tinyCourseWithMarkdown() {
	const yaml = TINY[QUIZ].replace(
		'explanation: Red cannot be mixed from other colours.',
		'explanation: |\n      Red *cannot* be mixed from **other** colours.\n\n      See the `colours` lesson.'
	).replace(
		'feedback: Green is mixed from blue and yellow.',
		'feedback: Green is mixed from *blue* and yellow.'
	);
	if (yaml === TINY[QUIZ] || !yaml.includes('*blue*')) throw new Error('fixture changed');
	const { courses, errors } = loadCourses({ ...TINY, [QUIZ]: yaml });
	expect(errors).toEqual([]);
	return courses[0];
}

/** The tiny course with its quiz drawing two questions per topic, shuffled, in 15 minutes. */
function tinyCourseWithDraw() {
	const yaml = TINY[QUIZ].replace(
		'  maxAttempts: 2\n',
		'  maxAttempts: 2\n  draw: 2\n  timeLimitMinutes: 15\n'
	);
	if (yaml === TINY[QUIZ]) throw new Error('fixture changed');
	const { courses, errors } = loadCourses({ ...TINY, [QUIZ]: yaml });
	expect(errors).toEqual([]);
	return courses[0];
}

/** `bank.json` as the prerendered route serves it, read back through the loader. */
async function servedBank(course: ReturnType<typeof tinyCourseWithMarkdown>) {
	const body = JSON.stringify(courseBank(course));
	return fetchBank(course.id, async () => new Response(body));
}

describe('courseBank (bank.json)', () => {
	it('gives each question the same HTML as the quiz page: prompt, explanation, choices, feedback', async () => {
		const course = tinyCourseWithMarkdown();
		const bank = await servedBank(course);
		const page = quizView(course, course.quizzes.get('basics-quiz')!);
		const [quiz] = bank.quizzes;
		expect(quiz).toMatchObject({ id: 'basics-quiz', title: 'Basics quiz', passMark: 60 });
		expect(quiz.questions).toEqual(page.questions);
	});

	it('keeps the markdown of explanations and feedback, rendered at build time', async () => {
		const views = questionViews([await servedBank(tinyCourseWithMarkdown())]);
		const red = views.get('primary-red')!;
		expect(red.html.prompt).toBe('Which of these is a <strong>primary</strong> colour?');
		expect(red.html.explanation).toContain(
			'<p>Red <em>cannot</em> be mixed from <strong>other</strong> colours.</p>'
		);
		expect(red.html.explanation).toContain('<p>See the <code>colours</code> lesson.</p>');
		expect(red.html.feedback.green).toBe('Green is mixed from <em>blue</em> and yellow.');
		expect(red.source).toMatchObject({ lessonId: 'colours', anchor: 'red', sectionTitle: 'Red' });
	});

	it('lets the gradebook recognise the quiz page’s content hash', async () => {
		const course = tinyCourseWithMarkdown();
		const quizzes = gradebookQuizzes([await servedBank(course)]);
		expect(quizzes.get('tiny/basics-quiz')?.contentHash).toBe(
			quizView(course, course.quizzes.get('basics-quiz')!).contentHash
		);
	});

	it('carries shuffle, draw and time limit, so the gradebook re-draws what the quiz page drew', async () => {
		const course = tinyCourseWithDraw();
		const quizzes = gradebookQuizzes([await servedBank(course)]);
		expect(quizzes.get('tiny/basics-quiz')?.settings).toEqual({
			shuffle: { questions: true, options: true },
			draw: 2,
			timeLimitMinutes: 15
		});
		// The quiz as its page has it: the page's questions in the page's order, and its settings.
		const page = quizView(course, course.quizzes.get('basics-quiz')!);
		const onPage = gradebookQuiz(
			page.questions.map((v) => v.question),
			{ settings: page.settings, contentHash: page.contentHash }
		);
		const attempts = [1, 2, 3, 4, 5, 6].map((seed) =>
			takenAttempt(onPage, { seed, id: `seed-${seed}`, minutes: 14 })
		);
		expect(attempts.every((a) => a.questionIds.length === 4)).toBe(true);
		const graded = regrade([{ source: 'ada.json', file: resultsFile(attempts) }], {
			quizzes,
			now: new Date('2026-02-01T00:00:00Z')
		});
		expect(graded.map((g) => g.flags)).toEqual(attempts.map(() => []));
	});
});
