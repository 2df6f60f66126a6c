/**
 * Lab 2 snapshots keep only the fields the checks read: the Operation parameter of patch tasks and
 * associations, the instance and snapshot tags checks look up, and the tags a learner's patch targets
 * name. Each test gives the collectors API-reference-shaped answers carrying a secret-looking value
 * the checks never read, and asserts that it is absent from the snapshot while verdicts stay the same.
 */
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { GetMaintenanceWindowTaskCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../../../graders/collectors/ec2/instances.ts';
import { type InstanceTargetTags, targetTagKeys } from '../../../../graders/collectors/ec2/ssm-target-tags.ts';
import type { ResourceGroupQuery } from '../../../../graders/collectors/resource-groups/ssm-target-groups.ts';
import type { MaintenanceWindow } from '../../../../graders/collectors/ssm/maintenance-windows.ts';
import type { PatchAssociation } from '../../../../graders/collectors/ssm/patch-associations.ts';
import type { PerResource, Snapshot } from '../../../../graders/engine/types.ts';
import { accessDenied, failRead } from '../../support/snapshot-edit.ts';
import { collectLab2 } from './support/collect-lab2.ts';
import { completeLab2Account, fleetIds, type Lab2Account, windowId } from './support/lab2-account.ts';
import { gradeLab2, gradeLab2Check } from './support/lab2-fixtures.ts';

const secret = 'Tr0ub4dor-3-correct-horse';
const secretTags = { DB_PASSWORD: secret, Note: `postgres://admin:${secret}@db.internal:5432/app` };

function data<T>(snapshot: Snapshot, read: string): T {
	const outcome = snapshot.reads[read];
	if (!outcome?.ok) throw new Error(`${read} failed: ${outcome ? outcome.error.message : 'missing'}`);
	return outcome.data as T;
}

const verdicts = (snapshot: Snapshot) =>
	Object.fromEntries(gradeLab2(snapshot).checks.map((check) => [check.id, check.status]));

/**
 * The complete account with secret-looking tags on every instance and snapshot. (A lab function's tags
 * are kept whole, for Lab 4's FIS targets, and left to redaction.)
 */
function accountWithSecretTags(): Lab2Account {
	const account = completeLab2Account();
	for (const instance of account.instances) Object.assign(instance.tags, secretTags);
	for (const snapshot of account.snapshots) Object.assign(snapshot.tags, secretTags);
	return account;
}

/** A window whose registered target selects the fleet by a tag ec2.instances does not keep. */
function targetingName(names: string[]): Lab2Account {
	const account = accountWithSecretTags();
	const [window] = account.windows;
	const [target] = window?.targets ?? [];
	if (!target) throw new Error('fixture window target missing');
	target.targets = [{ Key: 'tag:Name', Values: names }];
	return account;
}

describe('Lab 2 snapshots keep only what the checks read', () => {
	it('drop task and association parameters other than Operation, with the same verdicts', async () => {
		const account = completeLab2Account();
		const [task] = account.windows[0]?.tasks ?? [];
		const [association] = account.associations;
		if (!task || !association) throw new Error('fixture task or association missing');
		// Document parameters are name → list of strings (GetMaintenanceWindowTask, DescribeAssociation).
		task.parameters = { ...task.parameters, SnapshotId: ['snap-0a2b'], DbPassword: [secret] };
		association.parameters = { ...association.parameters, InstallOverrideList: [`https://u:${secret}@example.com/l`] };
		const snapshot = await collectLab2(account);

		const window = data<PerResource<MaintenanceWindow>>(snapshot, 'ssm.maintenance-windows')[windowId];
		expect(window?.ok && window.data.tasks[0]?.parameters).toEqual({ Operation: ['Install'] });
		const stored = data<PerResource<PatchAssociation>>(snapshot, 'ssm.patch-associations')[association.id];
		expect(stored?.ok && stored.data.parameters).toEqual({ Operation: ['Scan'] });
		expect(JSON.stringify(snapshot)).not.toContain(secret);
		expect(verdicts(snapshot)).toEqual(verdicts(await collectLab2(completeLab2Account())));
	});

	it('keep the Operation of a task registered with the older TaskParameters shape only', async () => {
		const snapshot = await collectLab2(completeLab2Account(), {
			before: (mocks) => {
				mocks.ssm.on(GetMaintenanceWindowTaskCommand).resolves({
					WindowId: windowId,
					WindowTaskId: 'task-lab2-install',
					TaskArn: 'AWS-RunPatchBaseline',
					TaskType: 'RUN_COMMAND',
					Targets: [{ Key: 'WindowTargetIds', Values: ['wt-lab2-fleet'] }],
					TaskParameters: { Operation: { Values: ['Install'] }, DbPassword: { Values: [secret] } },
				});
			},
		});
		const window = data<PerResource<MaintenanceWindow>>(snapshot, 'ssm.maintenance-windows')[windowId];
		expect(window?.ok && window.data.tasks[0]?.parameters).toEqual({ Operation: ['Install'] });
		expect(JSON.stringify(snapshot)).not.toContain(secret);
		expect(gradeLab2Check(snapshot, 'patching-scheduled').status).toBe('pass');
	});

	it('drop instance and snapshot tags no check reads, with the same verdicts', async () => {
		const snapshot = await collectLab2(accountWithSecretTags());
		expect(JSON.stringify(snapshot)).not.toContain(secret);
		expect(JSON.stringify(snapshot)).not.toContain('DB_PASSWORD');
		const [instance] = data<Ec2Instance[]>(snapshot, 'ec2.instances');
		expect(instance?.tags).toEqual({ 'sre-lab': 'lab2', PatchGroup: 'lab2-fleet' });
		expect(verdicts(snapshot)).toEqual(verdicts(await collectLab2(completeLab2Account())));
	});

	it('read no further tags while every target names a tag ec2.instances keeps', async () => {
		let describeCalls = 0;
		const snapshot = await collectLab2(completeLab2Account(), {
			after: (mocks) => {
				describeCalls = mocks.ec2.commandCalls(DescribeInstancesCommand).length;
			},
		});
		expect(describeCalls).toBe(1);
		expect(data<InstanceTargetTags>(snapshot, 'ec2.ssm-target-tags')).toEqual({});
	});
});

describe('tags that patch targets name', () => {
	it('are read for the named keys only, and judged like any other tag', async () => {
		let filters: unknown;
		const snapshot = await collectLab2(targetingName(['lab2-a', 'lab2-b']), {
			after: (mocks) => {
				filters = mocks.ec2.commandCalls(DescribeInstancesCommand)[1]?.args[0].input.Filters;
			},
		});
		expect(filters).toEqual([{ Name: 'tag-key', Values: ['Name'] }]);
		expect(data<InstanceTargetTags>(snapshot, 'ec2.ssm-target-tags')).toEqual({
			[fleetIds[0]]: { Name: 'lab2-a' },
			[fleetIds[1]]: { Name: 'lab2-b' },
			'i-0c0ffee0000000001': { Name: 'lab1-web' },
		});
		expect(JSON.stringify(snapshot)).not.toContain(secret);
		expect(gradeLab2Check(snapshot, 'patching-scheduled').status).toBe('pass');
	});

	it('fail the plan when the named tag misses an instance', async () => {
		const result = gradeLab2Check(await collectLab2(targetingName(['lab2-a'])), 'patching-scheduled');
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`(tag:Name=lab2-a) miss ${fleetIds[1]}`);
	});

	it('make the plan an error, not a failure, when they could not be read', async () => {
		const snapshot = failRead(
			await collectLab2(targetingName(['lab2-a', 'lab2-b'])),
			'ec2.ssm-target-tags',
			accessDenied('ec2:DescribeInstances'),
		);
		const result = gradeLab2Check(snapshot, 'patching-scheduled');
		expect(result.status).toBe('error');
		expect(result.message).toContain('ec2:DescribeInstances');
	});

	it('do not matter to a plan on the PatchGroup tag when they could not be read', async () => {
		const snapshot = failRead(
			await collectLab2(completeLab2Account()),
			'ec2.ssm-target-tags',
			accessDenied('ec2:DescribeInstances'),
		);
		expect(gradeLab2Check(snapshot, 'patching-scheduled').status).toBe('pass');
	});

	it('are found on the instances of a snapshot saved before they were a read of their own', async () => {
		const older = async (names: string[]) => {
			const snapshot = await collectLab2(targetingName(names));
			// Before collectors kept only what checks read, ec2.instances held every tag.
			delete snapshot.reads['ec2.ssm-target-tags'];
			const instances = snapshot.reads['ec2.instances'];
			if (!instances?.ok) throw new Error('instances not read');
			for (const instance of instances.data as Ec2Instance[])
				instance.tags.Name = { [fleetIds[0]]: 'lab2-a', [fleetIds[1]]: 'lab2-b' }[instance.instanceId] ?? 'lab1-web';
			return gradeLab2Check(snapshot, 'patching-scheduled');
		};
		expect((await older(['lab2-a', 'lab2-b'])).status).toBe('pass');
		// The engine never fails a check on a snapshot that lacks one of its reads: collect again.
		const missed = await older(['lab2-a']);
		expect(missed.status).toBe('error');
		expect(missed.message).toContain('"ec2.ssm-target-tags"');
	});

	it('come from windows, tasks, associations and resource groups, less the keys always kept', () => {
		const window = (targets: MaintenanceWindow['targets'][number]['targets']) => ({
			ok: true as const,
			data: {
				windowId: 'mw-1',
				name: 'w',
				enabled: true,
				schedule: null,
				scheduleTimezone: null,
				nextExecutionTime: null,
				targets: [{ windowTargetId: 'wt-1', resourceType: 'INSTANCE', targets }],
				tasks: [],
			},
		});
		const group = (query: Partial<ResourceGroupQuery>) => ({
			ok: true as const,
			data: {
				name: 'g',
				type: 'TAG_FILTERS_1_0',
				resourceTypeFilters: [],
				tagFilters: [],
				stackIdentifier: null,
				...query,
			},
		});
		expect(
			targetTagKeys(
				{
					'mw-1': window([
						{ key: 'tag:Environment', values: ['prod'] },
						{ key: 'tag:PatchGroup', values: ['web'] },
					]),
					'mw-2': window([{ key: 'tag-key', values: ['Owner', 'sre-lab'] }]),
				},
				{},
				{
					tags: group({ tagFilters: [{ key: 'Team', values: [] }] }),
					stack: group({ type: 'CLOUDFORMATION_STACK_1_0', stackIdentifier: 'web' }),
				},
			),
		).toEqual(['Environment', 'Owner', 'Team', 'aws:cloudformation:stack-id', 'aws:cloudformation:stack-name']);
	});
});
