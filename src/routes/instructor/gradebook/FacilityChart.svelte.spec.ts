import axe from 'axe-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import '../../../app.css';
import FacilityChart from './FacilityChart.svelte';

/** A 390 px wide box, as on a phone, that the chart is rendered into. */
function phone(): HTMLElement {
	const box = document.createElement('div');
	box.style.width = '390px';
	document.body.append(box);
	onTestFinished(() => box.remove());
	return box;
}

const long =
	'Which of these frameworks builds a static computation graph before running it, and why does that matter when you deploy a model to a phone?';

const items = [
	{
		id: 'graph-type',
		label: 'Which framework runs eagerly by default?',
		facility: 0.25,
		answered: 12
	},
	{ id: 'keras-api', label: long, facility: 0.5, answered: 10 },
	{ id: 'serving', label: 'What serves TensorFlow models?', facility: 0.95, answered: 11 },
	{ id: 'tpu', label: 'Which hardware did Google design?', facility: 0.3, answered: 9 }
];
const props = { items, title: 'Quiz 1: Graph types' };

const values = (container: HTMLElement) =>
	[...container.querySelectorAll('svg text.value')].map((t) => t.textContent?.replace(/\s+/g, ' '));

describe('FacilityChart', () => {
	it('writes each facility at the end of its bar, in the order given', async () => {
		const { container } = await render(FacilityChart, props);
		expect(values(container)).toEqual(['25% hard', '50%', '95% easy', '30%']);
		const bars = [...container.querySelectorAll('svg rect.bar')].map((b) =>
			b.getBoundingClientRect()
		);
		const texts = [...container.querySelectorAll('svg text.value')].map((t) =>
			t.getBoundingClientRect()
		);
		bars.forEach((bar, i) => {
			expect(texts[i].left - bar.right).toBeGreaterThan(0);
			expect(texts[i].left - bar.right).toBeLessThan(10);
		});
		// Lengths in proportion to facility: 25%, 50%, 95%, 30%.
		expect(bars[1].width / bars[0].width).toBeCloseTo(2, 1);
		expect(bars[2].width / bars[1].width).toBeCloseTo(1.9, 1);
	});

	it('marks a question below 30% hard and one above 90% easy with a word and a pattern', async () => {
		const { container } = await render(FacilityChart, props);
		const markers = [...container.querySelectorAll('svg tspan.marker')];
		expect(markers.map((m) => m.textContent?.trim())).toEqual(['hard', 'easy']);

		const fills = [...container.querySelectorAll('svg rect.bar')].map(
			(bar) => getComputedStyle(bar).fill
		);
		const patternOf = (fill: string) => {
			const id = /url\("#(.+)"\)/.exec(fill)?.[1];
			return id ? document.getElementById(id) : null;
		};
		// Hard is striped, easy dotted; the others are plain, and 30% is not hard.
		expect(patternOf(fills[0])?.querySelector('rect + rect')).not.toBeNull();
		expect(patternOf(fills[2])?.querySelector('circle')).not.toBeNull();
		expect(patternOf(fills[1])).toBeNull();
		expect(patternOf(fills[3])).toBeNull();
		await expect
			.element(page.getByText(/striped bar/))
			.toHaveTextContent('hard: below 30%, striped bar; easy: above 90%, dotted bar.');
	});

	it('shortens a long question with an ellipsis but keeps its full text', async () => {
		const { container } = await render(FacilityChart, props);
		const label = [...container.querySelectorAll('svg text.label')][1];
		const shown = [...label.childNodes]
			.filter((node) => node.nodeType === Node.TEXT_NODE)
			.map((node) => node.textContent)
			.join('');
		expect(shown.endsWith('…')).toBe(true);
		expect(long.startsWith(shown.slice(0, -1))).toBe(true);
		expect(shown.length).toBeLessThan(long.length);
		expect(label.querySelector('title')!.textContent).toBe(long);
		await expect.element(page.getByRole('rowheader', { name: long })).toBeVisible();
	});

	it('gives every figure in a table, which is what a screen reader reads', async () => {
		const { container } = await render(FacilityChart, props);
		const table = page.getByRole('table', { name: 'Quiz 1: Graph types: facility per question' });
		const rows = [...table.element().querySelectorAll('tr')].map((row) =>
			[...row.children].map((cell) => cell.textContent)
		);
		expect(rows).toEqual([
			['Question', 'Facility', 'Answers'],
			['Which framework runs eagerly by default?', '25%, hard', '12'],
			[long, '50%', '10'],
			['What serves TensorFlow models?', '95%, easy', '11'],
			['Which hardware did Google design?', '30%', '9']
		]);
		await expect
			.element(page.getByRole('figure', { name: /Quiz 1: Graph types/ }))
			.toHaveTextContent('4 questions: 1 hard, 1 easy.');
		expect(container.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
	});

	it('shows question text from imported data as text, never as markup', async () => {
		const label = '<img src=x onerror="alert(1)"> Is **this** bold?';
		const { container } = await render(FacilityChart, {
			...props,
			items: [{ id: 'q', label, facility: 0.6, answered: 3 }]
		});
		await expect.element(page.getByRole('rowheader', { name: label })).toBeVisible();
		expect(container.querySelector('img, b, strong:not(figcaption strong, .legend strong)')).toBe(
			null
		);
	});

	it('says a question nobody answered has no answers, not 0% or hard', async () => {
		const { container } = await render(FacilityChart, {
			...props,
			items: [{ id: 'q', label: 'Unanswered?', facility: 0, answered: 0 }]
		});
		expect(values(container)).toEqual(['no answers']);
		expect(container.querySelector('svg rect.bar')).toBeNull();
		const cells = [...container.querySelectorAll('tbody td')].map((td) => td.textContent);
		expect(cells).toEqual(['–', '0']);
	});

	it('says "No answers yet" instead of drawing an empty chart', async () => {
		const { container } = await render(FacilityChart, { ...props, items: [] });
		await expect.element(page.getByText('No answers yet')).toBeVisible();
		expect(container.querySelector('svg')).toBeNull();
		expect(container.querySelector('table')).toBeNull();
	});

	it('fits a 390 px wide phone with its text legible and inside the chart', async () => {
		const box = phone();
		await render(FacilityChart, { target: box, props });
		const svg = box.querySelector('svg')!.getBoundingClientRect();
		expect(svg.width).toBeLessThanOrEqual(390);
		expect(svg.width).toBeGreaterThan(300);
		expect(box.scrollWidth).toBeLessThanOrEqual(390);
		for (const text of box.querySelectorAll('svg text')) {
			const rect = text.getBoundingClientRect();
			expect(rect.right).toBeLessThanOrEqual(svg.right);
			expect(rect.height).toBeGreaterThanOrEqual(10);
		}
	});

	it('has no accessibility violations that axe finds', async () => {
		const { container } = await render(FacilityChart, props);
		const { violations } = await axe.run(container);
		expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});
