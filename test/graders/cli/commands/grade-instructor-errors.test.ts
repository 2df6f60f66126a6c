import { afterEach, describe, expect, it } from 'vitest';
import { createGradeCommand, type GradeDependencies } from '../../../../graders/cli/commands/grade.ts';
import { runCli } from '../../../../graders/cli/run-cli.ts';
import { InstructorSideError } from '../../../../graders/cohort/account-errors.ts';
import type { GradeAccount } from '../../../../graders/cohort/account-outcome.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import { scratchDirectory } from '../../support/cli-context.ts';
import { fakeLabResult, fakeSnapshot } from '../../support/cohort-fixtures.ts';

let scratch: ReturnType<typeof scratchDirectory>;
afterEach(() => scratch?.remove());

const rows = Array.from({ length: 6 }, (_, i) => `l${i},L ${i},l${i}@example.org,${100000000000 + i}`);
const passing: GradeAccount = async (target) => ({
	snapshot: fakeSnapshot(target.accountId),
	results: [fakeLabResult('lab1', target.accountId, ['pass'])],
});

async function grade(grader: GradeAccount, extra: string[] = []) {
	const dependencies: GradeDependencies = {
		createGrader: async () => grader,
		onInterrupt: () => () => {},
		progressStream: () => ({ write: () => true }),
	};
	let stdout = '';
	let stderr = '';
	const code = await runCli(
		{ description: 'test', commands: [createGradeCommand(dependencies)] },
		[
			'grade',
			'lab1',
			'--roster',
			scratch.path('cohort.csv'),
			'--gradebook',
			scratch.path('gradebook.sqlite'),
			'--external-id',
			'x-course',
			'--region',
			'eu-west-1',
			'--concurrency',
			'1',
			...extra,
		],
		{
			stdout: (text) => {
				stdout += text;
			},
			stderr: (text) => {
				stderr += text;
			},
			isTTY: false,
			env: {},
		},
	);
	return { code, stdout, stderr };
}

function gradedLearners(): string[] {
	const db = openGradebook(scratch.path('gradebook.sqlite'));
	try {
		return (
			db
				.prepare('SELECT l.learner_key FROM account_gradings g JOIN learners l ON l.id = g.learner_id ORDER BY 1')
				.all() as { learner_key: string }[]
		).map((row) => row.learner_key);
	} finally {
		db.close();
	}
}

describe('grade when the instructor’s side fails', () => {
	it('stops at the instructor’s expired credentials (exit 2, says so), marks no learner, and --resume grades the rest', async () => {
		scratch = scratchDirectory();
		scratch.file('cohort.csv', ['learner_id,name,email,account_id', ...rows].join('\n'));
		let calls = 0;
		const expiring: GradeAccount = async (target, signal) => {
			calls += 1;
			if (calls > 2)
				throw new InstructorSideError(
					'credentials',
					'your own AWS credentials failed: Your AWS credentials have expired (The security token included in the request is expired)',
					undefined,
				);
			return passing(target, signal);
		};
		const first = await grade(expiring);
		expect(first.code).toBe(2);
		expect(first.stderr).toContain(
			'sre-lab: stopped: your own AWS credentials failed: Your AWS credentials have expired (The security token included in the request is expired). 4 accounts were not graded and are left for `sre-lab grade --resume` once your credentials work again.',
		);
		expect(first.stderr).not.toMatch(/grader role|trust|external id/);
		expect(calls).toBe(3);
		expect(gradedLearners()).toEqual(['l0', 'l1']);

		const resumed = await grade(passing, ['--resume']);
		expect(resumed.code).toBe(0);
		expect(gradedLearners()).toEqual(['l0', 'l1', 'l2', 'l3', 'l4', 'l5']);
	});

	it('leaves accounts whose role could not be reached for --resume (exit 2), and the run stays open', async () => {
		scratch = scratchDirectory();
		scratch.file('cohort.csv', ['learner_id,name,email,account_id', ...rows].join('\n'));
		const flaky: GradeAccount = async (target, signal) => {
			if (target.learnerId === 'l3')
				throw new InstructorSideError(
					'network',
					'cannot assume arn:aws:iam::100000000003:role/SreLabGrader: Could not reach the sts endpoint (ECONNRESET)',
					undefined,
				);
			return passing(target, signal);
		};
		const first = await grade(flaky);
		expect(first.code).toBe(2);
		expect(first.stdout).toContain(
			"Not graded because of trouble on your side, not the learners' (1); run the same command with --resume to grade them:\n  l3 (100000000003): network: cannot assume",
		);
		expect(gradedLearners()).toEqual(['l0', 'l1', 'l2', 'l4', 'l5']);
		const resumed = await grade(passing, ['--resume']);
		expect(resumed.stderr).toContain('Resuming run 1: 5 accounts already graded, 1 to go.');
		expect(resumed.code).toBe(0);
		expect(gradedLearners()).toEqual(['l0', 'l1', 'l2', 'l3', 'l4', 'l5']);
	});
});
