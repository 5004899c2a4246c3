import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeAnswer } from './grade.ts';
import { normaliseText } from './text-answer.ts';
import { contentHash } from './hash.ts';
import { question } from '../testing/builders.ts';
import { Question, type TextMatch } from '../content/schema.ts';
import { loadCourses } from '../content/load.ts';
import { readContentFiles } from '../content/read-dir.ts';
import { courseBank } from '../content/course-bank.ts';
import { Bank } from '../results/fetch-bank.ts';

const textQuestion = (answers: string[], match?: TextMatch) =>
	question('text', { answers, ...(match && { match }) } as Partial<
		Extract<Question, { type: 'text' }>
	>);
const accepts = (answers: string[], typed: string, match?: TextMatch) =>
	gradeAnswer(textQuestion(answers, match), typed) === 1;

describe('typed answers: what normalisation forgives', () => {
	it('accepts the issue’s near misses: a full stop, other punctuation, a hyphen', () => {
		const creator = ['Facebook', 'Meta', 'Facebook (now Meta)', 'Meta (formerly Facebook)'];
		for (const typed of ['Facebook.', 'facebook!', '"Facebook"', 'Meta, formerly Facebook']) {
			expect(accepts(creator, typed), typed).toBe(true);
		}
		for (const typed of [
			'Torch-Serve',
			'Torch Serve',
			'torchserve',
			'“TorchServe”',
			'Torch–Serve'
		]) {
			expect(accepts(['TorchServe'], typed), typed).toBe(true);
		}
		expect(accepts(['TensorFlow.js'], 'tensorflow js')).toBe(true);
		expect(accepts(['research community'], 'The research community.')).toBe(true);
	});

	it('drops one leading English article, "the", "a" or "an", on either side', () => {
		expect(accepts(['research community'], 'the research community')).toBe(true);
		expect(accepts(['the TensorFlow backend'], 'TensorFlow backend')).toBe(true);
		expect(accepts(['apple'], 'An apple')).toBe(true);
		expect(accepts(['team'], 'A team')).toBe(true);
		// Only a whole word followed by more text is an article.
		expect(accepts(['a'], 'a')).toBe(true);
		expect(accepts(['The'], 'the.')).toBe(true);
		expect(accepts(['ano'], 'Theano')).toBe(false);
		expect(accepts(['other'], 'another')).toBe(false);
		expect(accepts(['Volga'], 'la Volga')).toBe(false);
	});

	it('keeps the marks of numbers and punctuation that carries meaning', () => {
		expect(accepts(['3.14'], '314')).toBe(false);
		expect(accepts(['3.14'], '3.14.')).toBe(true);
		expect(accepts(['-5'], '5')).toBe(false);
		expect(accepts(['-5'], '(-5)')).toBe(true);
		expect(accepts(['1/2'], '12')).toBe(false);
		expect(accepts(['5'], '(5).')).toBe(true);
		expect(accepts(['1000'], '1 000')).toBe(true);
		expect(accepts(['COVID-19'], 'covid 19')).toBe(true);
		expect(accepts(['C#'], 'C')).toBe(false);
		expect(accepts(['C++'], 'C')).toBe(false);
		expect(accepts(['50%'], '50')).toBe(false);
		expect(accepts(['R&D'], 'RD')).toBe(false);
	});

	it('compares an answer made only of punctuation as it is, and never accepts a blank', () => {
		expect(accepts(['?'], ' ? ')).toBe(true);
		expect(accepts(['?'], '!')).toBe(false);
		expect(accepts(['Facebook'], '...')).toBe(false);
		expect(accepts(['Facebook'], '')).toBe(false);
		expect(accepts(['Facebook'], ' \t ')).toBe(false);
	});

	it('folds case and Unicode compatibility forms in every script', () => {
		expect(accepts(['TorchServe'], 'ＴｏｒｃｈＳｅｒｖｅ')).toBe(true);
		expect(accepts(['fine'], 'ﬁne')).toBe(true);
		expect(accepts(['m2'], 'm²')).toBe(true);
		expect(accepts(['Straße'], 'STRASSE')).toBe(true);
		expect(accepts(['İstanbul'], 'istanbul')).toBe(true);
		expect(accepts(['ΟΔΟΣ'], 'οδοσ')).toBe(true);
		expect(accepts(['Αθήνα'], 'ΑΘΉΝΑ')).toBe(true);
		expect(accepts(['Волга'], '«ВОЛГА»')).toBe(true);
		expect(accepts(['フジサン'], 'ﾌｼﾞｻﾝ')).toBe(true);
		expect(accepts(['富士山'], '「富士山」。')).toBe(true);
		expect(accepts(['フジサン'], 'フジ・サン')).toBe(true);
		expect(accepts(['می‌خواهم'], 'می خواهم')).toBe(true);
	});

	it('keeps letters that differ apart: no kana folding, no stripped vowel signs', () => {
		expect(accepts(['ふじさん'], 'フジサン')).toBe(false);
		expect(accepts(['がっこう'], 'かっこう')).toBe(false);
		expect(accepts(['Café'], 'Cafe')).toBe(false);
		expect(accepts(['ёлка'], 'елка')).toBe(false);
		expect(normaliseText('हिंदी')).toBe('हिंदी');
		expect(normaliseText('كَتَبَ')).toBe('كَتَبَ');
	});
});

