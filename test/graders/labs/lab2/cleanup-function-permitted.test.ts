import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { collectLab2 } from './support/collect-lab2.ts';
import { completeLab2Account, executionRoleName, region, type SimulatedRule } from './support/lab2-account.ts';
import { gradeLab2Check } from './support/lab2-fixtures.ts';

/**
 * The check end to end: the real collector asks a simulator double that answers in the shapes of the
 * IAM API reference (per-resource decisions and missing context keys in ResourceSpecificResults).
 */
const grade = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'cleanup-function-permitted');

function accountWhoseDeleteStatement(condition: Record<string, Record<string, string>>, rule: SimulatedRule) {
	const account = completeLab2Account();
	account.roles[executionRoleName] = {
		'inline:snapshot-cleanup': {
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Action: 'ec2:DescribeSnapshots', Resource: '*' },
				{ Effect: 'Allow', Action: 'ec2:DeleteSnapshot', Resource: '*', Condition: condition },
			],
		},
	};
	account.simulations[executionRoleName] = { 'ec2:DescribeSnapshots': 'allowed', 'ec2:DeleteSnapshot': rule };
	return account;
}

describe('cleanup-function-permitted reads the simulator per resource', () => {
	it('passes a DeleteSnapshot statement conditioned on the DeleteAfter tag and the Region', async () => {
		const account = accountWhoseDeleteStatement(
			{ Null: { 'aws:ResourceTag/DeleteAfter': 'false' }, StringEquals: { 'aws:RequestedRegion': region } },
			{ decision: 'allowed', needs: ['aws:ResourceTag/DeleteAfter', 'aws:RequestedRegion'] },
		);
		const result = grade(await collectLab2(account));
		expect(result.status).toBe('pass');
		expect(result.message).toContain('(according to the IAM policy simulator).');
	});

	it('lets the documents decide when the per-resource result misses a key the grader cannot know', async () => {
		const account = accountWhoseDeleteStatement(
			{ StringEquals: { 'aws:PrincipalTag/team': 'sre' } },
			{ decision: 'allowed', needs: ['aws:PrincipalTag/team'] },
		);
		const result = grade(await collectLab2(account));
		expect(result.status).toBe('pass');
		expect(result.message).toContain('ec2:DeleteSnapshot depends on aws:PrincipalTag/team, which it cannot know');

		account.roles[executionRoleName] = {};
		const withoutStatement = grade(await collectLab2(account));
		expect(withoutStatement.status).toBe('fail');
		expect(withoutStatement.message).toContain('which may not ec2:DeleteSnapshot');
	});

	it('fails when the resource result is an explicit deny, whatever the documents say', async () => {
		const account = accountWhoseDeleteStatement(
			{ StringEquals: { 'aws:RequestedRegion': region } },
			{ decision: 'explicitDeny', needs: [] },
		);
		const result = grade(await collectLab2(account));
		expect(result.status).toBe('fail');
		expect(result.message).toContain('may not ec2:DeleteSnapshot (according to the IAM policy simulator)');
	});
});
