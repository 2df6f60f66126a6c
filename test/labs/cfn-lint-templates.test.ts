import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every CloudFormation template the course ships (reference solutions, the Lab 3 application, the
 * grader role) passes cfn-lint with no error, warning or informational finding. A template opts out of
 * a rule only in its own Metadata, with a comment that says why. The templates are found by content,
 * not listed, so a new lab's template cannot be forgotten.
 */
const root = new URL('../../', import.meta.url).pathname;

function templatesUnder(folder: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(folder)) {
		if (entry === 'node_modules') continue;
		const path = join(folder, entry);
		if (statSync(path).isDirectory()) found.push(...templatesUnder(path));
		else if (/\.(ya?ml|json)$/.test(entry) && readFileSync(path, 'utf8').includes('AWSTemplateFormatVersion'))
			found.push(path);
	}
	return found.sort();
}

function cfnLintVersion(): string {
	const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
	if (probe.error || probe.status !== 0)
		throw new Error('cfn-lint is not installed: run `pip install cfn-lint` (.ci/run installs it when absent)');
	return probe.stdout.trim();
}

describe('CloudFormation templates', () => {
	const templates = templatesUnder(join(root, 'labs'));

	it('are found: the grader role, each lab solution and the Lab 3 application', () => {
		const names = templates.map((path) => relative(root, path));
		expect(names).toEqual(
			expect.arrayContaining([
				'labs/grader-role/template.yaml',
				'labs/lab1/solution/template.yaml',
				'labs/lab2/solution/template.yaml',
				'labs/lab3/app/template.yaml',
			]),
		);
	});

	it(`pass ${cfnLintVersion()} with no finding`, () => {
		let output = '';
		try {
			output = execFileSync('cfn-lint', ['--format', 'parseable', '--', ...templates], { encoding: 'utf8' });
		} catch (error) {
			output = String((error as { stdout?: string }).stdout ?? error);
		}
		expect(
			output
				.trim()
				.split('\n')
				.filter(Boolean)
				.map((line) => relative(root, line)),
		).toEqual([]);
	}, 60_000);
});
