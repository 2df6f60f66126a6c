import { describe, expect, it } from 'vitest';
import { callerIdentity } from '../../../graders/collectors/sts/caller-identity.ts';
import { doctorReads } from '../../../graders/doctor/reads/index.ts';
import { iamPrefixForClient } from '../../../graders/engine/aws-services.ts';
import { declaredOperations } from '../../../graders/engine/declared-reads.ts';
import { isReadOperation, refusalReason } from '../../../graders/engine/read-only-guard.ts';
import { getLab } from '../../../graders/labs/index.ts';
import { checkedAt, mockReadyAccount } from '../doctor/support/doctor-account.ts';
import * as lab2Account from '../labs/lab2/support/lab2-account.ts';
import * as lab3Account from '../labs/lab3/support/lab3-account.ts';
import * as lab4Account from '../labs/lab4/support/lab4-account.ts';
import { collectFromMockedAccount, type MockedAccount } from '../support/collect-mocked.ts';
import * as lab1Account from '../support/lab1-account.ts';

describe('isReadOperation', () => {
	it.each([
		'DescribeInstances',
		'ListMetrics',
		'GetPolicyVersion',
		'BatchGetTraces',
		'LookupEvents',
		'SimulatePrincipalPolicy',
		'TestMetricFilter',
		'FilterLogEvents',
	])('allows %s', (operation) => expect(isReadOperation(operation)).toBe(true));
	it.each([
		'PutMetricFilter',
		'DeleteLogGroup',
		'CreateTopic',
		'RunInstances',
		'StartQuery',
		'Subscribe',
		'AssumeRole',
		'Invoke',
		'TagResource',
		'',
		// Test*/Simulate* names that act for real: only reviewed ones count as reads.
		'TestRepositoryTriggers',
		'TestAlarm',
		'TestIdentityProvider',
		'TestType',
		'TestInvokeMethod',
	])('refuses %s', (operation) => expect(isReadOperation(operation)).toBe(false));
});

describe('refusalReason', () => {
	const declared = (...actions: string[]) => declaredOperations([{ iamActions: actions }]);

	it('allows a declared read and refuses a read nobody declared', () => {
		const allowed = declared('ec2:DescribeInstances');
		expect(refusalReason('ec2', 'DescribeInstances', {}, allowed)).toBeNull();
		expect(refusalReason('ec2', 'DescribeVpcs', {}, allowed)).toMatch(/refused ec2:DescribeVpcs: no read in use/);
		// Same operation name, other service: the allow-list is per service.
		expect(refusalReason('rds', 'DescribeInstances', {}, allowed)).not.toBeNull();
	});

	it('refuses a declared write: the read-verb rule stays as a second line', () => {
		expect(refusalReason('ec2', 'RunInstances', {}, declared('ec2:RunInstances'))).toMatch(/only read/);
	});

	it.each([
		['sts', 'GetSessionToken'],
		['sts', 'GetFederationToken'],
		['sts', 'AssumeRole'],
		['secretsmanager', 'GetSecretValue'],
		['secretsmanager', 'BatchGetSecretValue'],
		['s3', 'GetObject'],
		['elasticache', 'TestFailover'],
		['states', 'TestState'],
		['sfn', 'TestState'],
		['redshift', 'GetClusterCredentials'],
		['redshift', 'GetClusterCredentialsWithIAM'],
		['ecr', 'GetAuthorizationToken'],
		['ec2', 'GetPasswordData'],
		['lambda', 'GetFunction'],
		['lambda', 'ListFunctions'],
		['lambda', 'ListVersionsByFunction'],
		['kms', 'Decrypt'],
		['apigateway', 'TestInvokeMethod'],
	])('refuses %s:%s even when a collector declares it', (service, operation) => {
		const reason = refusalReason(service, operation, {}, declared(`${service}:${operation}`));
		expect(reason).toMatch(new RegExp(`^refused ${service}:${operation}: .*never read secrets`));
	});

	it.each(['GetParameter', 'GetParameters', 'GetParametersByPath', 'GetParameterHistory'])(
		'refuses ssm:%s with WithDecryption true, and allows it without',
		(operation) => {
			const allowed = declared(`ssm:${operation}`);
			expect(refusalReason('ssm', operation, { Path: '/sre-lab', WithDecryption: true }, allowed)).toMatch(
				/WithDecryption would decrypt SecureString values/,
			);
			expect(refusalReason('ssm', operation, { Path: '/sre-lab', WithDecryption: false }, allowed)).toBeNull();
			expect(refusalReason('ssm', operation, { Path: '/sre-lab' }, allowed)).toBeNull();
		},
	);

	it('refuses API key values and user data, which ride on otherwise harmless reads', () => {
		expect(
			refusalReason('apigateway', 'GetApiKeys', { includeValues: true }, declared('apigateway:GetApiKeys')),
		).toMatch(/API key values/);
		expect(
			refusalReason(
				'ec2',
				'DescribeInstanceAttribute',
				{ InstanceId: 'i-1', Attribute: 'userData' },
				declared('ec2:DescribeInstanceAttribute'),
			),
		).toMatch(/user data/);
	});

	it('takes the SDK operations from `operations` when they differ from the IAM actions (API Gateway)', () => {
		const allowed = declaredOperations([{ iamActions: ['apigateway:GET'], operations: ['apigateway:GetStages'] }]);
		expect(refusalReason('apigateway', 'GetStages', { ApiId: 'a1' }, allowed)).toBeNull();
		expect(refusalReason('apigateway', 'GetApiKeys', {}, allowed)).not.toBeNull();
	});
});

