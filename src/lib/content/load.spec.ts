import { describe, expect, it } from 'vitest';
import { loadCourses } from './load.ts';
import { readContentFiles } from './read-dir.ts';
import { formatContentError } from './errors.ts';
import { embeddedQuestion } from './practice.ts';

const TINY = readContentFiles('tests/fixtures/tiny-course');
const COURSE = 'quizzes/tiny/course.yaml';
const COLOURS = 'quizzes/tiny/lessons/colours.md';
const QUIZ = 'quizzes/tiny/quizzes/basics-quiz.yaml';

/** The tiny fixture course with `from` replaced by `to` in one file (which must contain it). */
function tinyWith(file: string, from: string | RegExp, to: string): Record<string, string> {
	const text = TINY[file];
	if (text === undefined || !(typeof from === 'string' ? text.includes(from) : from.test(text))) {
		throw new Error(`fixture ${file} has no ${String(from)}`);
	}
	return { ...TINY, [file]: text.replace(from, to) };
}

const WORLD = readContentFiles('tests/fixtures/world-course');
const RU = 'quizzes/world/quizzes/rossiya-quiz.yaml';
const JA = 'quizzes/world/quizzes/nihon-quiz.yaml';

/** The world fixture course (Russian and Japanese) with `from` replaced by `to` in one file. */
function worldWith(file: string, from: string, to: string): Record<string, string> {
	if (!WORLD[file]?.includes(from)) throw new Error(`fixture ${file} has no ${from}`);
	return { ...WORLD, [file]: WORLD[file].replace(from, to) };
}

const PRACTICE_FILE = 'quizzes/tiny/practice.yaml';
const PRACTICE = `questions:
  - id: red-or-green
    type: truefalse
    topic: colours
    source: colours#red
    prompt: Red is a primary colour.
    explanation: The lesson says so.
    answer: true
`;

/** The tiny course with a practice pool, and optionally one lesson line replaced. */
function withPractice(practice: string, [from, to]: [string, string] | [] = []) {
	const files = from && to ? tinyWith(COLOURS, from, to) : TINY;
	return { ...files, [PRACTICE_FILE]: practice };
}

/** The formatted errors, to compare whole lines like a terminal shows them. */
function errorsOf(files: Record<string, string>): string[] {
	return loadCourses(files).errors.map(formatContentError);
}

describe('loadCourses on the tiny fixture course', () => {
	it('loads a valid course with its lessons, quizzes and reading order', () => {
		const { courses, errors } = loadCourses(TINY);
		expect(errors).toEqual([]);
		expect(courses).toHaveLength(1);
		const [course] = courses;
		expect(course.id).toBe('tiny');
		expect(course.lessonOrder).toEqual(['colours', 'shapes']);
		expect(course.quizzes.get('basics-quiz')?.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'truefalse',
			'match',
			'order',
			'text',
			'classify'
		]);
		expect(course.quizzes.get('basics-quiz')?.settings).toMatchObject({
			feedback: 'deferred',
			maxAttempts: 2,
			shuffle: { questions: true, options: true }
		});
	});

	it('renders lessons to HTML with section anchors, a captioned accessible table and callouts', () => {
		const lesson = loadCourses(TINY).courses[0].lessons.get('colours')!;
		expect(lesson.sections).toEqual([
			{ id: 'red', title: 'Red', line: 16 },
			{ id: 'mixing', title: 'Mixing colours', line: 20 }
		]);
		expect(lesson.html).toContain('<h2 id="mixing">Mixing colours</h2>');
		expect(lesson.html).toContain('<caption>Mixing two primaries</caption>');
		expect(lesson.html).toContain('<th scope="col">Mix</th>');
		expect(lesson.html).toContain('<th scope="row">Red + yellow</th>');
		expect(lesson.html).toMatch(
			/<aside class="callout callout-note" aria-label="Note">.*Screens mix light/s
		);
		expect(lesson.html).not.toContain('Table:');
		expect(lesson.html).not.toContain('[!NOTE]');
		expect(lesson.checks).toEqual([{ questionId: 'orange-mix', line: 32 }]);
		expect(lesson.html).toContain('<!--check:orange-mix-->');
		expect(lesson.html).not.toContain('{{check');
	});
});

