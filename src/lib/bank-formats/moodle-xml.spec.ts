import { describe, expect, it } from 'vitest';
import { readMoodleXml } from './moodle-xml.ts';
import { readBank } from './cli.ts';
import { bankFixture } from './testing.ts';

const bank = readBank('moodle-docs.xml', bankFixture('moodle-docs.xml'));
const byTitle = (title: string) => bank.items.find((i) => i.title === title)!;

describe('Moodle XML import of the documented examples', () => {
	it('maps every Coursekit type, with the line of each question', () => {
		expect(bank.items.map((i) => [i.line, i.title, i.question.type])).toEqual([
			[7, 'Sides of a square', 'single'],
			[18, 'Even numbers', 'multiple'],
			[27, 'Primes', 'multiple'],
			[35, 'Circle', 'truefalse'],
			[44, 'Colour of the sky', 'text'],
			[51, 'Capitals', 'match'],
			[58, 'Animals', 'classify'],
			[65, 'Counting', 'order'],
			[73, 'Fill the gaps', 'match'],
			[80, 'One gap', 'single'],
			[111, 'Hostile', 'single']
		]);
	});

	it('lists numerical, essay, description, cloze and image questions with line and reason', () => {
		expect(bank.skipped.map((s) => [s.line, s.message.split(' ').slice(0, 3).join(' ')])).toEqual([
			[86, 'a numerical question'],
			[91, 'an essay question'],
			[95, 'a description (text'],
			[99, 'a cloze (embedded'],
			[103, 'it shows an']
		]);
	});

	it('turns HTML into markdown and general feedback into the explanation', () => {
		expect(byTitle('Sides of a square').question).toMatchObject({
			prompt: 'How many **sides** has a square?',
			explanation: 'A square has four equal sides.',
			options: [
				{ text: '4', correct: true, feedback: 'Right.' },
				{ feedback: 'That is a triangle.' },
				{ text: '5' }
			]
		});
		expect(byTitle('Circle').question).toMatchObject({
			prompt: 'A circle has no corners & no sides.',
			answer: true
		});
	});

	it('agrees with weights of 1/k and says so per question where Moodle scores otherwise', () => {
		expect(byTitle('Even numbers').notes).toEqual([]);
		expect(byTitle('Primes').notes).toEqual([
			expect.stringContaining('"2" 70%, "3" 30%'),
			expect.stringContaining('costs 0% ("4")')
		]);
		expect(byTitle('Sides of a square').notes).toEqual([
			expect.stringContaining('"5" took off 25%')
		]);
	});

	it('keeps distractors, finds categories and orders items by their fraction', () => {
		expect(byTitle('Capitals').question).toMatchObject({ distractors: ['Madrid'] });
		expect(byTitle('Animals').question).toMatchObject({ categories: ['Mammal', 'Bird'] });
		expect(byTitle('Counting').question).toMatchObject({ items: ['one', 'two', 'three'] });
		expect(byTitle('Fill the gaps').question).toMatchObject({
			pairs: [
				{ left: '(1)', right: 'cat' },
				{ left: '(2)', right: 'mat' }
			],
			distractors: ['dog']
		});
	});

	it('drops scripts, event handlers and javascript: links, keeping web links as markdown', () => {
		const q = byTitle('Hostile');
		expect(q.question.prompt).toBe('Click here or [there](https://moodle.org)?');
		expect(q.question).toMatchObject({
			options: [{ text: 'Safe' }, { text: '**Bold** \\<script\\>' }]
		});
		expect(q.notes).toEqual([expect.stringContaining('javascript:alert(2)')]);
	});

	it('refuses broken XML and DOCTYPEs with the line, and a root that is not <quiz>', () => {
		expect(() => readMoodleXml('b.xml', '<quiz>\n<question type="truefalse">\n</quiz>')).toThrow(
			/b\.xml:\d+: not well-formed XML/
		);
		const bomb = '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz>&a;</quiz>';
		expect(() => readMoodleXml('bomb.xml', bomb)).toThrow(/bomb\.xml:2: a DOCTYPE/);
		expect(() => readMoodleXml('x.xml', '<html></html>')).toThrow(/root element must be <quiz>/);
	});
});
