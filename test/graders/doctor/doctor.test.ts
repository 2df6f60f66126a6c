import { DescribeRegionsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { GetRoleCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetAccountSettingsCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { instanceProfileActions, roleActions } from '../../../graders/doctor/lab-iam-needs.ts';
import {
	accessDenied,
	accountId,
	type DoctorAccount,
	doctorOn,
	findingOf,
	simulator,
	ssoRoleArn,
	ssoRoleName,
	ssoSessionArn,
} from './support/doctor-account.ts';

const statuses = (report: { findings: { id: string; status: string }[] }) =>
	Object.fromEntries(report.findings.map((finding) => [finding.id, finding.status]));

describe('sre-lab doctor on an account ready for the labs', () => {
	it('passes every finding and says so', async () => {
		const { report } = await doctorOn('eu-west-1');
		expect(statuses(report)).toEqual({
			credentials: 'pass',
			region: 'pass',
			'default-vpc': 'pass',
			'lambda-concurrency': 'pass',
			'iam-roles': 'pass',
			fis: 'pass',
			'config-recorder': 'pass',
			node: 'pass',
		});
		expect(report).toMatchObject({ format: 'sre-lab-doctor', outcome: 'pass', accountId, region: 'eu-west-1' });
		expect(findingOf(report, 'credentials').message).toBe(`Account ${accountId} as ${ssoSessionArn}.`);
		expect(findingOf(report, 'default-vpc').message).toBe('vpc-0a1b2c3d4e5f60718 (172.31.0.0/16) in eu-west-1.');
	});

	it('asks exactly what each finding needs, in the learner’s Region', async () => {
		const { calls } = await doctorOn('eu-west-1');
		expect(calls.describeRegions).toEqual([{ input: { AllRegions: true }, region: 'eu-west-1' }]);
		expect(calls.describeVpcs).toEqual([
			{ input: { Filters: [{ Name: 'is-default', Values: ['true'] }], MaxResults: 5 }, region: 'eu-west-1' },
		]);
		expect(calls.getAccountSettings.map((call) => call.region)).toEqual(['eu-west-1']);
		expect(calls.getAction).toEqual([{ input: { id: 'aws:lambda:invocation-add-delay' }, region: 'eu-west-1' }]);
		// No name: the customer-managed recorder only; without one there is no status to ask for.
		expect(calls.describeRecorders).toEqual([{ input: {}, region: 'eu-west-1' }]);
		expect(calls.describeRecorderStatus).toEqual([]);
		// One identity read: the account-wide and the Region's reads share the Region here.
		expect(calls.callerIdentity).toHaveLength(1);
	});

	it('simulates the SSO role by its full ARN (with path, from GetRole) on the labs’ own roles and instance profiles', async () => {
		const { calls } = await doctorOn('eu-west-1');
		expect(calls.getRole.map((call) => call.input)).toEqual([{ RoleName: ssoRoleName }]);
		expect(calls.simulate.map((call) => call.input)).toEqual([
			{
				PolicySourceArn: ssoRoleArn,
				ActionNames: [...roleActions],
				ResourceArns: [
					`arn:aws:iam::${accountId}:role/sre-lab1-web`,
					`arn:aws:iam::${accountId}:role/sre-lab2-fleet`,
					`arn:aws:iam::${accountId}:role/sre-lab2-cleanup`,
					`arn:aws:iam::${accountId}:role/sre-lab2-scheduler`,
					`arn:aws:iam::${accountId}:role/sre-lab3-app-OrdersRole-EXAMPLE`,
					`arn:aws:iam::${accountId}:role/sre-lab4-fis`,
					`arn:aws:iam::${accountId}:role/sre-lab4-automation`,
					`arn:aws:iam::${accountId}:role/sre-lab4-events`,
				],
				MaxItems: 100,
			},
			{
				PolicySourceArn: ssoRoleArn,
				ActionNames: [...instanceProfileActions],
				ResourceArns: [
					`arn:aws:iam::${accountId}:instance-profile/sre-lab1-web`,
					`arn:aws:iam::${accountId}:instance-profile/sre-lab2-fleet`,
				],
				MaxItems: 100,
			},
		]);
	});
});

describe('doctor: credentials and account', () => {
	it('warns when the root user is signed in, and says the simulator cannot evaluate root', async () => {
		const { report, calls } = await doctorOn('eu-west-1', ({ sts }) => {
			sts
				.on(GetCallerIdentityCommand)
				.resolves({ UserId: accountId, Account: accountId, Arn: `arn:aws:iam::${accountId}:root` });
		});
		expect(findingOf(report, 'credentials')).toMatchObject({
			status: 'warn',
			fix: expect.stringContaining('everyday identity'),
		});
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'error',
			message: expect.stringContaining('cannot evaluate it'),
		});
		expect(calls.simulate).toEqual([]);
	});

	it('fails with the engine’s advice when there are no credentials, and checks nothing else against AWS', async () => {
		const { report, calls } = await doctorOn('eu-west-1', ({ sts }) => {
			sts.on(GetCallerIdentityCommand).rejects(
				Object.assign(new Error('Could not load credentials from any providers'), {
					name: 'CredentialsProviderError',
				}),
			);
		});
		expect(findingOf(report, 'credentials')).toMatchObject({
			status: 'fail',
			message: expect.stringMatching(/^No AWS credentials found/),
		});
		expect(statuses(report)).toMatchObject({
			region: 'skipped',
			'default-vpc': 'skipped',
			'lambda-concurrency': 'skipped',
			'iam-roles': 'skipped',
			fis: 'skipped',
			'config-recorder': 'skipped',
		});
		expect(report.outcome).toBe('fail');
		expect(calls.describeVpcs).toEqual([]);
	});

	it('cannot tell (error, not fail) when AWS cannot be reached', async () => {
		const { report } = await doctorOn('eu-west-1', ({ sts }) => {
			sts
				.on(GetCallerIdentityCommand)
				.rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }));
		});
		expect(findingOf(report, 'credentials').status).toBe('error');
		expect(report.outcome).toBe('error');
	});
});

