// Every page is prerendered at build time; the site is static and readable without JavaScript.
// (A server file, so that the option costs the browser nothing; trailing slashes are left at
// SvelteKit's default, 'never'.)
export const prerender = true;
