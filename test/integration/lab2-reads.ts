/**
 * What each Lab 2 read must give against moto seeded by seed/lab2-account.ts (see lab1-reads.ts for
 * the two kinds). moto 5.x lacks DescribeInstanceInformation, DescribeInstancePatchStates,
 * ListAssociations, DescribeAssociationExecutions, ListCommandInvocations, GetMaintenanceWindowTask,
 * SimulatePrincipalPolicy and CloudTrail LookupEvents.
 */
import { expect } from 'vitest';
import { type Lab2Seed, lab2Names } from './seed/lab2-account.ts';
import { jsonOf, type LabReadExpectations, resourceData } from './support/read-expectations.ts';

export const lab2Reads: LabReadExpectations<Lab2Seed> = {
	'ec2.instances': {
		moto: 'implemented',
		check: (data, seed) => {
			for (const id of seed.instanceIds) expect(jsonOf(data)).toContain(id);
			expect(jsonOf(data)).toContain(lab2Names.patchGroup);
			// Only the tags every check reads are kept.
			expect(jsonOf(data)).not.toContain(lab2Names.instanceSecret);
			expect(jsonOf(data)).not.toContain(lab2Names.role);
		},
	},
	// The resource group selects by Role as well: that tag, and no other, is read for it.
	'ec2.ssm-target-tags': {
		moto: 'implemented',
		check: (data, seed) => {
			for (const id of seed.instanceIds)
				expect((data as Record<string, unknown>)[id]).toEqual({ Role: lab2Names.role });
			expect(jsonOf(data)).not.toContain(lab2Names.instanceSecret);
		},
	},
	'ssm.instance-information': { moto: 'not-implemented', operation: 'ssm:DescribeInstanceInformation' },
	// The window with a patch task cannot be read whole (GetMaintenanceWindowTask); the other one can.
	'ssm.maintenance-windows': {
		moto: 'not-implemented',
		operation: 'ssm:GetMaintenanceWindowTask',
		perResource: true,
		check: (data, seed) => {
			const byGroup = jsonOf(resourceData(data, seed.groupWindowId));
			expect(byGroup).toContain(lab2Names.resourceGroup);
			expect(byGroup).toContain('rate(7 days)');
		},
	},
	'ssm.patch-associations': { moto: 'not-implemented', operation: 'ssm:ListAssociations' },
	// Needs the associations, whose read failed: it fails with that read's error.
	'ssm.patch-association-executions': { moto: 'not-implemented', operation: 'ssm:ListAssociations' },
	'resource-groups.ssm-target-groups': {
		moto: 'implemented',
		check: (data) => {
			const group = jsonOf(resourceData(data, lab2Names.resourceGroup));
			expect(group).toContain('TAG_FILTERS_1_0');
			expect(group).toContain('lab2');
		},
	},
	'ssm.instance-patch-states': { moto: 'not-implemented', operation: 'ssm:DescribeInstancePatchStates' },
	// ListCommands answers with the seeded Install; listing its invocations is what moto lacks.
	'ssm.patch-install-commands': { moto: 'not-implemented', operation: 'ssm:ListCommandInvocations' },
	'lambda.functions': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(data)).toContain(seed.functionArn);
			expect(jsonOf(data)).toContain(seed.functionRoleArn);
			// Found through tag:GetResources, read with GetFunctionConfiguration: the environment is dropped.
			expect(jsonOf(data)).not.toContain(lab2Names.functionSecret);
		},
	},
	'lambda.function-tags': {
		moto: 'implemented',
		check: (data, seed) => expect(resourceData(data, seed.functionArn)).toEqual({ 'sre-lab': 'lab2' }),
	},
	'lambda.function-policies': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(resourceData(data, seed.functionArn))).toContain('events.amazonaws.com'),
	},
	// The policies are read; the simulation inside each role's data is the error.
	'iam.lambda-execution-roles': {
		moto: 'not-implemented',
		operation: 'iam:SimulatePrincipalPolicy',
		perResource: true,
		check: (data, seed) => {
			const role = jsonOf(resourceData(data, seed.functionRoleArn));
			expect(role).toContain('ec2:DeleteSnapshot');
		},
	},
	'events.scheduled-rules': {
		moto: 'implemented',
		check: (data, seed) => {
			const rule = jsonOf(resourceData(data, lab2Names.rule));
			expect(rule).toContain('rate(1 day)');
			expect(rule).toContain(seed.functionArn);
		},
	},
	'scheduler.lambda-schedules': {
		moto: 'implemented',
		check: (data, seed) => {
			const schedule = jsonOf(resourceData(data, `default/${lab2Names.schedule}`));
			expect(schedule).toContain(seed.functionArn);
			expect(schedule).toContain(seed.schedulerRoleArn);
		},
	},
	'iam.scheduler-roles': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(resourceData(data, seed.schedulerRoleArn))).toContain('lambda:InvokeFunction'),
	},
	// GetMetricData is answered; moto keeps no Lambda metrics, so the seeded function's periods are empty.
	'cloudwatch.lambda-invocation-periods': {
		moto: 'implemented',
		check: (data) => expect(jsonOf(data)).toContain(lab2Names.function),
	},
	'ec2.lab-snapshots': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(data)).toContain(seed.snapshotId);
			expect(jsonOf(data)).toContain('DeleteAfter');
		},
	},
	'cloudtrail.snapshot-deletion-events': { moto: 'not-implemented', operation: 'cloudtrail:LookupEvents' },
};
