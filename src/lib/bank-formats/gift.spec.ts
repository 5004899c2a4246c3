import { describe, expect, it } from 'vitest';
import { readGift } from './gift.ts';
import { readBank } from './cli.ts';
import { BankError } from './limits.ts';
import { bankFixture } from './testing.ts';

const bank = readBank('moodle-docs.gift', bankFixture('moodle-docs.gift'));
const byTitle = (title: string) => bank.items.find((i) => i.title === title)!;

describe('GIFT import of the documented examples', () => {
	it('imports each mappable question with the line it starts on', () => {
		expect(bank.items.map((i) => [i.line, i.question.type])).toEqual([
			[7, 'single'],
			[11, 'single'],
			[19, 'single'],
			[29, 'multiple'],
			[37, 'multiple'],
			[43, 'truefalse'],
			[46, 'text'],
			[48, 'match'],
			[55, 'single']
		]);
	});

	it('lists numerical, essay, description and image questions with their line and reason', () => {
		expect(bank.skipped).toEqual([
			{ line: 58, message: expect.stringMatching(/^a numerical question/) },
			{ line: 60, message: expect.stringMatching(/^an essay question/) },
			{ line: 62, message: expect.stringMatching(/^a description/) },
			{ line: 64, message: expect.stringMatching(/image/) }
		]);
	});

	it('keeps escaped characters, joins multi-line text and reads general feedback', () => {
		const q = byTitle('Escapes').question;
		expect(q.prompt).toBe(
			'Which of these is written {in braces} and uses a colon: the symbols ~ = and # are escaped?'
		);
		expect(q).toMatchObject({
			options: [
				{
					text: 'The answer with a = sign',
					correct: true,
					feedback: 'Yes: escaped characters are kept'
				},
				{ text: 'The answer with a ~ tilde' }
			],
			explanation: 'General feedback: read the documentation.'
		});
	});

	it('turns categories into the category of each following question', () => {
		expect(byTitle('Q1 Colour').category).toBe('$course$/top/Geography');
		expect(byTitle("Grant's tomb").category).toBe('$course$/top/History');
	});

	it('says where partial credit is scored differently, and not where it agrees', () => {
		expect(byTitle("Jesus' hometown").notes).toEqual([
			expect.stringContaining('"Bethlehem" gave 25%'),
			expect.stringContaining('"Galilee" gave 50%')
		]);
		// -100% for a wrong pick of two right answers takes off more than Coursekit's 1/2.
		expect(byTitle("Grant's tomb").notes).toEqual([expect.stringContaining('costs 100%')]);
		expect(byTitle('Oceans').notes).toEqual([
			expect.stringContaining('costs 0% ("Mediterranean")')
		]);
		expect(byTitle('Oceans').question).toMatchObject({
			type: 'multiple',
			options: [{ correct: true }, { correct: true }, { text: 'Mediterranean' }]
		});
	});

	it('reads missing-word questions with a blank in the prompt', () => {
		expect(byTitle('Missing word').question).toMatchObject({
			type: 'single',
			prompt: 'Moodle costs \\_\\_\\_\\_\\_ to download from moodle.org.'
		});
	});

	it('refuses a file that is not GIFT, naming the line', () => {
		expect(() => readGift('bad.gift', '::a::Fine {=yes ~no}\n\n::b::Broken {=yes ~no')).toThrow(
			/bad\.gift:3: not valid GIFT/
		);
		expect(() => readGift('quiz.gift', '<?xml version="1.0"?><quiz/>')).toThrow(BankError);
	});
});