describe('typed answers: ignore-accents, for the author who allows it', () => {
	it('ignores accents of Latin and Greek letters, and Russian stress marks and ё', () => {
		for (const [listed, typed] of [
			['Café', 'cafe'],
			['naïve', 'NAIVE'],
			['São Paulo', 'Sao Paulo'],
			['Αθήνα', 'Αθηνα'],
			['ёлка', 'елка'],
			['замо\u0301к', 'замок']
		]) {
			expect(accepts([listed], typed, 'ignore-accents'), typed).toBe(true);
			expect(accepts([listed], typed), typed).toBe(false);
		}
	});

	it('keeps letters of their own and the marks of other scripts', () => {
		expect(accepts(['йод'], 'иод', 'ignore-accents')).toBe(false);
		expect(accepts(['їжак'], 'іжак', 'ignore-accents')).toBe(false);
		expect(accepts(['がっこう'], 'かっこう', 'ignore-accents')).toBe(false);
		expect(normaliseText('हिंदी', 'ignore-accents')).toBe('हिंदी');
		expect(normaliseText('كَتَبَ', 'ignore-accents')).toBe('كَتَبَ');
		expect(normaliseText('Ærøskøbing', 'ignore-accents')).toBe('ærøskøbing');
	});
});

describe('typed answers: strict, for the author who wants the exact text', () => {
	const strict = ['TorchServe'];

	it('accepts only the listed text, trimmed, in any canonically equivalent form', () => {
		expect(accepts(strict, 'TorchServe', 'strict')).toBe(true);
		expect(accepts(strict, '  TorchServe\t', 'strict')).toBe(true);
		expect(accepts(['Café'], 'Cafe\u0301', 'strict')).toBe(true);
		for (const typed of [
			'torchserve',
			'Torch-Serve',
			'Torch Serve',
			'TorchServe.',
			'ＴｏｒｃｈＳｅｒｖｅ'
		]) {
			expect(accepts(strict, typed, 'strict'), typed).toBe(false);
		}
		expect(accepts(['Café'], 'Cafe', 'strict')).toBe(false);
	});
});

describe('the match field', () => {
	const base = { ...question('text'), match: undefined };
	const parse = (match: unknown) => Question.parse({ ...base, match });

	it('keeps strict and ignore-accents, and drops normal, the default', () => {
		expect(parse('strict')).toMatchObject({ match: 'strict' });
		expect(parse('ignore-accents')).toMatchObject({ match: 'ignore-accents' });
		expect(parse('normal')).not.toHaveProperty('match');
		expect(parse(undefined)).not.toHaveProperty('match');
		expect(() => parse('exact')).toThrow(/normal|strict/);
	});

	it('leaves the content hash of a question without it (or with `normal`) unchanged', () => {
		const plain = question('text');
		expect(contentHash([parse('normal')])).toBe(contentHash([plain]));
		expect(contentHash([parse(undefined)])).toBe(contentHash([plain]));
		expect(contentHash([parse('strict')])).not.toBe(contentHash([plain]));
	});

	it('travels from quizzes/ through bank.json to the gradebook’s grading', () => {
		const files = readContentFiles('tests/fixtures/tiny-course');
		const path = 'quizzes/tiny/quizzes/basics-quiz.yaml';
		const withStrict = {
			...files,
			[path]: files[path].replace("answers: [four, '4']", "answers: [four, '4']\n    match: strict")
		};
		expect(withStrict[path]).toContain('match: strict');
		const bankOf = (content: Record<string, string>) => {
			const { courses, errors } = loadCourses(content);
			expect(errors).toEqual([]);
			return Bank.parse(JSON.parse(JSON.stringify(courseBank(courses[0]))));
		};
		const squareSides = (bank: Bank) =>
			bank.quizzes[0].questions.find((v) => v.question.id === 'square-sides')!.question;
		expect(squareSides(bankOf(withStrict))).toMatchObject({ match: 'strict' });
		expect(gradeAnswer(squareSides(bankOf(withStrict)), 'Four')).toBe(0);
		expect(gradeAnswer(squareSides(bankOf(withStrict)), 'four')).toBe(1);
		expect(squareSides(bankOf(files))).not.toHaveProperty('match');
		expect(gradeAnswer(squareSides(bankOf(files)), 'Four.')).toBe(1);
	});
});

