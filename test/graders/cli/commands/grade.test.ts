import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GradeDependencies, type GradeOptions, runGrade } from '../../../../graders/cli/commands/grade.ts';
import { UsageError } from '../../../../graders/cli/io.ts';
import { AssumeRoleFailed } from '../../../../graders/cohort/account-errors.ts';
import type { GradeAccount } from '../../../../graders/cohort/account-outcome.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';
import { fakeLabResult, fakeSnapshot } from '../../support/cohort-fixtures.ts';

function rosterText(count: number): string {
	const rows = Array.from(
		{ length: count },
		(_, index) => `l${index},Learner ${index},l${index}@example.org,${String(100000000000 + index)}`,
	);
	return ['learner_id,name,email,account_id', ...rows].join('\n');
}

const passingGrader: GradeAccount = async (target) => {
	await sleep(2);
	return {
		snapshot: fakeSnapshot(target.accountId),
		results: [fakeLabResult('lab1', target.accountId, ['pass', 'pass'])],
	};
};

function dependencies(grader: GradeAccount, interrupt?: { trigger?: () => void }): GradeDependencies {
	return {
		createGrader: async () => grader,
		onInterrupt: (handler) => {
			if (interrupt) interrupt.trigger = handler;
			return () => {};
		},
		progressStream: ({ io }) => ({ write: (text: string) => io.stderr(text) }),
	};
}

let scratch: ReturnType<typeof scratchDirectory>;
beforeEach(() => {
	scratch = scratchDirectory();
});
afterEach(() => scratch.remove());

function options(overrides: Partial<GradeOptions> = {}): GradeOptions {
	return {
		roster: scratch.file('spring-2026.csv', rosterText(6)),
		roleName: 'SreLabGrader',
		externalId: 'spring-2026',
		region: 'eu-west-1',
		concurrency: '3',
		timeout: '5',
		gradebook: scratch.path('gradebook.sqlite'),
		...overrides,
	};
}

function gradingsPerLearner(path: string): Record<string, number> {
	const db = openGradebook(path);
	try {
		const rows = db
			.prepare(
				'SELECT l.learner_key, COUNT(*) AS n FROM account_gradings g JOIN learners l ON l.id = g.learner_id GROUP BY l.learner_key',
			)
			.all() as { learner_key: string; n: number }[];
		return Object.fromEntries(rows.map((row) => [row.learner_key, row.n]));
	} finally {
		db.close();
	}
}

