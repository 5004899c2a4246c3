import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { compile } from 'svelte/compiler';
import type { Component } from 'svelte';
import { render as renderToHtml } from 'svelte/server';
import { island } from './island';

// What every compiled component imports, and so does the one this spec compiles (as the REPL
// does). Svelte forbids naming its internals in an `import` statement of a `.svelte.ts` module:
// they come in by `import()`, as the very modules the app's components share.
/* eslint-disable svelte/no-svelte-internal */
// @ts-expect-error Svelte declares no types for its internals.
const clientRuntime: object = await import('svelte/internal/client');
// @ts-expect-error Svelte declares no types for its internals.
const serverRuntime: object = await import('svelte/internal/server');
/* eslint-enable svelte/no-svelte-internal */

/** An island to hydrate: a choice, a text field and a button, each showing in `output`. */
const SOURCE = `<script>
	let { label } = $props();
	let choice = $state('');
	let note = $state('');
	let presses = $state(0);
</script>

<fieldset>
	<legend>{label}</legend>
	<label><input type="radio" name="pick" value="a" checked={choice === 'a'} onchange={() => (choice = 'a')} /> A</label>
	<label><input type="radio" name="pick" value="b" checked={choice === 'b'} onchange={() => (choice = 'b')} /> B</label>
	<label>Note <input value={note} oninput={(e) => (note = e.currentTarget.value)} /></label>
	<button type="button" onclick={() => presses++}>Press</button>
	<output>{choice || 'none'}, {note || 'no note'}, {presses}</output>
</fieldset>`;

/** `SOURCE` compiled as the build compiles a component: for the browser, and for the server. */
function compiled(generate: 'client' | 'server', runtime: object): Component<{ label: string }> {
	const { js } = compile(SOURCE, {
		generate,
		runes: true,
		discloseVersion: false,
		filename: 'Island.svelte'
	});
	const body = js.code
		.replace(/^import \* as \$ from 'svelte\/internal\/(client|server)';$/m, '')
		.replace('export default function Island', 'function Island');
	return new Function('$', `${body}\nreturn Island;`)(runtime);
}

const Island = compiled('client', clientRuntime);
const props = { label: 'Pick one' };
let cleanups: (() => void)[] = [];

/** The island's build-time HTML on the page, its code held back until `arrive()`. */
function setUp(options: Parameters<typeof island>[2] = {}) {
	const target = document.createElement('div');
	target.innerHTML = renderToHtml(compiled('server', serverRuntime), { props }).body;
	document.body.append(target);
	let arrive!: () => void;
	let fail!: () => void;
	const code = vi.fn(
		() =>
			new Promise<{ default: typeof Island }>((resolve, reject) => {
				arrive = () => resolve({ default: Island });
				fail = () => reject(new Error('offline'));
			})
	);
	const stop = island(code, props, options)(target) as () => void;
	cleanups.push(() => {
		stop();
		target.remove();
	});
	const output = () => target.querySelector('output')!.textContent;
	return { target, code, output, arrive: () => arrive(), fail: () => fail(), stop };
}

/** Lets the code's promise settle and the island hydrate. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

describe('island', () => {
	it('loads nothing until someone reaches for it', async () => {
		const { code } = setUp();
		await settle();
		expect(code).not.toHaveBeenCalled();
	});

	it('hydrates the same DOM on first focus, and the focused control keeps focus', async () => {
		const { target, code, output, arrive } = setUp();
		const radio = target.querySelector<HTMLInputElement>('input[value="a"]')!;
		radio.focus();
		expect(code).toHaveBeenCalledOnce();
		arrive();
		await settle();
		expect(document.activeElement).toBe(radio);
		expect(target.querySelector('input[value="a"]')).toBe(radio);
		await userEvent.keyboard(' ');
		await expect.element(page.getByRole('radio', { name: 'A' })).toBeChecked();
		await expect.poll(output).toBe('a, no note, 0');
	});

	it('keeps what was chosen and typed before the code arrived', async () => {
		const { output, arrive } = setUp();
		await page.getByRole('radio', { name: 'B' }).click();
		await page.getByRole('textbox', { name: 'Note' }).fill('tensors');
		arrive();
		await settle();
		await expect.element(page.getByRole('radio', { name: 'B' })).toBeChecked();
		await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveValue('tensors');
		await expect.poll(output).toBe('b, tensors, 0');
	});

	it('presses again a button pressed before the code arrived', async () => {
		const { output, arrive } = setUp();
		await page.getByRole('button', { name: 'Press' }).click();
		arrive();
		await settle();
		await expect.poll(output).toBe('none, no note, 1');
	});

	it('tries again on the next reach when the code could not load', async () => {
		const { target, code, output, arrive, fail } = setUp();
		target.querySelector('button')!.focus();
		fail();
		await settle();
		target.querySelector('button')!.blur();
		target.querySelector('button')!.focus();
		expect(code).toHaveBeenCalledTimes(2);
		arrive();
		await settle();
		await page.getByRole('button', { name: 'Press' }).click();
		await expect.poll(output).toBe('none, no note, 1');
	});

	it('loads once on screen when asked to', async () => {
		const { code } = setUp({ whenVisible: true });
		await vi.waitFor(() => expect(code).toHaveBeenCalledOnce());
	});

	it('loads at once when told that what it shows is at hand', async () => {
		const { code } = setUp({ now: () => true });
		expect(code).toHaveBeenCalledOnce();
	});

	it('is hydrated at once when focus was already inside it', async () => {
		const target = document.createElement('div');
		target.innerHTML = renderToHtml(compiled('server', serverRuntime), { props }).body;
		document.body.append(target);
		target.querySelector('button')!.focus();
		const code = vi.fn(async () => ({ default: Island }));
		const stop = island(code, props)(target) as () => void;
		cleanups.push(() => (stop(), target.remove()));
		expect(code).toHaveBeenCalledOnce();
	});

	it('stops the component when the page drops the island', async () => {
		const { target, output, arrive, stop } = setUp();
		target.querySelector('button')!.focus();
		arrive();
		await settle();
		await page.getByRole('button', { name: 'Press' }).click();
		await expect.poll(output).toBe('none, no note, 1');
		stop();
		expect(document.querySelector('output')).toBeNull();
	});
});
