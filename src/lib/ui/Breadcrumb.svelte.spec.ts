import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import Breadcrumb from './Breadcrumb.svelte';

describe('Breadcrumb', () => {
	it('lists the trail as links and marks the last one as the current page', async () => {
		render(Breadcrumb, {
			trail: [
				{ label: 'Courses', href: '/' },
				{ label: 'AI Frameworks', href: '/courses/ai-frameworks' },
				{ label: 'Overview', href: '/courses/ai-frameworks/lessons/overview' }
			]
		});
		const nav = page.getByRole('navigation', { name: 'Breadcrumb' });
		await expect.element(nav).toBeVisible();
		const links = nav.getByRole('link').all();
		expect(links.map((link) => link.element().textContent)).toEqual([
			'Courses',
			'AI Frameworks',
			'Overview'
		]);
		await expect
			.element(nav.getByRole('link', { name: 'Overview' }))
			.toHaveAttribute('aria-current', 'page');
		await expect
			.element(nav.getByRole('link', { name: 'Courses' }))
			.not.toHaveAttribute('aria-current');
	});
});
