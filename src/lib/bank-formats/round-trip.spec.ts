import { describe, expect, it } from 'vitest';
import { loadCourses } from '../content/load.ts';
import { Question, QUESTION_TYPES } from '../content/schema.ts';
import { exportGift } from './gift-export.ts';
import { exportMoodleXml } from './moodle-xml-export.ts';
import { readGift } from './gift.ts';
import { readMoodleXml } from './moodle-xml.ts';
import { importBank } from './to-quiz.ts';
import type { ParsedBank } from './model.ts';
import { contentOf } from './testing.ts';

const content = contentOf();
const course = loadCourses(content).courses.find((c) => c.id === 'ai-frameworks')!;
const quizzes = [...course.quizzes.values()];
const shipped = quizzes.flatMap((q) => q.questions);

const formats = {
	gift: { write: exportGift, read: readGift },
	'moodle-xml': { write: exportMoodleXml, read: readMoodleXml }
} as const;

/** Exports the shipped bank, imports it back as a new quiz of the course, and loads that. */
function roundTrip(format: keyof typeof formats, strip = false) {
	const { text } = formats[format].write({ course, quizzes });
	const source = strip ? text.replace(/^\s*(\/\/|<!--) coursekit:.*$/gm, '') : text;
	const bank: ParsedBank = formats[format].read(`bank.${format}`, source);
	return { bank, text };
}

describe.each(Object.keys(formats) as (keyof typeof formats)[])(
	'%s round trip of the shipped bank',
	(format) => {
		const { bank } = roundTrip(format);

		it('brings every question back equal, of every type', () => {
			expect(bank.skipped).toEqual([]);
			const back = bank.items.map((item) =>
				Question.parse({
					...item.question,
					id: item.meta!.id,
					topic: item.meta!.topic,
					source: item.meta!.source,
					...(item.meta!.difficulty && { difficulty: item.meta!.difficulty }),
					...(item.meta!.tags && { tags: item.meta!.tags })
				})
			);
			expect(back).toEqual(shipped);
			const types = new Set(back.map((q) => q.type));
			expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
		});

		it('imports into the course as a quiz that loads, with nothing left to fill in', () => {
			const { writes, report } = importBank(content, bank, {
				courseId: 'ai-frameworks',
				quizId: 'round-trip'
			});
			expect(report).toMatchObject({
				imported: shipped.length,
				skipped: [],
				todo: [],
				newTopics: []
			});
			const { courses, errors } = loadCourses({ ...content, ...writes });
			expect(errors).toEqual([]);
			const quiz = courses[0].quizzes.get('round-trip')!;
			// Ids are unique in a course, so each comes back with a suffix; all else is equal.
			expect(quiz.questions.map((q) => ({ ...q, id: q.id.replace(/-2$/, '') }))).toEqual(shipped);
		});

		it('without the coursekit comments still carries prompts, answers, feedback and explanations', () => {
			const { bank: bare } = roundTrip(format, true);
			expect(bare.items).toHaveLength(shipped.length);
			bare.items.forEach((item, i) => {
				const original = shipped[i];
				expect(item.question.prompt).toBe(original.prompt);
				expect(item.question.explanation).toBe(original.explanation);
				const expectedType =
					format === 'gift' && original.type === 'order' ? 'match' : original.type;
				expect(item.question.type).toBe(expectedType);
				if ('options' in original && 'options' in item.question) {
					expect(
						item.question.options.map(({ text, correct, feedback }) => ({
							text,
							correct,
							feedback
						}))
					).toEqual(
						original.options.map(({ text, correct, feedback }) => ({ text, correct, feedback }))
					);
				}
			});
		});
	}
);

it('counts the shipped questions per type, for the round trips above', () => {
	const count = Object.fromEntries(
		QUESTION_TYPES.map((t) => [t, shipped.filter((q) => q.type === t).length])
	);
	expect(count).toEqual({
		single: 43,
		multiple: 7,
		truefalse: 12,
		match: 4,
		order: 1,
		text: 11,
		classify: 9
	});
});
