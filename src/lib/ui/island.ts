/**
 * Islands: a part of a page that arrives as HTML rendered at build time (by `svelte/server`'s
 * `render`, so it carries Svelte's hydration markers) and whose code loads only when someone
 * reaches for it: the first focus, pointer (mouse, pen or touch) or key inside it, or, when asked,
 * once it is on screen. The code then hydrates the very same DOM, so the focused control keeps
 * its focus; what was ticked, chosen or typed in the meantime is handed to the component as if
 * done just after, and a button pressed in the meantime is pressed again.
 *
 * The island's CSS must be on the page from the first paint: import its component dynamically from
 * the page component itself, which SvelteKit reads as "used during SSR" and links the CSS of.
 */
import { flushSync, hydrate, unmount, untrack, type Component } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/** What someone does just before using a control: each one loads the island. */
const INTENT = ['focusin', 'pointerdown', 'pointerenter', 'keydown'];

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
// Svelte's own bound on props: a props interface has no index signature, so `unknown` refuses it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProps = Record<string, any>;

export interface IslandOptions {
	/** The context the component reads: `getAllContexts()` of the component that hosts it. */
	context?: Map<unknown, unknown>;
	/** Also load it once it is on screen: for an island that shows stored state. */
	whenVisible?: boolean;
	/** Load it at once if this holds when it is attached (what it shows is already at hand). */
	now?: () => boolean;
}

/**
 * An attachment for the element whose only content is the island's build-time HTML:
 * `<div {@attach island(() => import('./X.svelte'), props)}>{@html html}</div>`. Two rules:
 * the component has one root element (the host's own {@html} hydration would end at a top-level
 * empty comment of Svelte's), and the host is keyed by what it shows (`{#key}`): a rerun of the
 * attachment unmounts the island, so it is for a new element, not for new props.
 */
export function island<Props extends AnyProps>(
	load: () => Promise<{ default: Component<Props> }>,
	props: Props,
	{ context, whenVisible = false, now }: IslandOptions = {}
): Attachment<HTMLElement> {
	return (target) => {
		let instance: Record<string, unknown> | undefined;
		let stopped = false;
		let pressed: HTMLButtonElement[] = [];
		const press = (event: Event) => {
			const button = (event.target as Element).closest('button');
			if (button) pressed.push(button);
		};
		const visible =
			whenVisible && typeof IntersectionObserver !== 'undefined'
				? new IntersectionObserver((entries) => {
						if (entries.some((entry) => entry.isIntersecting)) start();
					})
				: undefined;
		const wait = () => {
			for (const type of INTENT) target.addEventListener(type, start);
			visible?.observe(target);
		};
		const stopWaiting = () => {
			for (const type of INTENT) target.removeEventListener(type, start);
			visible?.disconnect();
		};

		function start() {
			stopWaiting();
			target.addEventListener('click', press);
			load().then(
				({ default: component }) => {
					target.removeEventListener('click', press);
					if (stopped) return;
					const controls = [...target.querySelectorAll<Control>('input, select, textarea')];
					const left = controls.map((c) => ({
						c,
						value: c.value,
						checked: isTick(c) && c.checked
					}));
					instance = hydrate(component, { target, props, context });
					flushSync();
					for (const { c, value, checked } of left) replay(c, value, checked);
					flushSync();
					for (const button of pressed) if (button.isConnected && !button.disabled) button.click();
					pressed = [];
				},
				() => {
					// Offline, or a newer version replaced the code: the next reach for it tries again.
					target.removeEventListener('click', press);
					pressed = [];
					if (!stopped) wait();
				}
			);
		}

		// Someone may have reached it before the page's own code ran. (Read untracked: a rerun of
		// the attachment would unmount the island.)
		if (target.matches(':focus-within') || untrack(() => now?.())) start();
		else wait();
		return () => {
			stopped = true;
			stopWaiting();
			target.removeEventListener('click', press);
			if (instance) void unmount(instance);
		};
	};
}

const isTick = (control: Control): control is HTMLInputElement =>
	control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');

/** Gives a control back what the learner left in it, telling the component as the browser would. */
function replay(control: Control, value: string, checked: boolean) {
	if (isTick(control)) {
		// Nobody unticks a radio: a radio the component ticked stays as the component has it.
		if (control.checked === checked || (control.type === 'radio' && !checked)) return;
		control.checked = checked;
	} else {
		if (control.value === value) return;
		control.value = value;
	}
	control.dispatchEvent(new Event('input', { bubbles: true }));
	control.dispatchEvent(new Event('change', { bubbles: true }));
}
