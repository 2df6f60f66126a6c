import { describe, expect, it } from 'vitest';
import { iamPrefixForClient } from '../../../../graders/engine/aws-services.ts';
import { generateGraderPolicy } from '../../../../graders/engine/policy.ts';
import { lab2 } from '../../../../graders/labs/lab2/index.ts';
import { collectLab2 } from './support/collect-lab2.ts';
import { completeLab2Account } from './support/lab2-account.ts';

const clientNames: Record<string, string> = {
	sts: 'STSClient',
	ec2: 'EC2Client',
	ssm: 'SSMClient',
	lambda: 'LambdaClient',
	iam: 'IAMClient',
	events: 'EventBridgeClient',
	scheduler: 'SchedulerClient',
	cloudwatch: 'CloudWatchClient',
};

describe('lab2 grader IAM policy', () => {
	it('allows every call the Lab 2 collectors make against a complete account', async () => {
		const made = new Set<string>();
		await collectLab2(completeLab2Account(), {
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
			'lambda:ListTags',
		]) {
			expect(made).toContain(dependent);
		}
		expect([...made].filter((action) => !allowed.has(action))).toEqual([]);
	});
});
