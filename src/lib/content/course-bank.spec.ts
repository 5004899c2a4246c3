import { describe, expect, it } from 'vitest';
import { loadCourses } from './load.ts';
import { readContentFiles } from './read-dir.ts';
import { courseBank } from './course-bank.ts';
import { quizView } from './quiz-view.ts';
import { fetchBank } from '../results/fetch-bank.ts';
import { gradebookQuizzes, questionViews } from '../results/bank.ts';

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
});