// Every rule of the authoring format: the broken fixture, and the exact line an author would see.
const rules: { rule: string; files: () => Record<string, string>; error: string }[] = [
	{
		rule: 'YAML syntax errors are located',
		files: () => tinyWith(COURSE, 'title: Colours and shapes', 'title: [Colours'),
		error:
			'quizzes/tiny/course.yaml:3:1 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'
	},
	{
		rule: 'unknown fields are refused',
		files: () => tinyWith(QUIZ, '    answer: true', '    answer: true\n    colour: red'),
		error: `${QUIZ}:39:5 questions[2].colour: unknown field "colour"`
	},
	{
		rule: 'required fields must be present',
		files: () => tinyWith(QUIZ, '    explanation: The mixing table says so.\n', ''),
		error: `${QUIZ}:32:5 questions[2].explanation: required field is missing`
	},
	{
		rule: 'fields have the right type',
		files: () => tinyWith(QUIZ, 'passMark: 60', 'passMark: sixty'),
		error: `${QUIZ}:4:11 passMark: expected number`
	},
	{
		rule: 'pass marks are percentages',
		files: () => tinyWith(QUIZ, 'passMark: 60', 'passMark: 160'),
		error: `${QUIZ}:4:11 passMark: must be at most 100`
	},
	{
		rule: 'ids are kebab-case',
		files: () => tinyWith(QUIZ, 'id: primary-red', 'id: Primary_Red'),
		error: `${QUIZ}:9:9 questions[0].id: must be kebab-case: lower-case letters, digits and "-"`
	},
	{
		rule: 'question types are one of the seven',
		files: () => tinyWith(QUIZ, 'type: truefalse', 'type: yesno'),
		error: `${QUIZ}:33:11 questions[2].type: unknown type; expected one of single, multiple, truefalse, match, order, text, classify`
	},
	{
		rule: 'texts have sane lengths',
		files: () =>
			tinyWith(QUIZ, 'prompt: Red and yellow make orange.', `prompt: ${'very '.repeat(500)}long`),
		error: `${QUIZ}:36:13 questions[2].prompt: is longer than 2000 characters`
	},
	{
		rule: 'the course id matches its folder',
		files: () => tinyWith(COURSE, 'id: tiny', 'id: small'),
		error: `${COURSE}:1:5 id: course id "small" must match its folder name "tiny"`
	},
	{
		rule: 'topic ids are unique',
		files: () => tinyWith(COURSE, 'id: shapes', 'id: colours'),
		error: `${COURSE}:7:9 topics[1].id: duplicate topic id "colours"`
	},
	{
		rule: 'modules name lessons that exist',
		files: () => tinyWith(COURSE, 'lesson: shapes', 'lesson: circles'),
		error: `${COURSE}:14:17 modules[0].items[1].lesson: no lesson "circles" (expected lessons/circles.md)`
	},
	{
		rule: 'modules name quizzes that exist',
		files: () => tinyWith(COURSE, 'quiz: basics-quiz', 'quiz: final'),
		error: `${COURSE}:15:15 modules[0].items[2].quiz: no quiz "final" (expected quizzes/final.yaml)`
	},
	{
		rule: 'a lesson is listed once',
		files: () => tinyWith(COURSE, 'lesson: shapes', 'lesson: colours'),
		error: `${COURSE}:14:17 modules[0].items[1].lesson: lesson "colours" is listed twice`
	},
	{
		rule: 'every lesson is listed in a module',
		files: () => tinyWith(COURSE, '      - lesson: shapes\n', ''),
		error:
			'quizzes/tiny/lessons/shapes.md:2:5 id: lesson "shapes" is not listed in any module of quizzes/tiny/course.yaml'
	},
	{
		rule: 'every quiz is listed in a module',
		files: () => ({
			...TINY,
			'quizzes/tiny/quizzes/extra.yaml': TINY[QUIZ].replace('id: basics-quiz', 'id: extra').replace(
				/id: ([a-z-]+)\n {4}type/g,
				'id: x-$1\n    type'
			)
		}),
		error: `${COURSE}:10:3 modules: quiz "extra" is not listed in any module`
	},
	{
		rule: 'lessons start with front matter',
		files: () => tinyWith(COLOURS, /^---\n/, ''),
		error: `${COLOURS}:1:1 lesson must start with front matter between "---" lines`
	},
	{
		rule: 'a lesson id matches its file name',
		files: () => tinyWith(COLOURS, 'id: colours', 'id: colors'),
		error: `${COLOURS}:2:5 id: lesson id "colors" must match its file name "colours.md"`
	},
	{
		rule: 'lesson topics are declared in course.yaml',
		files: () => tinyWith(COLOURS, 'topics: [colours]', 'topics: [colours, light]'),
		error: `${COLOURS}:4:19 topics[1]: topic "light" is not declared in ${COURSE}`
	},
	{
		rule: 'lessons have learning objectives',
		files: () =>
			tinyWith(
				COLOURS,
				'objectives:\n  - Name the three primary colours of paint.',
				'objectives: []'
			),
		error: `${COLOURS}:5:13 objectives: needs at least 1 item`
	},
	{
		rule: 'lessons have at least one section',
		files: () => tinyWith('quizzes/tiny/lessons/shapes.md', '## Sides {#sides}', 'Sides'),
		error: 'quizzes/tiny/lessons/shapes.md:13:1 lesson needs at least one "## Section" heading'
	},
	{
		rule: 'the lesson title is the only level-1 heading',
		files: () => tinyWith(COLOURS, '## Red {#red}', '# Red'),
		error: `${COLOURS}:16:1 use "##" for sections: the lesson title is the only level-1 heading`
	},
	{
		rule: 'section anchors are unique in a lesson',
		files: () => tinyWith(COLOURS, '## Mixing colours {#mixing}', '## Mixing colours {#red}'),
		error: `${COLOURS}:20:1 section anchor "#red" is already used on line 16`
	},
	{
		rule: 'raw HTML is refused in lessons',
		files: () => tinyWith(COLOURS, 'Red is a primary colour.', '<script>alert(1)</script>'),
		error: `${COLOURS}:18:1 raw HTML is not allowed in content; use markdown`
	},
	{
		rule: 'an embedded question exists in the course',
		files: () => tinyWith(COLOURS, '{{check orange-mix}}', '{{check purple-mix}}'),
		error: `${COLOURS}:32:1 no question "purple-mix" to embed: use the id of a question in practice.yaml or quizzes/*.yaml`
	},
	{
		rule: 'an embedded question stands on a line of its own',
		files: () => tinyWith(COLOURS, '{{check orange-mix}}', '  {{check orange-mix}}'),
		error: `${COLOURS}:32:1 embed a question on a line of its own, unindented: "{{check question-id}}"`
	},
	{
		rule: 'a practice question id is used by no quiz question',
		files: () => withPractice(PRACTICE.replace('id: red-or-green', 'id: primary-red')),
		error: `${PRACTICE_FILE}:2:9 questions[0].id: question id "primary-red" is already used in ${QUIZ}`
	},
	{
		rule: 'a practice question points at an existing section',
		files: () => withPractice(PRACTICE.replace('colours#red', 'colours#blue')),
		error: `${PRACTICE_FILE}:5:13 questions[0].source: lesson "colours" has no section "#blue" (it has: red, mixing)`
	},
	{
		rule: 'a practice question is valid like a quiz question',
		files: () => withPractice(PRACTICE.replace('    answer: true\n', '')),
		error: `${PRACTICE_FILE}:2:5 questions[0].answer: required field is missing`
	},
	{
		rule: 'a quiz id matches its file name',
		files: () => tinyWith(QUIZ, 'id: basics-quiz', 'id: basics'),
		error: `${QUIZ}:1:5 id: quiz id "basics" must match its file name "basics-quiz.yaml"`
	},
	{
		rule: 'quiz topics are declared in course.yaml',
		files: () => tinyWith(QUIZ, 'topics: [colours, shapes]', 'topics: [colours, shapes, sizes]'),
		error: `${QUIZ}:3:27 topics[2]: topic "sizes" is not declared in ${COURSE}`
	},
	{
		rule: 'question ids are unique across the course',
		files: () => tinyWith(QUIZ, 'id: primaries', 'id: primary-red'),
		error: `${QUIZ}:22:9 questions[1].id: question id "primary-red" is already used in ${QUIZ}`
	},
	{
		rule: 'question topics are declared in course.yaml',
		files: () =>
			tinyWith(
				QUIZ,
				'topic: colours\n    source: colours#mixing\n    prompt: Red',
				'topic: light\n    source: colours#mixing\n    prompt: Red'
			),
		error: `${QUIZ}:34:12 questions[2].topic: topic "light" is not declared in ${COURSE}`
	},
	{
		rule: "question topics are among the quiz's topics",
		files: () => tinyWith(QUIZ, 'topics: [colours, shapes]', 'topics: [colours]'),
		error: `${QUIZ}:51:12 questions[4].topic: topic "shapes" is not in this quiz's topics`
	},
	{
		rule: 'source anchors point at an existing section',
		files: () =>
			tinyWith(
				QUIZ,
				'source: colours#mixing\n    prompt: Red',
				'source: colours#blending\n    prompt: Red'
			),
		error: `${QUIZ}:35:13 questions[2].source: lesson "colours" has no section "#blending" (it has: red, mixing)`
	},
	{
		rule: 'source anchors point at an existing lesson',
		files: () =>
			tinyWith(
				QUIZ,
				'source: colours#red\n    prompt: Which of',
				'source: paint#red\n    prompt: Which of'
			),
		error: `${QUIZ}:12:13 questions[0].source: no lesson "paint"`
	},
	{
		rule: 'source is written lesson#anchor',
		files: () =>
			tinyWith(
				QUIZ,
				'source: colours#red\n    prompt: Which of',
				'source: colours\n    prompt: Which of'
			),
		error: `${QUIZ}:12:13 questions[0].source: must be "lesson-id#section-anchor"`
	},
	{
		rule: 'a single-choice question has exactly one correct option',
		files: () =>
			tinyWith(QUIZ, '        text: Green\n', '        text: Green\n        correct: true\n'),
		error: `${QUIZ}:16:7 questions[0].options: exactly one option must be correct`
	},
	{
		rule: 'a multiple-choice question has at least one correct option',
		files: () => tinyWith(QUIZ, /correct: true \}/g, '}'),
		error: `${QUIZ}:29:7 questions[1].options: at least one option must be correct`
	},
	{
		rule: 'a choice question has at least two options',
		files: () => tinyWith(QUIZ, / {6}- id: green\n[^\n]+\n[^\n]+\n/, ''),
		error: `${QUIZ}:16:7 questions[0].options: needs at least two options`
	},
	{
		rule: 'option ids are unique in a question',
		files: () => tinyWith(QUIZ, '{ id: blue, text: Blue', '{ id: red, text: Blue'),
		error: `${QUIZ}:30:9 questions[1].options[1]: duplicate option id "red"`
	},
	{
		rule: 'match pairs have unique left-hand texts',
		files: () => tinyWith(QUIZ, 'left: Blue + yellow', 'left: Red + yellow'),
		error: `${QUIZ}:47:9 questions[3].pairs[1]: duplicate left-hand text "Red + yellow"`
	},
	{
		rule: 'a match distractor is not also a right answer',
		files: () => tinyWith(QUIZ, 'distractors: [Purple]', 'distractors: [Green]'),
		error: `${QUIZ}:48:19 questions[3].distractors[0]: distractor "Green" is also a right-hand answer`
	},
	{
		rule: 'order items are unique',
		files: () => tinyWith(QUIZ, 'items: [Triangle, Square]', 'items: [Triangle, triangle]'),
		error: `${QUIZ}:55:23 questions[4].items[1]: duplicate item "triangle"`
	},
	{
		rule: 'an order question has at least two items',
		files: () => tinyWith(QUIZ, 'items: [Triangle, Square]', 'items: [Triangle]'),
		error: `${QUIZ}:55:12 questions[4].items: needs at least two items`
	},
	{
		rule: 'a text question accepts at least one answer',
		files: () => tinyWith(QUIZ, "answers: [four, '4']", 'answers: []'),
		error: `${QUIZ}:62:14 questions[5].answers: needs at least one accepted answer`
	},
	{
		rule: 'classify items use one of the categories',
		files: () => tinyWith(QUIZ, '{ text: Red, category: Colour }', '{ text: Red, category: Hue }'),
		error: `${QUIZ}:72:32 questions[6].items[1].category: category "Hue" is not one of the question's categories`
	},
	{
		rule: 'classify item texts are unique',
		files: () =>
			tinyWith(QUIZ, '{ text: Red, category: Colour }', '{ text: Triangle, category: Colour }'),
		error: `${QUIZ}:72:9 questions[6].items[1]: duplicate item "Triangle"`
	},
	{
		rule: 'two texts of a list with the same id are refused, in any script',
		files: () =>
			worldWith(RU, 'items: [Лена, Обь, Волга, Енисей]', 'items: [Лена, Обь, Волга, ВОЛГА]'),
		error: `${RU}:54:31 questions[4].items[3]: duplicate item "ВОЛГА": its id "волга" is also the id of item "Волга" (items[2]); give it its own id ({ id: …, text: … })`
	},
	{
		rule: 'a text with no letter or digit has no id unless its author gives one',
		files: () => worldWith(RU, 'distractors: [Енисей]', "distractors: ['—']"),
		error: `${RU}:47:19 questions[3].distractors[0]: "—" has no letter or digit to make an id of: give it its own id ({ id: …, text: … })`
	},
	{
		rule: 'a derived id fits in a stored answer',
		files: () => worldWith(RU, 'items: [Лена,', `items: [${'Лена '.repeat(50)},`),
		error: `${RU}:54:13 questions[4].items[0]: this text makes an id of 249 characters, more than 200: give it its own id ({ id: …, text: … })`
	},
	{
		rule: 'an id an author gives is written as an id',
		files: () => worldWith(RU, 'rightId: volga', 'rightId: Volga'),
		error: `${RU}:45:57 questions[3].pairs[2].rightId: not a valid id: use lower-case letters and digits (of any script) joined by "-", such as "volga"`
	},
	{
		rule: 'an id an author gives in { id, text } is written as an id',
		files: () => worldWith(RU, '{ id: gorod, text: Город }', '{ id: Город, text: Город }'),
		error: `${RU}:68:24 questions[6].categories[0].id: not a valid id: use lower-case letters and digits (of any script) joined by "-", such as "город"`
	},
	{
		rule: 'an id an author gives is no other text’s id in its list',
		files: () =>
			worldWith(JA, '{ text: 山, category: 漢字 }', '{ id: か, text: 山, category: 漢字 }'),
		error: `${JA}:73:15 questions[6].items[4].id: item "山" has the id "か" of item "か" (items[0]); give it its own id (id: …)`
	},
	{
		rule: 'two texts of one question never share an id, even in different lists',
		files: () => worldWith(JA, 'right: 福岡 }', 'right: 福岡, rightId: hokkaido }'),
		error: `${JA}:43:41 questions[3].pairs[1].rightId: right-hand text "福岡" has the id "hokkaido" of left-hand text "北海道" (pairs[0]); give it its own id (rightId: …)`
	},
	{
		rule: 'draw takes no more questions on a topic than the quiz has',
		files: () => tinyWith(QUIZ, '  maxAttempts: 2', '  maxAttempts: 2\n  draw: { colours: 9 }'),
		error: `${QUIZ}:8:20 settings.draw.colours: draws 9 questions on "colours" but the quiz has 4`
	},
	{
		rule: 'files outside the layout are reported',
		files: () => ({ ...TINY, 'quizzes/tiny/quizzes/notes.yml': 'x: 1' }),
		error:
			'quizzes/tiny/quizzes/notes.yml:1:1 not part of the authoring format: expected quizzes/<course>/course.yaml, practice.yaml, lessons/<id>.md or quizzes/<id>.yaml'
	},
	{
		rule: 'a course folder has a course.yaml',
		files: () => ({ 'quizzes/empty/lessons/a.md': '---\nid: a\n---\n' }),
		error: 'quizzes/empty:1:1 course folder has no course.yaml'
	}
];

