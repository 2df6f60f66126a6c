import { DescribeInstancePatchStatesCommand } from '@aws-sdk/client-ssm';
import type { Snapshot } from '../../../../../graders/engine/types.ts';
import { collectLab2 } from './collect-lab2.ts';
import { accountId, completeLab2Account, executionRoleName, fleetIds } from './lab2-account.ts';

/**
 * The accounts behind the committed fixtures:
 * - passing: every step done, as the reference solution does it;
 * - failing: a learner half-way: the fleet is managed, but the maintenance window task only scans,
 *   the function's role may not delete snapshots, nothing schedules it and the seeded snapshots are untouched;
 * - access-denied: every step done, but the grader may not call ssm:DescribeInstancePatchStates.
 */
export const lab2FixtureScenarios: Record<string, () => Promise<Snapshot>> = {
	passing: () => collectLab2(completeLab2Account()),
	failing: () => {
		const account = completeLab2Account();
		for (const window of account.windows) for (const task of window.tasks) task.parameters = { Operation: ['Scan'] };
		account.patchStates = fleetIds.map((id) => ({ id, operation: 'Scan', end: '2026-11-22T03:12:00.000Z', failed: 0 }));
		account.commands = account.commands.filter((command) => command.operation === 'Scan');
		// The learner granted DescribeSnapshots only: the function can list but not delete.
		account.roles[executionRoleName] = {
			'inline:snapshot-cleanup': {
				Version: '2012-10-17',
				Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeSnapshots', Resource: '*' }],
			},
		};
		account.simulations[executionRoleName] = {
			'ec2:DescribeSnapshots': 'allowed',
			'ec2:DeleteSnapshot': 'implicitDeny',
		};
		account.schedules = [];
		account.metrics = {};
		account.trailEvents = [];
		account.snapshots.push(
			{ id: 'snap-0a2b0000000expired1', tags: { 'sre-lab': 'lab2', DeleteAfter: '2026-11-15' } },
			{ id: 'snap-0a2b0000000expired2', tags: { 'sre-lab': 'lab2', DeleteAfter: '2026-11-20' } },
		);
		return collectLab2(account);
	},
	'access-denied': () =>
		collectLab2(completeLab2Account(), {
			before: (mocks) => {
				mocks.ssm
					.on(DescribeInstancePatchStatesCommand)
					.rejects(
						Object.assign(
							new Error(
								`User: arn:aws:sts::${accountId}:assumed-role/Learner/learner is not authorized to perform: ssm:DescribeInstancePatchStates on resource: arn:aws:ssm:eu-west-1:${accountId}:* because no identity-based policy allows the ssm:DescribeInstancePatchStates action`,
							),
							{ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } },
						),
					);
			},
		}),
};
