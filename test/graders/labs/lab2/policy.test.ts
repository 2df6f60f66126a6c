import { describe, expect, it } from 'vitest';
import { iamPrefixForClient } from '../../../../graders/engine/aws-services.ts';
import { generateGraderPolicy } from '../../../../graders/engine/policy.ts';
import { lab2 } from '../../../../graders/labs/lab2/index.ts';
import { collectLab2 } from './support/collect-lab2.ts';
import { completeLab2Account, fleetIds } from './support/lab2-account.ts';

const clientNames: Record<string, string> = {
	sts: 'STSClient',
	ec2: 'EC2Client',
	ssm: 'SSMClient',
	tagging: 'ResourceGroupsTaggingAPIClient',
	lambda: 'LambdaClient',
	iam: 'IAMClient',
	events: 'EventBridgeClient',
	scheduler: 'SchedulerClient',
	cloudwatch: 'CloudWatchClient',
	resourceGroups: 'ResourceGroupsClient',
	cloudtrail: 'CloudTrailClient',
};

describe('lab2 grader IAM policy', () => {
	it('allows every call the Lab 2 collectors make against a complete account', async () => {
		const made = new Set<string>();
		// Beyond the reference solution: an association that installs on a resource group, and has run.
		const account = completeLab2Account();
		account.associations.push({
			id: '0a2b0000-7777-8888-9999-000000000001',
			name: 'lab2-patch-group',
			document: 'AWS-RunPatchBaseline',
			targets: [{ Key: 'resource-groups:Name', Values: ['lab2-fleet'] }],
			schedule: 'cron(0 4 ? * SUN *)',
			parameters: { Operation: ['Install'] },
			runs: [
				{
					id: '0a2b0000-7777-8888-9999-0000000000e1',
					version: '1',
					createdAt: '2026-11-22T04:00:00.000Z',
					targets: fleetIds.map((instanceId) => ({ instanceId, status: 'Success' })),
				},
			],
		});
		account.resourceGroups = {
			'lab2-fleet': {
				type: 'TAG_FILTERS_1_0',
				query: {
					ResourceTypeFilters: ['AWS::EC2::Instance'],
					TagFilters: [{ Key: 'PatchGroup', Values: ['lab2-fleet'] }],
				},
			},
		};
		await collectLab2(account, {
			pageSize: 1,
			after: (mocks) => {
				for (const [key, mock] of Object.entries(mocks)) {
					if (typeof mock === 'function') continue;
					const prefix = iamPrefixForClient(clientNames[key] ?? key);
					for (const call of mock.calls())
						made.add(`${prefix}:${(call.args[0] as object).constructor.name.replace(/Command$/, '')}`);
				}
			},
		});
		const allowed = new Set(generateGraderPolicy(lab2.collectors).Statement.flatMap((statement) => statement.Action));
		// The caller's identity is always read and needs no permission.
		made.delete('sts:GetCallerIdentity');
		for (const dependent of [
			'ssm:GetMaintenanceWindowTask',
			'ssm:DescribeAssociation',
			'iam:SimulatePrincipalPolicy',
			'scheduler:GetSchedule',
			'tag:GetResources',
			'lambda:GetFunctionConfiguration',
			'ssm:ListAssociationVersions',
			'ssm:DescribeAssociationExecutions',
			'ssm:DescribeAssociationExecutionTargets',
			'resource-groups:GetGroupQuery',
			'cloudtrail:LookupEvents',
		]) {
			expect(made).toContain(dependent);
		}
		expect([...made].filter((action) => !allowed.has(action))).toEqual([]);
	});
});
