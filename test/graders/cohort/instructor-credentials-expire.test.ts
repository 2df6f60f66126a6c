import { afterEach, describe, expect, it } from 'vitest';
import { createGradeCommand, type GradeDependencies } from '../../../graders/cli/commands/grade.ts';
import { runCli } from '../../../graders/cli/run-cli.ts';
import type { GradeAccount } from '../../../graders/cohort/account-outcome.ts';
import { createEngineGrader } from '../../../graders/cohort/engine-grader.ts';
import { openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { scratchDirectory } from '../support/cli-context.ts';
import { type ExpiringInstructor, type ExpiryMode, installExpiringInstructor } from '../support/expiring-instructor.ts';
import { collectedAt } from '../support/lab1-account.ts';

let scratch: ReturnType<typeof scratchDirectory> | undefined;
let instructor: ExpiringInstructor | undefined;
afterEach(() => {
	instructor?.restore();
	instructor = undefined;
	scratch?.remove();
	scratch = undefined;
});

const learners = Array.from({ length: 6 }, (_, i) => `l${i}`);
const roster = [
	'learner_id,name,email,account_id',
	...learners.map((id, i) => `${id},Learner ${i},${id}@example.org,${100000000000 + i}`),
].join('\n');

/** The real engine grader, assuming each role with the instructor's (expiring) credentials. */
function engineGrader(current: ExpiringInstructor): GradeAccount {
	return createEngineGrader({
		labs: ['lab1'],
		windowMs: 24 * 3_600_000,
		now: () => collectedAt,
		masterCredentials: current.masterCredentials,
		stsClientConfig: { requestHandler: current.stsEndpoint },
	});
}

async function grade(grader: GradeAccount, files: NonNullable<typeof scratch>, extra: string[] = []) {
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
			files.path('cohort.csv'),
			'--gradebook',
			files.path('gradebook.sqlite'),
			'--external-id',
			'spring-2026',
			'--region',
			'eu-west-1',
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

interface RecordedAccount {
	learner: string;
	errorKind: string | null;
	outcome: string;
	checkErrors: number;
}

/** Every account recorded in the gradebook, with its lab outcome and how many checks came out `error`. */
function recordedAccounts(files: NonNullable<typeof scratch>): RecordedAccount[] {
	const db = openGradebook(files.path('gradebook.sqlite'));
	try {
		return db
			.prepare(
				`SELECT l.learner_key AS learner, g.error_kind AS errorKind, a.outcome AS outcome,
				        (SELECT COUNT(*) FROM check_results c WHERE c.attempt_id = a.id AND c.status = 'error') AS checkErrors
				   FROM account_gradings g
				   JOIN learners l ON l.id = g.learner_id
				   LEFT JOIN attempts a ON a.run_id = g.run_id AND a.learner_id = g.learner_id
				  ORDER BY l.learner_key`,
			)
			.all() as unknown as RecordedAccount[];
	} finally {
		db.close();
	}
}

const allPassed = (learnerIds: readonly string[]) =>
	learnerIds.map((learner) => ({ learner, errorKind: null, outcome: 'pass', checkErrors: 0 }));

describe('grade when the instructor’s own credentials expire in the middle of the run', () => {
	it.each<[string, ExpiryMode, RegExp]>([
		['STS refuses the expired session token', 'sts-expired-token', /Your AWS credentials have expired/],
		[
			'STS no longer knows the keys',
			'sts-invalid-client-token',
			/AWS rejected your credentials \(InvalidClientTokenId/,
		],
		[
			'the IAM Identity Center (SSO) session ended',
			'sso-session-expired',
			/SSO session associated with this profile has expired/,
		],
	])(
		'%s: stops (exit 2) naming the instructor’s credentials, records no account it was reading, and --resume finishes',
		async (_case, mode, cause) => {
			const files = scratchDirectory();
			scratch = files;
			files.file('cohort.csv', roster);
			const current = installExpiringInstructor();
			instructor = current;
			// l0 and l1 are graded; the instructor's credentials expire while l2's account is being read.
			current.expireAtFirstRenewalOf('l2', mode);

			const first = await grade(engineGrader(current), files, ['--concurrency', '1']);
			expect(first.code).toBe(2);
			// The role of l2 was assumed, and its session renewed while its account was read.
			expect(current.assumeRoleCalls.get('sre-lab-grader-l2')).toBeGreaterThanOrEqual(2);
			// Only the accounts finished before the credentials expired are recorded, and they passed.
			expect(recordedAccounts(files)).toEqual(allPassed(['l0', 'l1']));
			expect(first.stderr).toContain(
				'sre-lab: stopped: your own AWS credentials failed while renewing the grader role session in account 100000000002: ',
			);
			expect(first.stderr).toMatch(cause);
			expect(first.stderr).toContain(
				'4 accounts were not graded and are left for `sre-lab grade --resume` once your credentials work again.',
			);
			expect(first.stderr).not.toMatch(/grader role \(|trust|external id/i);

			current.signInAgain();
			const resumed = await grade(engineGrader(current), files, ['--concurrency', '1', '--resume']);
			expect(resumed.stderr).toContain('Resuming run 1: 2 accounts already graded, 4 to go.');
			expect(resumed.code).toBe(0);
			expect(recordedAccounts(files)).toEqual(allPassed(learners));
		},
	);

	it('with accounts graded side by side, none read with the expired credentials is recorded', async () => {
		const files = scratchDirectory();
		scratch = files;
		files.file('cohort.csv', roster);
		const current = installExpiringInstructor();
		instructor = current;
		current.expireAtFirstRenewalOf('l3', 'sts-expired-token');

		const first = await grade(engineGrader(current), files, ['--concurrency', '3']);
		const recorded = recordedAccounts(files);
		// Whatever was recorded before the expiry passed; nothing was recorded as read with errors.
		expect(recorded).toEqual(allPassed(recorded.map((account) => account.learner)));
		expect(recorded.map((account) => account.learner)).not.toContain('l3');
		expect(first.code).toBe(2);
		expect(first.stderr).toContain('sre-lab: stopped: your own AWS credentials failed');

		current.signInAgain();
		const resumed = await grade(engineGrader(current), files, ['--concurrency', '3', '--resume']);
		expect(resumed.code).toBe(0);
		expect(recordedAccounts(files)).toEqual(allPassed(learners));
	});

	it('a role deleted while its account is read is that account’s assume-role error; the run goes on', async () => {
		const files = scratchDirectory();
		scratch = files;
		files.file('cohort.csv', roster);
		const current = installExpiringInstructor();
		instructor = current;
		current.deleteRoleAfterFirstAssumeOf('l2');

		const run = await grade(engineGrader(current), files, ['--concurrency', '1']);
		expect(recordedAccounts(files)).toEqual(
			learners.map((learner) =>
				learner === 'l2'
					? { learner, errorKind: 'assume-role', outcome: 'error', checkErrors: 0 }
					: { learner, errorKind: null, outcome: 'pass', checkErrors: 0 },
			),
		);
		expect(run.code).toBe(2);
		expect(run.stdout).toContain('6 accounts graded in');
		expect(run.stderr).not.toContain('stopped');
	});
});
