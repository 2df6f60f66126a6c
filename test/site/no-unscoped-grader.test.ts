import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `sre-lab` is not a package on the npm registry, and whoever registers the name would run code with learners'
 * administrator credentials. Pages use the grader the site publishes (GraderCommand); docs name the scoped package.
 */
describe('no page or README relies on the unscoped package name', () => {
	it('no page source says `npx sre-lab`', () => {
		const root = 'src';
		const sources = (readdirSync(root, { recursive: true }) as string[]).filter((path) =>
			/\.(mdx?|astro|ts)$/.test(path),
		);
		expect(sources.length).toBeGreaterThan(30);
		const offending = sources.filter((path) => readFileSync(join(root, path), 'utf8').includes('npx sre-lab'));
		expect(offending).toEqual([]);
	});

	it('the README never runs the grader as `npx sre-lab` or installs `sre-lab` by its bare name', () => {
		const readme = readFileSync('README.md', 'utf8');
		expect(readme).not.toMatch(/npx (--yes )?sre-lab\b/);
		expect(readme).not.toMatch(/npm (install|i) (-g |--global )?sre-lab\b/);
	});
});