describe('doctor: the Region', () => {
	it('fails with the fix when no Region is set, and skips the Region’s own findings', async () => {
		const { report, calls } = await doctorOn(null);
		expect(findingOf(report, 'region')).toMatchObject({ status: 'fail', fix: expect.stringContaining('--region') });
		expect(statuses(report)).toMatchObject({
			'default-vpc': 'skipped',
			'lambda-concurrency': 'skipped',
			'iam-roles': 'pass',
		});
		expect(calls.describeRegions.map((call) => call.region)).toEqual(['us-east-1']);
		expect(calls.describeVpcs).toEqual([]);
	});

	it('fails for an opt-in Region the account has not enabled, asks from a Region every account has, and reads nothing there', async () => {
		const { report, calls } = await doctorOn('af-south-1');
		expect(findingOf(report, 'region')).toMatchObject({
			status: 'fail',
			message: expect.stringContaining('not enabled'),
			fix: expect.stringContaining('aws account enable-region --region-name af-south-1'),
		});
		expect(calls.describeRegions.map((call) => call.region)).toEqual(['us-east-1']);
		expect(calls.describeVpcs).toEqual([]);
		expect(calls.getAction).toEqual([]);
		expect(calls.describeRecorders).toEqual([]);
		expect(statuses(report)).toMatchObject({
			'default-vpc': 'skipped',
			'lambda-concurrency': 'skipped',
			fis: 'skipped',
			'config-recorder': 'skipped',
		});
	});

	it('passes an enabled opt-in Region and reads its default VPC and concurrency there', async () => {
		const { report, calls } = await doctorOn('eu-south-2');
		expect(findingOf(report, 'region')).toMatchObject({
			status: 'pass',
			message: expect.stringContaining('opt-in Region enabled'),
		});
		expect(calls.describeRegions.map((call) => call.region)).toEqual(['us-east-1']);
		expect(calls.describeVpcs.map((call) => call.region)).toEqual(['eu-south-2']);
		expect(calls.getAccountSettings.map((call) => call.region)).toEqual(['eu-south-2']);
		expect(calls.getAction.map((call) => call.region)).toEqual(['eu-south-2']);
		expect(calls.describeRecorders.map((call) => call.region)).toEqual(['eu-south-2']);
		expect(findingOf(report, 'default-vpc').status).toBe('pass');
	});

	it('fails a misspelt Region without calling it', async () => {
		const { report, calls } = await doctorOn('eu-wset-1');
		expect(findingOf(report, 'region')).toMatchObject({
			status: 'fail',
			message: '"eu-wset-1" is not a Region of this account\'s partition.',
		});
		expect(calls.describeVpcs).toEqual([]);
	});

	it('still passes when the Region list is denied (an SCP) but the Region answers', async () => {
		const { report } = await doctorOn('eu-south-2', ({ ec2 }) => {
			ec2.on(DescribeRegionsCommand).rejects(accessDenied('ec2:DescribeRegions'));
		});
		expect(findingOf(report, 'region')).toMatchObject({
			status: 'pass',
			message: 'eu-south-2 answers for this account.',
		});
	});

	it('fails when the Region list is denied and the Region refuses the credentials it does not know', async () => {
		const { report } = await doctorOn('eu-south-2', ({ ec2, sts }) => {
			ec2.on(DescribeRegionsCommand).rejects(accessDenied('ec2:DescribeRegions'));
			// AWS's answer in an opt-in Region that is not enabled (the account region's call still works).
			sts
				.on(GetCallerIdentityCommand)
				.resolvesOnce({ Account: accountId, Arn: ssoSessionArn })
				.rejects(
					Object.assign(new Error('The security token included in the request is invalid.'), {
						name: 'InvalidClientTokenId',
					}),
				);
		});
		expect(findingOf(report, 'region')).toMatchObject({
			status: 'fail',
			message: expect.stringContaining('enable before use'),
		});
	});
});

