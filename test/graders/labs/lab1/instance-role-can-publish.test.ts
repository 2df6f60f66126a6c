import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../../../graders/collectors/ec2/instances.ts';
import type { InstanceProfile } from '../../../../graders/collectors/iam/instance-profile-roles.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'instance-role-can-publish';
const profileArn = 'arn:aws:iam::123456789012:instance-profile/lab1-web-profile';

const withPolicies = (documents: unknown[]) =>
	editRead<PerResource<InstanceProfile>>(loadFixture('passing'), 'iam.instance-profile-roles', (profiles) => {
		const outcome = profiles[profileArn];
		if (!outcome?.ok) throw new Error('fixture profile missing');
		const role = outcome.data.roles[0];
		if (!role) throw new Error('fixture role missing');
		role.policies = documents.map((document, index) => ({ source: `inline:p${index}`, document }));
	});

describe(id, () => {
	it('passes with CloudWatchAgentServerPolicy attached', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			'Role lab1-web-role of i-0a1b2c3d4e5f60718 allows cloudwatch:PutMetricData, logs:CreateLogStream, logs:PutLogEvents.',
		);
		expect(result.evidence).toContain('arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy');
	});

	it('passes with equivalent inline statements using wildcards and scoped resources', () => {
		const result = gradeCheck(
			withPolicies([
				{ Statement: [{ Effect: 'Allow', Action: 'cloudwatch:Put*', Resource: '*' }] },
				{
					Statement: {
						Effect: 'Allow',
						Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
						Resource: 'arn:aws:logs:*:*:log-group:/sre-lab/*',
					},
				},
			]),
			id,
		);
		expect(result.status).toBe('pass');
	});

	it('fails and names the missing actions', () => {
		const result = gradeCheck(
			withPolicies([{ Statement: [{ Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' }] }]),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			'role lab1-web-role of i-0a1b2c3d4e5f60718 does not allow logs:CreateLogStream, logs:PutLogEvents',
		);
	});

	it('fails when an explicit Deny takes a permission away', () => {
		const result = gradeCheck(
			withPolicies([
				{ Statement: [{ Effect: 'Allow', Action: ['cloudwatch:PutMetricData', 'logs:*'], Resource: '*' }] },
				{ Statement: [{ Effect: 'Deny', Action: 'logs:PutLogEvents', Resource: '*' }] },
			]),
			id,
		);
		expect(result.message).toContain('does not allow logs:PutLogEvents');
	});

	it('fails when the instance has no instance profile', () => {
		const snapshot = editRead<Ec2Instance[]>(loadFixture('passing'), 'ec2.instances', (instances) =>
			instances.map((instance) => ({ ...instance, instanceProfileArn: null })),
		);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('i-0a1b2c3d4e5f60718 has no instance profile');
	});

	it('is an error when the instance profile could not be read', () => {
		const snapshot = editRead<PerResource<InstanceProfile>>(
			loadFixture('passing'),
			'iam.instance-profile-roles',
			() => ({
				[profileArn]: { ok: false, error: accessDenied('iam:GetInstanceProfile') },
			}),
		);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('iam:GetInstanceProfile');
	});

	it('is skipped with "complete step 1 first" when the instance check fails', () => {
		const snapshot = failRead(
			loadFixture('passing'),
			'ec2.security-groups',
			accessDenied('ec2:DescribeSecurityGroups'),
		);
		const noTag = editRead<Ec2Instance[]>(loadFixture('passing'), 'ec2.instances', () => []);
		expect(gradeCheck(noTag, id)).toMatchObject({
			status: 'skipped',
			message: expect.stringMatching(/^Complete step 1 first/),
		});
		expect(gradeCheck(snapshot, id).status).toBe('skipped');
	});
});
