/**
 * A learner's account as the doctor sees it, simulated with aws-sdk-client-mock. Response shapes are
 * those of the AWS API references (STS GetCallerIdentity examples, EC2 DescribeRegions/DescribeVpcs,
 * Lambda GetAccountSettings, IAM GetRole and SimulatePrincipalPolicy with ResourceSpecificResults,
 * AWS Config DescribeConfigurationRecorders/DescribeConfigurationRecorderStatus, AWS FIS GetAction).
 */
import {
	ConfigServiceClient,
	type ConfigurationRecorder,
	DescribeConfigurationRecorderStatusCommand,
	DescribeConfigurationRecordersCommand,
} from '@aws-sdk/client-config-service';
import { DescribeRegionsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
	type GetActionCommandInput,
	type GetActionCommandOutput,
	GetActionCommand as UntypedGetAction,
} from '@aws-sdk/client-fis';
import {
	type EvaluationResult,
	GetRoleCommand,
	IAMClient,
	SimulatePrincipalPolicyCommand,
	type SimulatePrincipalPolicyCommandInput,
} from '@aws-sdk/client-iam';
import { GetAccountSettingsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCommand } from 'aws-sdk-client-mock';
import { mockClient } from 'aws-sdk-client-mock';
import { runDoctor } from '../../../../graders/doctor/run-doctor.ts';
import { type ClientProviderOptions, createClientProvider } from '../../../../graders/engine/clients.ts';
import { mockFis } from '../../support/fis-mock.ts';

/** FIS's GetAction, re-typed for the mock library as test/graders/support/fis-mock.ts explains. */
export const GetActionCommand = UntypedGetAction as unknown as new (
	input: GetActionCommandInput,
) => AwsCommand<GetActionCommandInput, GetActionCommandOutput>;

export const accountId = '123456789012';
export const checkedAt = new Date('2026-11-26T10:00:00Z');
/** IAM Identity Center puts its roles under a path, which a session ARN leaves out. */
export const ssoRoleName = 'AWSReservedSSO_AdministratorAccess_0123456789abcdef';
export const ssoRoleArn = `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/eu-west-1/${ssoRoleName}`;
export const ssoSessionArn = `arn:aws:sts::${accountId}:assumed-role/${ssoRoleName}/learner@example.com`;

