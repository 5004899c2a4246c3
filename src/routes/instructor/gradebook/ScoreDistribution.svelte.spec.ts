import axe from 'axe-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import '../../../app.css';
import ScoreDistribution from './ScoreDistribution.svelte';

/** A 390 px wide box, as on a phone, that the chart is rendered into. */
function phone(): HTMLElement {
	const box = document.createElement('div');
	box.style.width = '390px';
	document.body.append(box);
	onTestFinished(() => box.remove());
	return box;
}

// Two learners in 0–9%, one in 30–39%, three in 70–79% (one exactly 70%), two in 90–100%.
const scores = [0, 0.05, 0.3, 0.7, 0.72, 0.79, 0.95, 1];
const props = { scores, passMark: 70, title: 'Quiz 1: Graph types' };

const texts = (container: HTMLElement, selector: string) =>
	[...container.querySelectorAll(selector)].map((el) => el.textContent);

describe('ScoreDistribution', () => {
	it('writes how many learners are in each band on its bar, the bars in proportion', async () => {
		const { container } = await render(ScoreDistribution, props);
		expect(texts(container, 'svg text.count')).toEqual([
			'2',
			'0',
			'0',
			'1',
			'0',
			'0',
			'0',
			'3',
			'0',
			'2'
		]);
		const heights = [...container.querySelectorAll('svg rect.bar')].map(
			(bar) => bar.getBoundingClientRect().height
		);
		expect(heights[7] / heights[0]).toBeCloseTo(3 / 2);
		expect(heights[1]).toBe(0);
	});

	it('labels the axes and marks the score axis every 10%', async () => {
		const { container } = await render(ScoreDistribution, props);
		const svg = container.querySelector('svg')!;
		expect(texts(container, 'svg text.tick')).toEqual([
			'0',
			'10',
			'20',
			'30',
			'40',
			'50',
			'60',
			'70',
			'80',
			'90',
			'100'
		]);
		expect(svg.textContent).toContain('Score (%)');
		expect(svg.textContent).toContain('Learners');
	});

	it('draws the pass mark as a labelled line at its place on the score axis', async () => {
		const { container } = await render(ScoreDistribution, { ...props, passMark: 65 });
		await expect.element(page.getByText('pass mark 65%')).toBeVisible();
		const line = container.querySelector('[data-testid="pass-line"]')!.getBoundingClientRect();
		const tick = (label: string) => {
			const el = [...container.querySelectorAll('svg text.tick')].find(
				(t) => t.textContent === label
			)!;
			const box = el.getBoundingClientRect();
			return box.left + box.width / 2;
		};
		// Halfway between the 60 and 70 ticks, from above the tallest bar down to the axis.
		expect(line.left + line.width / 2).toBeCloseTo((tick('60') + tick('70')) / 2, 0);
		const bars = [...container.querySelectorAll('svg rect.bar')].map((bar) =>
			bar.getBoundingClientRect()
		);
		expect(line.top).toBeLessThan(Math.min(...bars.map((bar) => bar.top)));
		expect(line.bottom).toBeCloseTo(bars[0].bottom, 0);
	});

	it('keeps the pass-mark label inside the chart when the mark is near 100%', async () => {
		const { container } = await render(ScoreDistribution, { ...props, passMark: 95 });
		const svg = container.querySelector('svg')!.getBoundingClientRect();
		const label = page.getByText('pass mark 95%').element().getBoundingClientRect();
		expect(label.right).toBeLessThanOrEqual(svg.right);
	});

	it('says how many learners reached the pass mark', async () => {
		await render(ScoreDistribution, props);
		await expect
			.element(page.getByRole('figure', { name: /Quiz 1: Graph types/ }))
			.toHaveTextContent('8 learners; 5 reached the pass mark of 70%.');
	});

	it('gives every figure in a table, which is what a screen reader reads', async () => {
		const { container } = await render(ScoreDistribution, props);
		const table = page.getByRole('table', { name: 'Quiz 1: Graph types: learners per score band' });
		await expect.element(table).toBeInTheDocument();
		const rows = [...table.element().querySelectorAll('tbody tr')].map((row) =>
			[...row.children].map((cell) => cell.textContent)
		);
		expect(rows).toEqual([
			['0–9%', '2'],
			['10–19%', '0'],
			['20–29%', '0'],
			['30–39%', '1'],
			['40–49%', '0'],
			['50–59%', '0'],
			['60–69%', '0'],
			['70–79%', '3'],
			['80–89%', '0'],
			['90–100%', '2']
		]);
		// The picture is hidden from assistive technology, so its figures are not read twice.
		expect(container.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
	});

	it('says "No scores yet" instead of drawing an empty chart', async () => {
		const { container } = await render(ScoreDistribution, { ...props, scores: [] });
		await expect.element(page.getByText('No scores yet')).toBeVisible();
		await expect.element(page.getByText('Quiz 1: Graph types')).toBeVisible();
		expect(container.querySelector('svg')).toBeNull();
		expect(container.querySelector('table')).toBeNull();
	});

	it('fits a 390 px wide phone with text still legible', async () => {
		const box = phone();
		await render(ScoreDistribution, { target: box, props });
		const svg = box.querySelector('svg')!.getBoundingClientRect();
		expect(svg.width).toBeLessThanOrEqual(390);
		expect(svg.width).toBeGreaterThan(300);
		expect(box.scrollWidth).toBeLessThanOrEqual(390);
		const tick = box.querySelector('svg text.tick')!.getBoundingClientRect();
		expect(tick.height).toBeGreaterThanOrEqual(10);
	});

	it('has no accessibility violations that axe finds', async () => {
		const { container } = await render(ScoreDistribution, props);
		const { violations } = await axe.run(container);
		expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});