// --- Properties -----------------------------------------------------------------------------

const fullWidth = (c: string) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0);

/**
 * Letters, each with spellings that must compare equal to its first (case, full width, canonical
 * and compatibility equivalents). Two letters of different rows must never compare equal.
 */
const LETTERS: string[][] = [
	...[...'abcdefghijklmnopqrstuvwxyz'].map((c) => [
		c,
		c.toUpperCase(),
		fullWidth(c),
		fullWidth(c.toUpperCase())
	]),
	['é', 'É', 'e\u0301', 'E\u0301'],
	['ñ', 'Ñ', 'n\u0303'],
	['ü', 'Ü', 'u\u0308'],
	['д', 'Д'],
	['е', 'Е'],
	['ё', 'Ё', 'е\u0308'],
	['и', 'И'],
	['й', 'Й', 'и\u0306'],
	['я', 'Я'],
	['α', 'Α'],
	['ά', 'Ά', 'α\u0301', '\u1f71'],
	['σ', 'Σ', 'ς'],
	['ω', 'Ω'],
	['か'],
	['が', 'か\u3099'],
	['カ', 'ｶ'],
	['ガ', 'ｶﾞ', 'カ\u3099'],
	['ー', 'ｰ'],
	['山'],
	['富'],
	['한'],
	['ب'],
	['ש'],
	['कि']
];
/** The letter an accented one is under ignore-accents. */
const letter = (first: string) => LETTERS.findIndex((spellings) => spellings[0] === first);
const UNACCENTED = new Map(
	[
		['é', 'e'],
		['ñ', 'n'],
		['ü', 'u'],
		['ё', 'е'],
		['ά', 'α']
	].map(([accented, bare]) => [letter(accented), letter(bare)])
);

/** An answer as letter numbers: 1–3 words of 4–8 letters (too long to be "the", "a", "an"). */
const answerLetters = fc.array(
	fc.array(fc.nat({ max: LETTERS.length - 1 }), { minLength: 4, maxLength: 8 }),
	{ minLength: 1, maxLength: 3 }
);
const canonical = (words: number[][]) =>
	words.map((w) => w.map((l) => LETTERS[l][0]).join('')).join(' ');
const same = (a: number[][], b: number[][]) => a.flat().join() === b.flat().join();

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const IN_WORD = [
	'',
	'',
	'',
	'-',
	'‐',
	'–',
	'—',
	'.',
	"'",
	'’',
	'_',
	'·',
	'・',
	'/',
	'\u00ad',
	'\u200b'
];
const BETWEEN_WORDS = [' ', '  ', '\t', '\u3000', '\u00a0', '', '-', ' - ', ' – ', ', ', '/', '・'];
const BEFORE = ['', ' ', '\t\n', '"', '“', '«', '(', '[', '「', '¿', '¡', '‘'];
const ARTICLE = ['', '', 'the ', 'The ', 'THE ', 'a ', 'A ', 'an ', 'An ', 'Ｔｈｅ ', 'the\u00a0'];
const AFTER = [
	'',
	' ',
	'.',
	'!',
	'?',
	'?!',
	'"',
	'”',
	'»',
	')',
	']',
	'」',
	'。',
	'…',
	'...',
	';',
	' .'
];

