/**
 * A page whose course frontmatter is wrong must fail the build and say which file and which field.
 * `astro sync` runs the same content validation as `astro build`, in a fraction of the time.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { childProcessEnv } from '../support/child-env.ts';

const fixture = resolve('test/fixtures/sites/bad-frontmatter');
const astroCli = resolve('node_modules/astro/bin/astro.mjs');

test('a module page with day: 4 fails the build naming the file and the field', async () => {
	const result = await promisify(execFile)(process.execPath, [astroCli, 'sync', '--root', fixture], {
		env: childProcessEnv({ NO_COLOR: '1', FORCE_COLOR: '0' }),
	}).then(
		() => ({ failed: false, output: '' }),
		(error: { stdout: string; stderr: string }) => ({ failed: true, output: `${error.stdout}\n${error.stderr}` }),
	);
	expect(result.failed).toBe(true);
	expect(result.output).toMatch(/InvalidContentEntryDataError/);
	expect(result.output).toMatch(/src\/content\/docs\/index\.mdx/);
	expect(result.output).toMatch(/day: Too big: expected number to be <=3/);
}, 120_000);
