// Every page is prerendered at build time; the site is static and readable without JavaScript.
export const prerender = true;
export const trailingSlash = 'never';
