import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runGrade } from '../../../../graders/cli/commands/grade.ts';
import type { GradeAccount } from '../../../../graders/cohort/account-outcome.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';
import { fakeLabResult, fakeSnapshot } from '../../support/cohort-fixtures.ts';

const learners = 12;
let scratch: ReturnType<typeof scratchDirectory> | undefined;
afterEach(() => scratch?.remove());

function gradings(path: string): { learner: string; n: number }[] {
	const db = openGradebook(path);
	try {
		return db
			.prepare(
				'SELECT l.learner_key AS learner, COUNT(*) AS n FROM account_gradings g JOIN learners l ON l.id = g.learner_id GROUP BY l.learner_key ORDER BY l.learner_key',
			)
			.all() as { learner: string; n: number }[];
	} finally {
		db.close();
	}
}

describe('grade, killed part-way', () => {
	it('keeps every finished account and grades each remaining one exactly once on --resume', async () => {
		scratch = scratchDirectory();
		const rows = Array.from(
			{ length: learners },
			(_, i) => `l${String(i).padStart(2, '0')},L ${i},l${i}@example.org,${100000000000 + i}`,
		);
		const roster = scratch.file('cohort.csv', ['learner_id,name,email,account_id', ...rows].join('\n'));
		const gradebook = scratch.path('gradebook.sqlite');

		const child = spawn(
			process.execPath,
			[new URL('../../support/grade-until-killed.ts', import.meta.url).pathname, roster, gradebook],
			{
				stdio: ['ignore', 'ignore', 'pipe'],
			},
		);
		let childErrors = '';
		child.stderr.on('data', (chunk) => {
			childErrors += String(chunk);
		});
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

		// Wait until a few accounts are stored, then kill the process without warning.
		const deadline = Date.now() + 15_000;
		let stored = 0;
		while (stored < 4 && Date.now() < deadline) {
			await sleep(15);
			try {
				stored = gradings(gradebook).length;
			} catch {
				// The child has not created the gradebook yet.
			}
		}
		child.kill('SIGKILL');
		await exited;
		expect(childErrors.replace(/.*ExperimentalWarning.*\n?|.*--trace-warnings.*\n?/g, '')).toBe('');

		const beforeResume = gradings(gradebook);
		expect(beforeResume.length).toBeGreaterThanOrEqual(4);
		expect(beforeResume.length).toBeLessThan(learners);
		expect(beforeResume.every((row) => row.n === 1)).toBe(true);

		const gradedOnResume: string[] = [];
		const grader: GradeAccount = async (target) => {
			gradedOnResume.push(target.learnerId);
			return { snapshot: fakeSnapshot(target.accountId), results: [fakeLabResult('lab1', target.accountId, ['pass'])] };
		};
		const cli = fakeCliContext();
		await runGrade(
			'lab1',
			{
				roster,
				gradebook,
				roleName: 'SreLabGrader',
				externalId: 'x-course',
				region: 'eu-west-1',
				concurrency: '4',
				timeout: '60',
				resume: true,
			},
			cli.context,
			{ createGrader: async () => grader, onInterrupt: () => () => {}, progressStream: () => ({ write: () => true }) },
		);
		expect(cli.exitCode()).toBe(0);
		// The killed process's lock on the run is taken over, and said so.
		expect(cli.stderr()).toMatch(
			/^Run 1 was locked by process \d+ on \S+ since .*, which is no longer running; continuing it here\.$/m,
		);
		expect(gradedOnResume.toSorted()).toEqual(
			rows.map((row) => row.split(',')[0] as string).filter((id) => !beforeResume.some((done) => done.learner === id)),
		);
		const after = gradings(gradebook);
		expect(after).toHaveLength(learners);
		expect(after.every((row) => row.n === 1)).toBe(true);
		const db = openGradebook(gradebook);
		expect(db.prepare('SELECT COUNT(*) AS runs, MAX(finished_at IS NOT NULL) AS finished FROM runs').get()).toEqual({
			runs: 1,
			finished: 1,
		});
		db.close();
	}, 30_000);
});
