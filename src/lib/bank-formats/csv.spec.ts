import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';
import { readBank } from './cli.ts';
import { bankFixture } from './testing.ts';

describe('CSV import', () => {
	it("reads Kahoot's spreadsheet below its title rows, numbering answers by column", () => {
		const bank = readBank('kahoot.csv', bankFixture('kahoot.csv'));
		expect(bank.items.map((i) => [i.line, i.question.type])).toEqual([
			[4, 'single'],
			[5, 'truefalse'],
			[6, 'multiple'],
			[7, 'single']
		]);
		// "Correct answer(s)" 3 is the third column even when the second is empty.
		expect(bank.items[3].question).toMatchObject({
			options: [{ text: 'Square' }, { text: 'Triangle', correct: true }, { text: 'Circle' }]
		});
		expect(bank.items[2].notes).toEqual([expect.stringContaining('Kahoot accepts any one')]);
		expect(bank.skipped).toEqual([{ line: 8, message: expect.stringContaining('it says "9"') }]);
		expect(bank.notes).toEqual([
			{ line: 3, message: expect.stringContaining('"Time limit" column is ignored') }
		]);
	});

	it('reads the Coursekit columns: Id, Type, Topic and Explanation', () => {
		const bank = readBank('coursekit-columns.csv', bankFixture('coursekit-columns.csv'));
		expect(bank.items.map((i) => [i.title, i.category, i.question.type])).toEqual([
			['red-hex', 'Colours', 'text'],
			['spectrum', 'Colours', 'order'],
			['corners', 'Shapes', 'single']
		]);
		expect(bank.items[1].question).toMatchObject({
			items: ['Red', 'Orange', 'Yellow'],
			explanation: 'The rainbow goes red to violet.'
		});
	});

	it('refuses a file without a Question column', () => {
		expect(() => readCsv('notes.csv', 'name,mark\nAda,3\n')).toThrow(
			/no header row with a "Question" column/
		);
	});
});