const regionList = [
	{ RegionName: 'eu-west-1', Endpoint: 'ec2.eu-west-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
	{ RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
	{ RegionName: 'af-south-1', Endpoint: 'ec2.af-south-1.amazonaws.com', OptInStatus: 'not-opted-in' },
	{ RegionName: 'eu-south-2', Endpoint: 'ec2.eu-south-2.amazonaws.com', OptInStatus: 'opted-in' },
];

/** The simulator's answer for one action over several resources, each with its own decision. */
export function evaluation(action: string, decisions: Record<string, string>): EvaluationResult {
	const entries = Object.entries(decisions);
	const order = ['allowed', 'implicitDeny', 'explicitDeny'];
	const aggregate = entries.reduce(
		(worst, [, decision]) => (order.indexOf(decision) > order.indexOf(worst) ? decision : worst),
		'allowed',
	);
	return {
		EvalActionName: action,
		EvalDecision: aggregate as EvaluationResult['EvalDecision'],
		EvalDecisionDetails: {},
		MatchedStatements: [],
		MissingContextValues: [],
		ResourceSpecificResults: entries.map(([resource, decision]) => ({
			EvalResourceName: resource,
			EvalResourceDecision: decision as EvaluationResult['EvalDecision'] & string,
			MatchedStatements: [],
			MissingContextValues: [],
		})),
	};
}

/** Answers SimulatePrincipalPolicy with one decision per action and resource; `decide` picks it. */
export function simulator(decide: (action: string, resourceArn: string) => string) {
	return (input: SimulatePrincipalPolicyCommandInput) => ({
		IsTruncated: false,
		EvaluationResults: (input.ActionNames ?? []).map((action) =>
			evaluation(
				action,
				Object.fromEntries((input.ResourceArns ?? ['*']).map((resource) => [resource, decide(action, resource)])),
			),
		),
	});
}

export function accessDenied(action: string, callerArn = ssoSessionArn) {
	return Object.assign(
		new Error(
			`User: ${callerArn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
		),
		{ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } },
	);
}

/** GetAction's answer for the Lab 4 action (FIS API reference, Action; the Lambda action's parameters). */
export const fisLambdaDelayAction = {
	action: {
		id: 'aws:lambda:invocation-add-delay',
		arn: `arn:aws:fis:eu-west-1:${accountId}:action/aws:lambda:invocation-add-delay`,
		description: 'Add a startup delay to Lambda function invocations.',
		parameters: {
			duration: { description: 'The duration of the action.', required: true },
			invocationPercentage: { description: 'The percentage of invocations to affect.', required: false },
			startupDelayMilliseconds: { description: 'The delay to add, in milliseconds.', required: false },
		},
		targets: { Functions: { resourceType: 'aws:lambda:function' } },
		tags: {},
	},
};

/** The recorder Lab 4 step 6 creates, as DescribeConfigurationRecorders returns it (Config API reference). */
export const lab4Recorder: ConfigurationRecorder & { arn: string; name: string } = {
	arn: `arn:aws:config:eu-west-1:${accountId}:configuration-recorder/default/a1b2c3d4e5f6g7h8`,
	name: 'default',
	roleARN: `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
	recordingGroup: {
		allSupported: false,
		includeGlobalResourceTypes: false,
		resourceTypes: ['AWS::Lambda::Function'],
		exclusionByResourceTypes: { resourceTypes: [] },
		recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
	},
	recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
	recordingScope: 'PAID',
};

/** DescribeConfigurationRecorderStatus's entry for `lab4Recorder`, recording or stopped. */
export function lab4RecorderStatus(recording: boolean) {
	return {
		arn: lab4Recorder.arn,
		name: lab4Recorder.name,
		lastStartTime: new Date('2026-11-20T09:00:00Z'),
		...(recording ? {} : { lastStopTime: new Date('2026-11-21T17:00:00Z') }),
		recording,
		lastStatus: 'Success' as const,
		lastStatusChangeTime: new Date('2026-11-26T09:55:00Z'),
	};
}

/**
 * An account ready for the labs: an SSO administrator in eu-west-1, default VPC, full concurrency,
 * AWS FIS offering the Lambda delay action, and no Config recorder yet.
 */
export function mockReadyAccount() {
	const sts = mockClient(STSClient);
	sts
		.on(GetCallerIdentityCommand)
		.resolves({ UserId: 'AROAEXAMPLE:learner@example.com', Account: accountId, Arn: ssoSessionArn });
	const ec2 = mockClient(EC2Client);
	ec2.on(DescribeRegionsCommand).resolves({ Regions: regionList });
	ec2.on(DescribeVpcsCommand).resolves({
		Vpcs: [
			{
				VpcId: 'vpc-0a1b2c3d4e5f60718',
				CidrBlock: '172.31.0.0/16',
				State: 'available',
				IsDefault: true,
				OwnerId: accountId,
				InstanceTenancy: 'default',
				DhcpOptionsId: 'dopt-19edf471',
			},
		],
	});
	const lambda = mockClient(LambdaClient);
	lambda.on(GetAccountSettingsCommand).resolves({
		AccountLimit: {
			CodeSizeUnzipped: 262144000,
			CodeSizeZipped: 52428800,
			ConcurrentExecutions: 1000,
			TotalCodeSize: 80530636800,
			UnreservedConcurrentExecutions: 1000,
		},
		AccountUsage: { FunctionCount: 0, TotalCodeSize: 0 },
	});
	const iam = mockClient(IAMClient);
	iam.on(GetRoleCommand).resolves({
		Role: {
			Path: '/aws-reserved/sso.amazonaws.com/eu-west-1/',
			RoleName: ssoRoleName,
			RoleId: 'AROAEXAMPLE',
			Arn: ssoRoleArn,
			CreateDate: new Date('2026-01-05T09:00:00Z'),
			MaxSessionDuration: 43200,
		},
	});
	iam.on(SimulatePrincipalPolicyCommand).callsFake(simulator(() => 'allowed'));
	const fis = mockFis();
	fis.on(GetActionCommand).resolves(fisLambdaDelayAction);
	const config = mockClient(ConfigServiceClient);
	config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
	config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
	return {
		sts,
		ec2,
		lambda,
		iam,
		fis,
		config,
		restore() {
			for (const mock of [sts, ec2, lambda, iam, fis, config]) mock.restore();
		},
	};
}

export type DoctorAccount = ReturnType<typeof mockReadyAccount>;

/** Client providers for mocked clients: nothing is signed or sent. */
export const mockedClients = (options: ClientProviderOptions) =>
	createClientProvider({
		...options,
		credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
		maxAttempts: 1,
	});

/** A call the doctor made: its input, and the Region of the client that sent it. */
export interface SeenCall {
	input: Record<string, unknown>;
	region: string;
}

async function seen(
	mock: { commandCalls(command: never): { args: [{ input: unknown }]; thisValue: unknown }[] },
	command: unknown,
) {
	return Promise.all(
		mock.commandCalls(command as never).map(async (call) => ({
			input: call.args[0].input as Record<string, unknown>,
			region: await (call.thisValue as { config: { region: () => Promise<string> } }).config.region(),
		})),
	);
}

/** Runs the doctor against the mocked account; `change` adjusts the mocks first. */
export async function doctorOn(
	region: string | null,
	change: (account: DoctorAccount) => void = () => {},
	nodeVersion = '22.23.3',
) {
	const account = mockReadyAccount();
	change(account);
	try {
		const report = await runDoctor({ region, createClients: mockedClients, now: () => checkedAt, nodeVersion });
		const calls = {
			callerIdentity: await seen(account.sts, GetCallerIdentityCommand),
			describeRegions: await seen(account.ec2, DescribeRegionsCommand),
			describeVpcs: await seen(account.ec2, DescribeVpcsCommand),
			getAccountSettings: await seen(account.lambda, GetAccountSettingsCommand),
			getRole: await seen(account.iam, GetRoleCommand),
			simulate: await seen(account.iam, SimulatePrincipalPolicyCommand),
			getAction: await seen(account.fis, GetActionCommand),
			describeRecorders: await seen(account.config, DescribeConfigurationRecordersCommand),
			describeRecorderStatus: await seen(account.config, DescribeConfigurationRecorderStatusCommand),
		};
		return { report, calls };
	} finally {
		account.restore();
	}
}

export function findingOf(report: Awaited<ReturnType<typeof runDoctor>>, id: string) {
	const finding = report.findings.find((candidate) => candidate.id === id);
	if (!finding) throw new Error(`no finding ${id}`);
	return finding;
}