describe('doctor: default VPC', () => {
	it('fails with `aws ec2 create-default-vpc` when the Region has none', async () => {
		const { report } = await doctorOn('eu-west-1', ({ ec2 }) => {
			ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
		});
		expect(findingOf(report, 'default-vpc')).toMatchObject({
			status: 'fail',
			fix: expect.stringContaining('aws ec2 create-default-vpc --region eu-west-1'),
		});
		expect(report.outcome).toBe('fail');
	});

	it('cannot tell when DescribeVpcs is denied', async () => {
		const { report } = await doctorOn('eu-west-1', ({ ec2 }) => {
			ec2.on(DescribeVpcsCommand).rejects(
				Object.assign(new Error('You are not authorized to perform this operation.'), {
					name: 'UnauthorizedOperation',
				}),
			);
		});
		expect(findingOf(report, 'default-vpc')).toMatchObject({
			status: 'error',
			message: expect.stringContaining('ec2:DescribeVpcs'),
		});
	});
});

describe('doctor: Lambda concurrency for Lab 3', () => {
	const withConcurrency =
		(total: number, unreserved: number) =>
		({ lambda }: DoctorAccount) => {
			lambda.on(GetAccountSettingsCommand).resolves({
				AccountLimit: {
					ConcurrentExecutions: total,
					UnreservedConcurrentExecutions: unreserved,
					CodeSizeUnzipped: 262144000,
					CodeSizeZipped: 52428800,
					TotalCodeSize: 80530636800,
				},
				AccountUsage: { FunctionCount: 1, TotalCodeSize: 4096 },
			});
		};

	it('warns a new account’s reduced quota (10) and names the --rate that fits', async () => {
		const { report } = await doctorOn('eu-west-1', withConcurrency(10, 10));
		expect(findingOf(report, 'lambda-concurrency')).toMatchObject({
			status: 'warn',
			message: expect.stringContaining('10 concurrent executions'),
			fix: expect.stringMatching(/^In Lab 3, start the load generator with --rate 1 /),
		});
		expect(report.outcome).toBe('pass');
	});

	it('compares with the unreserved share, not the account total', async () => {
		const { report } = await doctorOn('eu-west-1', withConcurrency(1000, 20));
		expect(findingOf(report, 'lambda-concurrency')).toMatchObject({
			status: 'warn',
			fix: expect.stringContaining('--rate 3 '),
		});
	});

	it('fails when not even --rate 1 fits', async () => {
		const { report } = await doctorOn('eu-west-1', withConcurrency(5, 5));
		expect(findingOf(report, 'lambda-concurrency')).toMatchObject({
			status: 'fail',
			fix: expect.stringMatching(/^Ask for more/),
		});
	});

	it('cannot tell when GetAccountSettings is throttled', async () => {
		const { report } = await doctorOn('eu-west-1', ({ lambda }) => {
			lambda.on(GetAccountSettingsCommand).rejects(
				Object.assign(new Error('Rate exceeded'), {
					name: 'TooManyRequestsException',
					$metadata: { httpStatusCode: 429 },
				}),
			);
		});
		expect(findingOf(report, 'lambda-concurrency').status).toBe('error');
		expect(report.outcome).toBe('error');
	});
});

