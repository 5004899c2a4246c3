/**
 * zod/mini for code that ships to the browser: the same validation at a fraction of the size of
 * classic zod, which keeps student pages within budget. Like `$lib/zod`, it runs `jitless`
 * because our Content-Security-Policy forbids `eval`. Import it as a namespace
 * (`import * as z from '$lib/zod-mini'`) so that bundlers keep only what is used.
 */
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