/**
 * A spelling of `words` a student might type: any spelling of each letter, punctuation and
 * hyphens inside and between words, surrounding punctuation and white space, a leading article.
 */
const spelling = (words: number[][]) =>
	fc
		.tuple(
			fc.array(fc.array(fc.tuple(fc.nat(), pick(IN_WORD)), { minLength: 8, maxLength: 8 }), {
				minLength: 3,
				maxLength: 3
			}),
			fc.array(pick(BETWEEN_WORDS), { minLength: 3, maxLength: 3 }),
			pick(BEFORE),
			pick(ARTICLE),
			pick(AFTER)
		)
		.map(([choices, gaps, before, article, after]) => {
			const body = words
				.map((word, w) =>
					word
						.map((l, i) => {
							const [variant, mark] = choices[w][i];
							const spellings = LETTERS[l];
							return (i ? mark : '') + spellings[variant % spellings.length];
						})
						.join('')
				)
				.reduce((text, word, w) => text + gaps[w] + word);
			return before + article + body + after;
		});

/** `words` with one letter replaced by a letter of another row. */
const misspelt = (words: number[][]) =>
	fc
		.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: LETTERS.length - 1 }))
		.map(([w, i, shift]) =>
			words.map((word, wi) =>
				wi !== w % words.length
					? word
					: word.map((l, li) => (li === i % word.length ? (l + shift) % LETTERS.length : l))
			)
		);

describe('typed answers: properties', () => {
	/** 1–3 listed answers, each as the author spelt it. */
	const listedAnswers = fc
		.array(answerLetters, { minLength: 1, maxLength: 3 })
		.chain((listed) =>
			fc.record({ listed: fc.constant(listed), authored: fc.tuple(...listed.map(spelling)) })
		);

	it('accepts any spelling of a listed answer, however the author spelt it', () => {
		fc.assert(
			fc.property(
				listedAnswers.chain(({ listed, authored }) =>
					fc.record({
						authored: fc.constant(authored),
						typed: fc.constantFrom(...listed).chain(spelling)
					})
				),
				({ authored, typed }) => {
					expect(gradeAnswer(textQuestion(authored), typed), typed).toBe(1);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('rejects an answer with a letter that differs, however it is spelt', () => {
		fc.assert(
			fc.property(
				listedAnswers.chain(({ listed, authored }) =>
					misspelt(listed[0]).chain((other) =>
						fc.record({
							listed: fc.constant(listed),
							authored: fc.constant(authored),
							other: fc.constant(other),
							typed: spelling(other)
						})
					)
				),
				({ listed, authored, other, typed }) => {
					fc.pre(listed.every((answer) => !same(answer, other)));
					expect(gradeAnswer(textQuestion(authored), typed), typed).toBe(0);
					expect(gradeAnswer(textQuestion(authored), canonical(other))).toBe(0);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('with ignore-accents, accepts accented letters typed bare; without, rejects them', () => {
		const accented = [...UNACCENTED.keys()];
		fc.assert(
			fc.property(
				answerLetters,
				fc.nat({ max: accented.length - 1 }),
				fc.nat(),
				fc.nat(),
				(words, a, w, i) => {
					const listed = words.map((word, wi) =>
						word.map((l, li) =>
							wi === w % words.length && li === i % word.length ? accented[a] : l
						)
					);
					const bare = canonical(listed.map((word) => word.map((l) => UNACCENTED.get(l) ?? l)));
					expect(gradeAnswer(textQuestion([canonical(listed)], 'ignore-accents'), bare)).toBe(1);
					expect(gradeAnswer(textQuestion([canonical(listed)]), bare)).toBe(0);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('strict: accepts the listed text with surrounding white space only, nothing else', () => {
		fc.assert(
			fc.property(
				answerLetters.chain((words) =>
					fc.record({ listed: fc.constant(canonical(words)), typed: spelling(words) })
				),
				pick(['', ' ', '\t', '\u3000 ']),
				({ listed, typed }, space) => {
					const q = textQuestion([listed], 'strict');
					expect(gradeAnswer(q, space + listed + space)).toBe(1);
					expect(gradeAnswer(q, listed.normalize('NFD'))).toBe(1);
					const exact = typed.normalize('NFC').trim() === listed;
					expect(gradeAnswer(q, typed), typed).toBe(exact ? 1 : 0);
				}
			),
			{ numRuns: 500 }
		);
	});
});