describe('the practice pool (practice.yaml)', () => {
	it('loads ungraded questions that lessons embed, apart from every quiz', () => {
		const { courses, errors } = loadCourses(
			withPractice(PRACTICE, ['{{check orange-mix}}', '{{check red-or-green}}'])
		);
		expect(errors).toEqual([]);
		const [course] = courses;
		expect([...course.practice.keys()]).toEqual(['red-or-green']);
		expect(course.lessons.get('colours')!.checks.map((c) => c.questionId)).toEqual([
			'red-or-green'
		]);
		const quizIds = [...course.quizzes.values()].flatMap((q) => q.questions.map((x) => x.id));
		expect(quizIds).not.toContain('red-or-green');
		expect(embeddedQuestion(course, 'red-or-green')).toEqual({
			question: course.practice.get('red-or-green'),
			practice: true
		});
	});

	it('is optional: without it a lesson may embed a quiz question, which stays graded', () => {
		const [course] = loadCourses(TINY).courses;
		expect(course.practice.size).toBe(0);
		expect(embeddedQuestion(course, 'orange-mix')).toMatchObject({
			question: { id: 'orange-mix' },
			practice: false
		});
		expect(embeddedQuestion(course, 'no-such-question')).toBeUndefined();
	});
});

describe('content errors read like a compiler’s: file, line, column, field, message', () => {
	it.each(rules)('$rule', ({ files, error }) => {
		const errors = errorsOf(files());
		expect(
			errors.some((line) => line.startsWith(error)),
			`got:\n${errors.join('\n')}`
		).toBe(true);
	});

	it('reports every error of every file in one run, sorted by file and line', () => {
		let files = tinyWith(QUIZ, 'passMark: 60', 'passMark: 160');
		files = { ...files, [COURSE]: files[COURSE].replace('lesson: shapes', 'lesson: circles') };
		files = {
			...files,
			[QUIZ]: files[QUIZ].replace(
				'source: colours#mixing\n    prompt: Red',
				'source: colours#nope\n    prompt: Red'
			)
		};
		const errors = errorsOf(files);
		expect(errors).toEqual([
			`${COURSE}:14:17 modules[0].items[1].lesson: no lesson "circles" (expected lessons/circles.md)`,
			'quizzes/tiny/lessons/shapes.md:2:5 id: lesson "shapes" is not listed in any module of quizzes/tiny/course.yaml',
			`${QUIZ}:4:11 passMark: must be at most 100`,
			`${QUIZ}:35:13 questions[2].source: lesson "colours" has no section "#nope" (it has: red, mixing)`
		]);
	});
});
