import { readFileSync } from 'node:fs';

/**
 * The grader's version, from package.json. The learner's single-file grader has no package.json beside it,
 * so its build (scripts/build-learner-grader.ts) replaces this module with the version as a constant.
 */
export const packageVersion: string = (
	JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