/** The `service:Operation` and input of every call a set of aws-sdk-client-mock stubs received. */
function callsOf(mocks: object): { action: string; input: unknown }[] {
	const calls: { action: string; input: unknown }[] = [];
	for (const mock of Object.values(mocks)) {
		if (typeof mock !== 'object' || mock === null || !('calls' in mock) || !('clientName' in mock)) continue;
		const stub = mock as { clientName(): string; calls(): { args: unknown[] }[] };
		const service = iamPrefixForClient(stub.clientName());
		for (const call of stub.calls()) {
			const command = call.args[0] as { constructor: { name: string }; input: unknown };
			calls.push({ action: `${service}:${command.constructor.name.replace(/Command$/, '')}`, input: command.input });
		}
	}
	return calls;
}

describe('the allow-list derived from the collectors', () => {
	// aws-sdk-client-mock replaces `send`, so the middleware does not run in the simulated accounts:
	// judge each call they received with the guard's own rule instead.
	const accounts: [string, () => MockedAccount, string, Date][] = [
		[
			'lab1',
			() => lab1Account.mockLab1Account(lab1Account.completeLab1Account()),
			lab1Account.region,
			lab1Account.collectedAt,
		],
		[
			'lab2',
			() => lab2Account.mockLab2Account(lab2Account.completeLab2Account()),
			lab2Account.region,
			lab2Account.collectedAt,
		],
		[
			'lab3',
			() => lab3Account.mockLab3Account(lab3Account.completeLab3Account()),
			lab3Account.region,
			lab3Account.collectedAt,
		],
		[
			'lab4',
			() => lab4Account.mockLab4Account(lab4Account.completeLab4Account()),
			lab4Account.region,
			lab4Account.collectedAt,
		],
	];

	it.each(accounts)(
		'lets through every call the %s collectors make against a complete account',
		async (labId, install, region, at) => {
			const lab = getLab(labId);
			let calls: { action: string; input: unknown }[] = [];
			await collectFromMockedAccount({
				collectors: lab.collectors,
				installMocks: install,
				region,
				collectedAt: at,
				after: (mocks) => {
					calls = callsOf(mocks);
				},
			});
			const allowed = declaredOperations([callerIdentity, ...lab.collectors]);
			expect(calls.length).toBeGreaterThan(lab.collectors.length);
			expect(calls.filter((call) => refusalReason(...splitAction(call.action), call.input, allowed) !== null)).toEqual(
				[],
			);
		},
	);
});

describe('the allow-list of the doctor preflight', () => {
	it('lets through every call the doctor reads make against a ready account', async () => {
		let calls: { action: string; input: unknown }[] = [];
		await collectFromMockedAccount({
			collectors: doctorReads,
			installMocks: mockReadyAccount,
			region: 'eu-west-1',
			collectedAt: checkedAt,
			after: (mocks) => {
				calls = callsOf(mocks);
			},
		});
		const allowed = declaredOperations([callerIdentity, ...doctorReads]);
		expect(calls.map((call) => call.action)).toEqual(
			expect.arrayContaining(['ec2:DescribeRegions', 'lambda:GetAccountSettings', 'iam:SimulatePrincipalPolicy']),
		);
		expect(calls.filter((call) => refusalReason(...splitAction(call.action), call.input, allowed) !== null)).toEqual(
			[],
		);
	});
});

function splitAction(action: string): [string, string] {
	const [service = '', operation = ''] = action.split(':');
	return [service, operation];
}
