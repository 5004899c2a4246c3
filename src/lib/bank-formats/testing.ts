/** Shared by the specs of this folder: fixture files and content trees in memory. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContentFiles } from '../content/read-dir.ts';

const root = join(import.meta.dirname, '../../..');

/** The bytes of `tests/fixtures/banks/<name>`. */
export const bankFixture = (name: string): Uint8Array =>
	readFileSync(join(root, 'tests/fixtures/banks', name));

/** The content files of a fixture course (`tiny-course`, `world-course`) or of the project. */
export const contentOf = (fixture?: string): Record<string, string> =>
	readContentFiles(fixture ? join(root, 'tests/fixtures', fixture) : root);
