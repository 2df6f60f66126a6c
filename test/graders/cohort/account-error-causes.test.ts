import { describe, expect, it } from 'vitest';
import { causeOfAccountError, groupByCause } from '../../../graders/cohort/account-error-causes.ts';

describe('causeOfAccountError', () => {
	it('names the grader role, its trust and the ExternalId together for an assume-role error', () => {
		// STS says the same for all three, e.g. this message from describeAccountError.
		const advice = causeOfAccountError(
			'assume-role',
			'cannot assume arn:aws:iam::111111111111:role/SreLabGrader: AccessDenied: User: arn:aws:iam::999999999999:user/instructor is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/SreLabGrader',
		);
		expect(advice.cause).toBe('grader-role');
		expect(advice.title).toMatch(/not deployed.*ExternalId mismatch/);
		expect(advice.fix).toContain('labs/grader-role/template.yaml');
	});

	it('recognises a Region the account has not enabled, whatever the kind', () => {
		expect(
			causeOfAccountError(
				'assume-role',
				'cannot assume arn:aws:iam::111111111111:role/SreLabGrader: RegionDisabledException: STS is not activated in this region for account:111111111111. Your account administrator can activate STS in this region using the IAM Console.',
			).cause,
		).toBe('region-not-enabled');
	});

	it('keeps the stored kind for the other causes, and calls anything unknown "other"', () => {
		expect(causeOfAccountError('timeout', 'gave up after 300 s').cause).toBe('timeout');
		expect(causeOfAccountError('throttled', 'Rate exceeded').cause).toBe('throttled');
		expect(causeOfAccountError('something-new', 'x').cause).toBe('other');
		// A graded account whose lab came out `error` has no account error kind: some reads failed.
		expect(causeOfAccountError(null, 'logs:DescribeLogGroups was denied').cause).toBe('reads-failed');
	});
});

describe('groupByCause', () => {
	it('groups accounts by cause, the largest group first, keeping each group in input order', () => {
		const accounts = [
			{ id: 'a', kind: 'timeout', message: 'slow' },
			{ id: 'b', kind: 'assume-role', message: 'AccessDenied' },
			{ id: 'c', kind: 'assume-role', message: 'AccessDenied' },
			{ id: 'd', kind: 'assume-role', message: 'RegionDisabledException: STS is not activated in this region' },
		];
		const groups = groupByCause(accounts, (account) => account);
		expect(groups.map((group) => [group.advice.cause, group.items.map((item) => item.id)])).toEqual([
			['grader-role', ['b', 'c']],
			['region-not-enabled', ['d']],
			['timeout', ['a']],
		]);
	});
});
