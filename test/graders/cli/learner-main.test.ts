import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../graders/cli/io.ts';
import { learnerMain } from '../../../graders/cli/learner-main.ts';
import { fixturePath } from '../support/snapshot-edit.ts';

async function run(argv: string[]) {
	let stdout = '';
	let stderr = '';
	const io: Partial<CliIo> = {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		isTTY: false,
		env: {},
		createClients: () => {
			throw new Error('this run must not create AWS clients');
		},
	};
	const code = await learnerMain(argv, io);
	return { code, stdout, stderr };
}

describe("the learner's CLI (what the course site's single-file grader runs)", () => {
	it('offers the learner commands and says where the cohort commands are', async () => {
		const { code, stdout } = await run(['--help']);
		expect(code).toBe(0);
		const commands = [...stdout.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1]);
		expect(commands).toEqual(expect.arrayContaining(['check', 'labs', 'policy', 'doctor']));
		expect(commands).not.toEqual(expect.arrayContaining(['grade']));
		for (const cohortCommand of ['grade', 'regrade', 'report', 'import-progress']) {
			expect(commands).not.toContain(cohortCommand);
		}
		expect(stdout).toContain('run from a clone of the course');
	});

	it('answers a cohort command with a usage error (exit 64), not a crash', async () => {
		const { code, stderr } = await run(['grade', 'lab1', '--roster', 'cohort.csv']);
		expect(code).toBe(64);
		expect(stderr).toContain("unknown command 'grade'");
	});

	it('grades a saved snapshot like the full CLI: the failing Lab 1 fixture exits 1', async () => {
		const { code, stdout } = await run(['check', 'lab1', '--from-snapshot', fixturePath('failing')]);
		expect(code).toBe(1);
		expect(stdout).toMatch(/^✗ /m);
		expect(stdout).toContain('Score ');
	});

	it('reports the package version', async () => {
		const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
		const { code, stdout } = await run(['--version']);
		expect(code).toBe(0);
		expect(stdout.trim()).toBe(version);
	});
});