describe('grade', () => {
	it('grades every account of the roster, stores it and exits 0 when all pass', async () => {
		const cli = fakeCliContext();
		await runGrade('lab1', options(), cli.context, dependencies(passingGrader));
		expect(cli.exitCode()).toBe(0);
		expect(cli.stdout()).toContain('Run 1 of cohort spring-2026 (lab1): 6 accounts graded');
		expect(cli.stdout()).toContain('lab1: 6 passed, 0 not yet, 0 could not be graded');
		expect(cli.stderr()).toContain('[6/6]');
		expect(gradingsPerLearner(options().gradebook as string)).toEqual({ l0: 1, l1: 1, l2: 1, l3: 1, l4: 1, l5: 1 });
	});

	it('validates the whole roster first and grades nothing while it has problems', async () => {
		const cli = fakeCliContext();
		const roster = scratch.file('bad.csv', `${rosterText(2)}\nl9,Bad,not-mail,123\n`);
		let graded = 0;
		const counting: GradeAccount = async (target, signal) => {
			graded += 1;
			return passingGrader(target, signal);
		};
		await expect(runGrade('lab1', options({ roster }), cli.context, dependencies(counting))).rejects.toThrow(
			UsageError,
		);
		expect(cli.stderr()).toContain(`${roster}:4: email is not a valid address; account_id must be 12 digits, got 3`);
		expect(graded).toBe(0);

		await runGrade('lab1', options({ roster, skipInvalid: true }), cli.context, dependencies(counting));
		expect(graded).toBe(2);
		expect(cli.stderr()).toContain('Skipping 1 problem; grading the 2 valid rows.');
	});

	it('records AccessDenied, throttling and a refused role per account, finishes the run and exits 2', async () => {
		const cli = fakeCliContext();
		const grader: GradeAccount = async (target, signal) => {
			if (target.learnerId === 'l1') throw new AssumeRoleFailed(target.roleArn, new Error('AccessDenied'));
			if (target.learnerId === 'l2')
				throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { attempts: 8 } });
			if (target.learnerId === 'l3')
				throw Object.assign(new Error('not authorized to perform: ec2:DescribeInstances'), {
					name: 'UnauthorizedOperation',
				});
			return passingGrader(target, signal);
		};
		await runGrade('lab1', options(), cli.context, dependencies(grader));
		expect(cli.exitCode()).toBe(2);
		expect(cli.stdout()).toContain('lab1: 3 passed, 0 not yet, 3 could not be graded');
		expect(cli.stdout()).toMatch(
			/l1 \(100000000001\) assume-role: cannot assume arn:aws:iam::100000000001:role\/SreLabGrader/,
		);
		expect(cli.stdout()).toMatch(/l2 \(100000000002\) throttled:/);
		expect(cli.stdout()).toMatch(/l3 \(100000000003\) access-denied: .*ec2:DescribeInstances/);
		expect(gradingsPerLearner(options().gradebook as string)).toEqual({ l0: 1, l1: 1, l2: 1, l3: 1, l4: 1, l5: 1 });
	});

	it('names the learners whose account was read but a check was denied, not only a count', async () => {
		const cli = fakeCliContext();
		const denied = 'Access denied for application-signals:ListServiceLevelObjectives. Update the grader role.';
		const grader: GradeAccount = async (target) => {
			const result = fakeLabResult('lab1', target.accountId, ['pass', target.learnerId === 'l4' ? 'error' : 'pass']);
			result.checks = result.checks.map((check) => (check.status === 'error' ? { ...check, message: denied } : check));
			return { snapshot: fakeSnapshot(target.accountId), results: [result] };
		};
		await runGrade('lab1', options(), cli.context, dependencies(grader));
		expect(cli.exitCode()).toBe(2);
		expect(cli.stdout()).toContain('lab1: 5 passed, 0 not yet, 1 could not be graded');
		expect(cli.stdout()).toContain(`Labs read but not fully gradable (1):\n  l4 (100000000004) lab1: ${denied}`);
		expect(cli.stdout()).not.toContain('Accounts that could not be graded');
	});

	it('exits 1 when some lab has work left and nothing errored', async () => {
		const cli = fakeCliContext();
		const grader: GradeAccount = async (target) => ({
			snapshot: fakeSnapshot(target.accountId),
			results: [
				fakeLabResult('lab1', target.accountId, target.learnerId === 'l0' ? ['pass', 'fail'] : ['pass', 'pass']),
			],
		});
		await runGrade('lab1', options(), cli.context, dependencies(grader));
		expect(cli.exitCode()).toBe(1);
	});

	it('resumes an interrupted run without grading any account twice', async () => {
		const interrupt: { trigger?: () => void } = {};
		let finished = 0;
		const interrupting: GradeAccount = async (target, signal) => {
			const grade = await passingGrader(target, signal);
			finished += 1;
			if (finished === 2) interrupt.trigger?.();
			return grade;
		};
		const first = fakeCliContext();
		await runGrade('lab1', options({ concurrency: '1' }), first.context, dependencies(interrupting, interrupt));
		expect(first.exitCode()).toBe(2);
		expect(first.stdout()).toContain('not yet (stopped; continue with --resume)');
		const afterFirst = gradingsPerLearner(options().gradebook as string);
		expect(Object.keys(afterFirst).length).toBeLessThan(6);

		const graded: string[] = [];
		const recording: GradeAccount = async (target, signal) => {
			graded.push(target.learnerId);
			return passingGrader(target, signal);
		};
		const second = fakeCliContext();
		await runGrade('lab1', options({ resume: true }), second.context, dependencies(recording));
		expect(second.stderr()).toContain('Resuming run 1');
		expect(graded.filter((learner) => learner in afterFirst)).toEqual([]);
		expect(gradingsPerLearner(options().gradebook as string)).toEqual({ l0: 1, l1: 1, l2: 1, l3: 1, l4: 1, l5: 1 });
		expect(second.exitCode()).toBe(0);

		const third = fakeCliContext();
		await runGrade('lab1', options({ resume: true }), third.context, dependencies(recording));
		expect(third.stderr()).toContain('already finished');
	});

	it('refuses to resume with other labs than the run graded', async () => {
		await runGrade('lab1', options(), fakeCliContext().context, dependencies(passingGrader));
		await expect(
			runGrade('lab3', options({ resume: true }), fakeCliContext().context, dependencies(passingGrader)),
		).rejects.toThrow('graded lab1; resume it with exactly those labs');
	});

	it('rejects unknown labs and bad numbers as usage errors', async () => {
		const cli = fakeCliContext();
		await expect(runGrade('lab99', options(), cli.context, dependencies(passingGrader))).rejects.toThrow(UsageError);
		await expect(runGrade(undefined, options(), cli.context, dependencies(passingGrader))).rejects.toThrow(
			'name the lab',
		);
		await expect(
			runGrade('lab1', options({ concurrency: '0' }), cli.context, dependencies(passingGrader)),
		).rejects.toThrow('--concurrency');
		await expect(
			runGrade('lab1', options({ since: 'soon' }), cli.context, dependencies(passingGrader)),
		).rejects.toThrow('--since');
	});
});
