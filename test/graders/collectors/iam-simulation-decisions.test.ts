import { describe, expect, it } from 'vitest';
import { decisionsFor } from '../../../graders/collectors/iam/simulation-decisions.ts';

const snapshotArn = 'arn:aws:ec2:eu-west-1::snapshot/snap-0000000000sre0lab';

describe('decisionsFor (SimulatePrincipalPolicy results)', () => {
	it('takes the decision and missing keys of the simulated resource from ResourceSpecificResults', () => {
		expect(
			decisionsFor(
				[
					{
						EvalActionName: 'ec2:DeleteSnapshot',
						EvalResourceName: snapshotArn,
						EvalDecision: 'implicitDeny',
						MatchedStatements: [],
						MissingContextValues: [],
						ResourceSpecificResults: [
							{
								EvalResourceName: snapshotArn,
								EvalResourceDecision: 'implicitDeny',
								MatchedStatements: [],
								MissingContextValues: ['aws:PrincipalTag/team'],
							},
						],
					},
				],
				snapshotArn,
			),
		).toEqual({ 'ec2:DeleteSnapshot': { decision: 'implicitDeny', missingContext: ['aws:PrincipalTag/team'] } });
	});

	it('reads a simulation on "*" from the top level, and keeps the stricter of two decisions', () => {
		expect(
			decisionsFor(
				[
					{ EvalActionName: 'ec2:DescribeSnapshots', EvalResourceName: '*', EvalDecision: 'allowed' },
					{
						EvalActionName: 'ec2:DeleteSnapshot',
						EvalDecision: 'allowed',
						ResourceSpecificResults: [{ EvalResourceName: snapshotArn, EvalResourceDecision: 'explicitDeny' }],
					},
				],
				snapshotArn,
			),
		).toEqual({
			'ec2:DescribeSnapshots': { decision: 'allowed', missingContext: [] },
			'ec2:DeleteSnapshot': { decision: 'explicitDeny', missingContext: [] },
		});
	});
});
