import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGradeCommand, type GradeDependencies } from '../../../../graders/cli/commands/grade.ts';
import { registerImportProgress } from '../../../../graders/cli/commands/import-progress.ts';
import { runCli } from '../../../../graders/cli/run-cli.ts';
import { parseRoster, parseRosterLearners } from '../../../../graders/cohort/roster.ts';
import { maxRosterFileBytes, maxRosterLearners } from '../../../../graders/cohort/roster-limits.ts';
import { scratchDirectory } from '../../support/cli-context.ts';

let scratch: ReturnType<typeof scratchDirectory>;
beforeEach(() => {
	scratch = scratchDirectory();
});
afterEach(() => scratch.remove());

const header = 'learner_id,name,email,account_id';
const rows = (count: number) =>
	Array.from({ length: count }, (_, i) => `l${i},Learner ${i},l${i}@example.org,${100000000000 + i}`);

/** Runs a command as the CLI does, with a grader that records whether it was ever asked for. */
async function cli(args: string[]) {
	let graderCreated = false;
	const dependencies: GradeDependencies = {
		createGrader: async () => {
			graderCreated = true;
			throw new Error('not reached');
		},
		onInterrupt: () => () => {},
		progressStream: () => ({ write: () => true }),
	};
	let stderr = '';
	const code = await runCli(
		{ description: 'test', commands: [createGradeCommand(dependencies), registerImportProgress] },
		args,
		{
			stdout: () => {},
			stderr: (text) => {
				stderr += text;
			},
			isTTY: false,
			env: {},
		},
	);
	return { code, stderr, graderCreated };
}

const gradeArgs = (roster: string) => [
	'grade',
	'lab1',
	'--roster',
	roster,
	'--gradebook',
	scratch.path('gradebook.sqlite'),
	'--external-id',
	'spring-2026',
	'--region',
	'eu-west-1',
];

describe('roster size limits', () => {
	it(`grade and import-progress refuse a roster file over ${maxRosterFileBytes / 1024 / 1024} MiB by its size (exit 64)`, async () => {
		// Valid rows all the way, so only the size can be the reason.
		const row = `${rows(1)[0]}\n`;
		const roster = scratch.file('huge.csv', `${header}\n${row.repeat(Math.ceil((6 * 1024 * 1024) / row.length))}`);

		const graded = await cli(gradeArgs(roster));
		expect(graded.code).toBe(64);
		expect(graded.stderr).toContain(`roster ${roster}: the file is 6 MiB, more than the 5 MiB this file can be`);
		expect(graded.graderCreated).toBe(false);
		expect(existsSync(scratch.path('gradebook.sqlite'))).toBe(false);

		const imported = await cli([
			'import-progress',
			'--roster',
			roster,
			'--gradebook',
			scratch.path('gradebook.sqlite'),
		]);
		expect(imported.code).toBe(64);
		expect(imported.stderr).toContain(`roster ${roster}: the file is 6 MiB, more than the 5 MiB this file can be`);
		expect(existsSync(scratch.path('gradebook.sqlite'))).toBe(false);
	});

	it.skipIf(!existsSync('/dev/zero'))(
		'reads no more than the limit from a file that reports no size (a device, a pipe)',
		async () => {
			// /dev/zero never ends: reading it whole would never finish.
			const graded = await cli(gradeArgs('/dev/zero'));
			expect(graded.code).toBe(64);
			expect(graded.stderr).toContain('roster /dev/zero: the file is more than the 5 MiB this file can be');
		},
	);

	it(`accepts ${maxRosterLearners.toLocaleString('en')} learners and refuses one more, naming its line (exit 64)`, async () => {
		const atLimit = `${header}\n${rows(maxRosterLearners).join('\n')}\n`;
		expect(Buffer.byteLength(atLimit)).toBeLessThan(maxRosterFileBytes);
		const parsed = parseRoster(atLimit, { roleName: 'SreLabGrader', region: 'eu-west-1', externalId: 'spring-2026' });
		expect(parsed.problems).toEqual([]);
		expect(parsed.entries).toHaveLength(maxRosterLearners);

		const overLimit = `${header}\n${rows(maxRosterLearners + 1).join('\n')}\n`;
		const problem = {
			line: maxRosterLearners + 2,
			reason:
				'learner 10,001: a roster holds at most 10,000 learners; split the cohort into several rosters (each one is its own cohort)',
		};
		expect(parseRosterLearners(overLimit)).toEqual({ entries: [], problems: [problem] });

		const roster = scratch.file('too-many.csv', overLimit);
		for (const args of [
			gradeArgs(roster),
			[...gradeArgs(roster), '--skip-invalid'],
			['import-progress', '--roster', roster, '--gradebook', scratch.path('gradebook.sqlite')],
		]) {
			const result = await cli(args);
			expect(result.code, args.join(' ')).toBe(64);
			expect(result.stderr).toContain(`${roster}:10002: ${problem.reason}`);
			expect(result.graderCreated).toBe(false);
			// No row is left to grade, so --skip-invalid is no way out and is not offered.
			expect(result.stderr).not.toContain('--skip-invalid');
		}
		expect(existsSync(scratch.path('gradebook.sqlite'))).toBe(false);
	});

	it('a roster just under the size limit is read', async () => {
		const roster = scratch.path('padded.csv');
		// One learner, then blank lines up to the limit: the size alone does not refuse it.
		const content = `${header}\n${rows(1)[0]}\n`;
		writeFileSync(roster, content + '\n'.repeat(maxRosterFileBytes - Buffer.byteLength(content)));
		const result = await cli(gradeArgs(roster));
		// Read and accepted: it went on to ask for the grader.
		expect(result.graderCreated).toBe(true);
	});
});
