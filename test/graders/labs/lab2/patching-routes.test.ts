import { GetGroupQueryCommand } from '@aws-sdk/client-resource-groups';
import { DescribeAssociationExecutionsCommand, ListCommandsCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { collectLab2 } from './support/collect-lab2.ts';
import { completeLab2Account, fleetIds, type Lab2Account } from './support/lab2-account.ts';
import { gradeLab2Check } from './support/lab2-fixtures.ts';

/**
 * The ways to automate patching that the check must accept besides the reference maintenance window,
 * collected by the real collectors from a simulated account.
 */
const scheduled = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'patching-scheduled');
const succeeded = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'patching-succeeded');

const installAssociationId = '0a2b0000-7777-8888-9999-000000000001';
const denied = (action: string) =>
	Object.assign(
		new Error(`User: arn:aws:sts::123456789012:assumed-role/Learner/learner is not authorized to perform: ${action}`),
		{
			name: 'AccessDeniedException',
			$metadata: { httpStatusCode: 400 },
		},
	);

/** No maintenance window; the daily Quick Setup scan has replaced the Install in every patch state. */
function accountPatchedBy(association: Partial<Lab2Account['associations'][number]>): Lab2Account {
	const account = completeLab2Account();
	account.windows = [];
	account.commands = [];
	account.patchStates = fleetIds.map((id) => ({ id, operation: 'Scan', end: '2026-11-22T06:00:00.000Z', failed: 0 }));
	account.associations.push({
		id: installAssociationId,
		name: 'lab2-install-patches',
		document: 'AWS-RunPatchBaseline',
		targets: [{ Key: 'tag:PatchGroup', Values: ['lab2-fleet'] }],
		schedule: 'cron(0 4 ? * SUN *)',
		parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
		runs: [
			{
				id: '0a2b0000-7777-8888-9999-0000000000e1',
				version: '1',
				createdAt: '2026-11-22T04:00:00.000Z',
				targets: fleetIds.map((instanceId) => ({ instanceId, status: 'Success' })),
			},
		],
		...association,
	});
	return account;
}

describe('patching-scheduled accepts every automated route', () => {
	it('accepts an association of AWS-RunPatchBaselineAssociation that installs', async () => {
		const result = scheduled(await collectLab2(accountPatchedBy({ document: 'AWS-RunPatchBaselineAssociation' })));
		expect(result.status).toBe('pass');
		expect(result.message).toContain('runs AWS-RunPatchBaselineAssociation on the fleet');
	});

	it('accepts a Quick Setup patch policy for the whole account (Install on every managed node)', async () => {
		const account = accountPatchedBy({
			name: 'AWS-QuickSetup-PatchPolicy-InstallPatches',
			targets: [{ Key: 'InstanceIds', Values: ['*'] }],
			parameters: {
				Operation: ['Install'],
				BaselineOverride: ['s3://aws-quicksetup-patchpolicy-123456789012-abcde/baseline_overrides.json'],
			},
		});
		expect(scheduled(await collectLab2(account)).status).toBe('pass');
	});

	it('accepts a maintenance window whose target is a resource group that holds the fleet', async () => {
		const account = completeLab2Account();
		const [target] = account.windows[0]?.targets ?? [];
		if (!target) throw new Error('fixture window target missing');
		target.targets = [
			{ Key: 'resource-groups:Name', Values: ['lab2-fleet'] },
			{ Key: 'resource-groups:ResourceTypeFilters', Values: ['AWS::EC2::Instance'] },
		];
		account.resourceGroups = {
			'lab2-fleet': {
				type: 'TAG_FILTERS_1_0',
				query: { ResourceTypeFilters: ['AWS::EC2::Instance'], TagFilters: [{ Key: 'sre-lab', Values: ['lab2'] }] },
			},
		};
		expect(scheduled(await collectLab2(account)).status).toBe('pass');

		account.resourceGroups['lab2-fleet'] = {
			type: 'TAG_FILTERS_1_0',
			query: { ResourceTypeFilters: ['AWS::EC2::Instance'], TagFilters: [{ Key: 'Name', Values: ['lab2-a'] }] },
		};
		const missing = scheduled(await collectLab2(account));
		expect(missing.status).toBe('fail');
		expect(missing.message).toContain(`miss ${fleetIds[1]}`);

		const unreadable = scheduled(
			await collectLab2(account, {
				before: (mocks) => {
					mocks.resourceGroups.on(GetGroupQueryCommand).rejects(denied('resource-groups:GetGroupQuery'));
				},
			}),
		);
		expect(unreadable.status).toBe('error');
		expect(unreadable.message).toContain('resource-groups:GetGroupQuery');
	});
});

describe('patching-succeeded reads association runs', () => {
	it('passes on a successful Install run of the association although a later Scan replaced the patch states', async () => {
		const result = succeeded(await collectLab2(accountPatchedBy({})));
		expect(result.status).toBe('pass');
		expect(result.evidence).toContain('0a2b0000-7777-8888-9999-0000000000e1');
	});

	it('asks for the runs created in the window, in the documented time form', async () => {
		let filters: unknown;
		await collectLab2(accountPatchedBy({}), {
			after: (mocks) => {
				filters = mocks.ssm.commandCalls(DescribeAssociationExecutionsCommand)[0]?.args[0].input.Filters;
			},
		});
		expect(filters).toEqual([{ Key: 'CreatedTime', Type: 'GREATER_THAN', Value: '2026-11-21T12:00:00Z' }]);
	});

	it('does not count a run of an earlier version that only scanned', async () => {
		const account = accountPatchedBy({ earlierVersions: [{ Operation: ['Scan'] }] });
		const [run] = account.associations.at(-1)?.runs ?? [];
		if (run) run.version = '1';
		const result = succeeded(await collectLab2(account));
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`${fleetIds[0]} last ran a Scan, not an Install`);
	});

	it('fails when the run failed on an instance and nothing else shows an Install', async () => {
		const account = accountPatchedBy({});
		const [run] = account.associations.at(-1)?.runs ?? [];
		if (run)
			run.targets = [
				{ instanceId: fleetIds[0], status: 'Success' },
				{ instanceId: fleetIds[1], status: 'Failed' },
			];
		const result = succeeded(await collectLab2(account));
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`${fleetIds[1]} last ran a Scan, not an Install`);
		expect(result.message).not.toContain(fleetIds[0]);
	});

	it('is an error, not a failure, when the command history could not be read and the states show no Install', async () => {
		// The reference maintenance window, whose Install a later Scan hid from the patch states.
		const account = completeLab2Account();
		account.patchStates = fleetIds.map((id) => ({ id, operation: 'Scan', end: '2026-11-22T06:00:00.000Z', failed: 0 }));
		const result = succeeded(
			await collectLab2(account, {
				before: (mocks) => {
					mocks.ssm.on(ListCommandsCommand).rejects(denied('ssm:ListCommands'));
				},
			}),
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain(`${fleetIds[0]} last ran a Scan, not an Install in its patch state`);
		expect(result.message).toContain('ssm:ListCommands');
	});

	it('is an error, not a failure, when the association runs could not be read', async () => {
		const result = succeeded(
			await collectLab2(accountPatchedBy({}), {
				before: (mocks) => {
					mocks.ssm.on(DescribeAssociationExecutionsCommand).rejects(denied('ssm:DescribeAssociationExecutions'));
				},
			}),
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('ssm:DescribeAssociationExecutions');
	});
});
