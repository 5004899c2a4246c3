/**
 * The one place zod is imported from. Our Content-Security-Policy forbids `eval`, and zod 4
 * compiles validators with `new Function` unless `jitless` is set, so it is set here, before any
 * schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
