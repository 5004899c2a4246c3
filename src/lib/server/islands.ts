/**
 * Build-time HTML for the parts of a page that ship no code, or whose code loads on first use
 * (islands, `src/lib/ui/island.ts`). Runs at prerender only (`svelte/server`).
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';

/**
 * An island: a component's HTML, rendered at build time with the markers Svelte hydrates, and the
 * props its code hydrates that HTML with on first use.
 */
export interface Island<Props> {
	html: string;
	props: Props;
}

export function renderIsland<Props extends Record<string, unknown>>(
	component: Component<Props>,
	props: Props
): Island<Props> {
	return { html: render(component, { props }).body, props };
}

/**
 * The HTML of a part that never runs in the browser. Svelte's hydration markers (comments) are
 * left out: the page shows it with {@html}, whose own hydration ends at the first empty comment.
 */
export function staticHtml<Props extends Record<string, unknown>>(
	component: Component<Props>,
	props: Props
): string {
	return renderIsland(component, props).html.replace(/<!--[^]*?-->/g, '');
}