describe('doctor: permission to create and pass IAM roles', () => {
	it('fails PowerUserAccess-like permissions, naming every denied action', async () => {
		const { report } = await doctorOn('eu-west-1', ({ iam }) => {
			iam.on(SimulatePrincipalPolicyCommand).callsFake(simulator(() => 'implicitDeny'));
		});
		const finding = findingOf(report, 'iam-roles');
		expect(finding.status).toBe('fail');
		for (const action of [...roleActions, ...instanceProfileActions]) expect(finding.message).toContain(action);
		expect(finding.fix).toContain('AdministratorAccess');
	});

	it('names Lab 4 when only its roles are denied (the FIS experiment role is passed to AWS FIS)', async () => {
		const { report } = await doctorOn('eu-west-1', ({ iam }) => {
			iam
				.on(SimulatePrincipalPolicyCommand)
				.callsFake(
					simulator((action, resource) =>
						action === 'iam:PassRole' && resource.includes('/sre-lab4-') ? 'implicitDeny' : 'allowed',
					),
				);
		});
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'fail',
			message: `${ssoRoleArn} may not: iam:PassRole (Lab 4).`,
		});
	});

	it('reads each resource’s own decision: PassRole denied only for Lab 3’s role is named for Lab 3', async () => {
		const { report } = await doctorOn('eu-west-1', ({ iam }) => {
			iam
				.on(SimulatePrincipalPolicyCommand)
				.callsFake(
					simulator((action, resource) =>
						action === 'iam:PassRole' && resource.includes('sre-lab3') ? 'implicitDeny' : 'allowed',
					),
				);
		});
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'fail',
			message: `${ssoRoleArn} may not: iam:PassRole (Lab 3).`,
		});
	});

	it('reads the older answer shape too (one result per action and resource)', async () => {
		const { report } = await doctorOn('eu-west-1', ({ iam }) => {
			iam.on(SimulatePrincipalPolicyCommand).callsFake((input) => ({
				IsTruncated: false,
				EvaluationResults: (input.ActionNames ?? []).flatMap((action: string) =>
					(input.ResourceArns ?? []).map((resource: string) => ({
						EvalActionName: action,
						EvalResourceName: resource,
						EvalDecision:
							action === 'iam:CreateInstanceProfile' && resource.endsWith('/sre-lab2-fleet')
								? 'explicitDeny'
								: 'allowed',
						MatchedStatements: [],
						MissingContextValues: [],
					})),
				),
			}));
		});
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'fail',
			message: expect.stringContaining('iam:CreateInstanceProfile (Lab 2)'),
		});
	});

	it('follows the simulator’s pages (Marker) to the last one', async () => {
		// The paginator reuses its input object, so the markers are recorded as each page is asked for.
		const markers: (string | undefined)[] = [];
		const { report } = await doctorOn('eu-west-1', ({ iam }) => {
			const full = simulator((action) => (action === 'iam:DeleteRole' ? 'implicitDeny' : 'allowed'));
			iam.on(SimulatePrincipalPolicyCommand).callsFake((input) => {
				markers.push(input.Marker);
				const results = full(input).EvaluationResults;
				if (input.Marker) return { IsTruncated: false, EvaluationResults: results.slice(3) };
				return { IsTruncated: true, Marker: 'page-2', EvaluationResults: results.slice(0, 3) };
			});
		});
		expect(markers).toEqual([undefined, 'page-2', undefined, 'page-2']);
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'fail',
			message: expect.stringContaining('iam:DeleteRole (Lab 1, Lab 2, Lab 3, Lab 4)'),
		});
	});

	it('says plainly that it could not check when the simulation itself is denied (never a fail)', async () => {
		const { report } = await doctorOn('eu-west-1', ({ iam }) => {
			iam.on(SimulatePrincipalPolicyCommand).rejects(accessDenied('iam:SimulatePrincipalPolicy'));
		});
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'error',
			message: expect.stringMatching(/^Could not check: your identity may not call iam:SimulatePrincipalPolicy/),
		});
		expect(report.outcome).toBe('error');
	});

	it('without GetRole, simulates a role at the root path, and says so', async () => {
		const roleName = 'SandboxAdmin';
		const { report, calls } = await doctorOn('eu-west-1', ({ sts, iam }) => {
			sts
				.on(GetCallerIdentityCommand)
				.resolves({ Account: accountId, Arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/alice` });
			iam.on(GetRoleCommand).rejects(accessDenied('iam:GetRole'));
		});
		expect(calls.simulate[0]?.input.PolicySourceArn).toBe(`arn:aws:iam::${accountId}:role/${roleName}`);
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'pass',
			message: expect.stringContaining('iam:GetRole was denied'),
		});
	});

	it('names iam:GetRole when the role has a path that only GetRole could tell', async () => {
		const { report } = await doctorOn('eu-west-1', ({ iam }) => {
			iam.on(GetRoleCommand).rejects(accessDenied('iam:GetRole'));
			iam.on(SimulatePrincipalPolicyCommand).rejects(
				Object.assign(new Error(`The role with name ${ssoRoleName} cannot be found.`), {
					name: 'NoSuchEntityException',
					$metadata: { httpStatusCode: 404 },
				}),
			);
		});
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'error',
			message: expect.stringContaining('may not call iam:GetRole'),
		});
	});

	it('simulates an IAM user by its own ARN, without GetRole', async () => {
		const userArn = `arn:aws:iam::${accountId}:user/division_abc/subdivision_xyz/Alice`;
		const { calls } = await doctorOn('eu-west-1', ({ sts }) => {
			sts.on(GetCallerIdentityCommand).resolves({ UserId: 'AIDACKCEVSQ6C2EXAMPLE', Account: accountId, Arn: userArn });
		});
		expect(calls.getRole).toEqual([]);
		expect(calls.simulate.map((call) => call.input.PolicySourceArn)).toEqual([userArn, userArn]);
	});

	it('cannot simulate a federated user session, and says why', async () => {
		const { report, calls } = await doctorOn('eu-west-1', ({ sts }) => {
			sts
				.on(GetCallerIdentityCommand)
				.resolves({ Account: accountId, Arn: `arn:aws:sts::${accountId}:federated-user/my-federated-user-name` });
		});
		expect(calls.simulate).toEqual([]);
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'error',
			message: expect.stringContaining('session policy'),
		});
	});

	it('cannot tell when the only denials hang on condition keys the simulation had no value for', async () => {
		const { report } = await doctorOn('eu-west-1', ({ iam }) => {
			iam.on(SimulatePrincipalPolicyCommand).callsFake((input) => {
				const answer = simulator(() => 'allowed')(input);
				for (const result of answer.EvaluationResults) {
					if (result.EvalActionName !== 'iam:PassRole') continue;
					result.EvalDecision = 'implicitDeny';
					result.MissingContextValues = ['iam:PassedToService'];
					for (const entry of result.ResourceSpecificResults ?? []) {
						entry.EvalResourceDecision = 'implicitDeny';
						entry.MissingContextValues = ['iam:PassedToService'];
					}
				}
				return answer;
			});
		});
		expect(findingOf(report, 'iam-roles')).toMatchObject({
			status: 'error',
			message: expect.stringContaining('iam:PassedToService'),
		});
	});
});

describe('doctor: Node.js', () => {
	it('passes Node 20 and fails Node 18', async () => {
		expect(findingOf((await doctorOn('eu-west-1', undefined, '20.20.2')).report, 'node').status).toBe('pass');
		const { report } = await doctorOn('eu-west-1', undefined, '18.19.1');
		expect(findingOf(report, 'node')).toMatchObject({ status: 'fail', fix: expect.stringContaining('CloudShell') });
	});
});
