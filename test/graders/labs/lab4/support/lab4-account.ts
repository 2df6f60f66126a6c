/**
 * A simulated learner account for Lab 4 steps 4–7, answered by aws-sdk-client-mock so the real
 * collectors run against responses shaped as the AWS API references show them.
 * `completeLab4Account` is a learner who did every one of those steps on the Lab 3 application.
 */
import {
	CloudFormationClient,
	DescribeStackDriftDetectionStatusCommand,
	DescribeStacksCommand,
	ListStackResourcesCommand,
	type StackDriftStatus,
} from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
	type ComplianceType,
	ConfigServiceClient,
	DescribeConfigRulesCommand,
	GetComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import {
	type AutomationExecutionStatus,
	DescribeAutomationExecutionsCommand,
	DescribeOpsItemsCommand,
	GetOpsItemCommand,
	SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';

export const accountId = '123456789012';
export const region = 'eu-west-1';
export const collectedAt = new Date('2026-11-22T12:00:00.000Z');

export const app = {
	stackName: 'sre-lab3-app',
	stackId: `arn:aws:cloudformation:${region}:${accountId}:stack/sre-lab3-app/0f1e2d3c-aaaa-bbbb-cccc-000000000003`,
	orders: 'sre-lab3-app-OrdersFunction-Ab12Cd34Ef56',
	inventory: 'sre-lab3-app-InventoryFunction-Gh78Ij90Kl12',
	table: 'sre-lab3-app-Table-1Q2W3E4R5T6Y',
	latencyAlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:lab3-api-p90-latency`,
	runbook: 'AWS-RestartEC2Instance',
	remediationRole: `arn:aws:iam::${accountId}:role/sre-lab4-remediation`,
} as const;

export interface Lab4Account {
	stacks: { name: string; id: string; status: string; tags: Record<string, string> }[];
	resources: Record<string, { logicalId: string; physicalId: string; type: string }[]>;
	/** DetectStackDrift calls as CloudTrail recorded them, with the result CloudFormation keeps. */
	driftDetections: {
		id: string;
		at: string;
		stack: string;
		result: { stackId: string; status: StackDriftStatus; drifted: number } | 'forgotten';
	}[];
	rules: { name: string; state: 'ENABLED' | 'DISABLED'; pattern: object; targets: { id: string; arn: string }[] }[];
	executions: { id: string; document: string; start: string; status: AutomationExecutionStatus }[];
	configRules: {
		name: string;
		identifier: string;
		results: { type: string; id: string; compliance: ComplianceType }[];
	}[];
	opsItems: {
		id: string;
		title: string;
		modified: string;
		description: string;
		data: Record<string, string>;
	}[];
}

export const completePostmortem = [
	'## Summary',
	'During the game day the orders API slowed down for twelve minutes.',
	'## Impact',
	'About 40% of orders took longer than one second.',
	'## Timeline',
	'- 10:02 experiment started',
	'- 10:06 lab3-api-p90-latency went to ALARM',
	'- 10:14 experiment ended, alarm back to OK',
	'## Contributing causes',
	'- The inventory call has no timeout shorter than the API timeout.',
	'## Action items',
	'- Add a 300 ms timeout to the inventory call (owner: sam)',
	'- Alert on p99 as well as p90 (owner: alex)',
].join('\n');

export function completeLab4Account(): Lab4Account {
	return {
		stacks: [
			{ name: app.stackName, id: app.stackId, status: 'UPDATE_COMPLETE', tags: { 'sre-lab': 'lab3' } },
			{
				name: 'unrelated',
				id: `arn:aws:cloudformation:${region}:${accountId}:stack/unrelated/1`,
				status: 'CREATE_COMPLETE',
				tags: {},
			},
		],
		resources: {
			[app.stackId]: [
				{ logicalId: 'OrdersFunction', physicalId: app.orders, type: 'AWS::Lambda::Function' },
				{ logicalId: 'InventoryFunction', physicalId: app.inventory, type: 'AWS::Lambda::Function' },
				{ logicalId: 'Table', physicalId: app.table, type: 'AWS::DynamoDB::Table' },
			],
		},
		driftDetections: [
			{
				id: '1a229160-e4d9-4b67-ab67-0a4f93df83d4',
				at: '2026-11-22T10:20:00Z',
				stack: app.stackName,
				result: { stackId: app.stackId, status: 'DRIFTED', drifted: 1 },
			},
			{
				id: '2b339270-f5e0-4c78-bc78-1b5fa4ef94e5',
				at: '2026-11-22T10:40:00Z',
				stack: app.stackName,
				result: { stackId: app.stackId, status: 'IN_SYNC', drifted: 0 },
			},
		],
		rules: [
			{
				name: 'lab4-remediate-latency',
				state: 'ENABLED',
				pattern: {
					source: ['aws.cloudwatch'],
					'detail-type': ['CloudWatch Alarm State Change'],
					resources: [app.latencyAlarmArn],
					detail: { state: { value: ['ALARM'] } },
				},
				targets: [
					{ id: 'runbook', arn: `arn:aws:ssm:${region}:${accountId}:automation-definition/${app.runbook}:$DEFAULT` },
				],
			},
		],
		executions: [
			{
				id: 'e0a1b2c3-0000-4000-8000-000000000001',
				document: app.runbook,
				start: '2026-11-22T10:07:00Z',
				status: 'Success',
			},
		],
		configRules: [
			{
				name: 'lambda-tracing-active',
				identifier: 'LAMBDA_FUNCTION_SETTINGS_CHECK',
				results: [
					{ type: 'AWS::Lambda::Function', id: app.orders, compliance: 'COMPLIANT' },
					{ type: 'AWS::Lambda::Function', id: 'someone-elses-function', compliance: 'NON_COMPLIANT' },
				],
			},
		],
		opsItems: [
			{
				id: 'oi-0123456789ab',
				title: 'Game day: p90 latency on the orders API',
				modified: '2026-11-22T11:30:00Z',
				description: completePostmortem,
				data: {
					'sre-lab': 'lab4',
					'/aws/resources': JSON.stringify([{ arn: app.latencyAlarmArn }]),
				},
			},
		],
	};
}

const denied = (action: string) =>
	Object.assign(
		new Error(`User: arn:aws:sts::${accountId}:assumed-role/Grader/x is not authorized to perform: ${action}`),
		{
			name: 'AccessDeniedException',
			$metadata: { httpStatusCode: 400 },
		},
	);

export interface MockOptions {
	/** IAM actions the grader may not call: each answers AccessDenied. */
	deny?: readonly string[];
}

/** Serves the account through mocked SDK clients; call `restore()` when done. */
export function mockLab4Account(account: Lab4Account, options: MockOptions = {}) {
	const deny = new Set(options.deny ?? []);
	const guard =
		<T>(action: string, answer: () => T) =>
		() => {
			if (deny.has(action)) throw denied(action);
			return answer();
		};

	const sts = mockClient(STSClient);
	sts
		.on(GetCallerIdentityCommand)
		.resolves({ Account: accountId, Arn: `arn:aws:sts::${accountId}:assumed-role/Learner/learner` });

	const cloudformation = mockClient(CloudFormationClient);
	cloudformation.on(DescribeStacksCommand).callsFake(
		guard('cloudformation:DescribeStacks', () => ({
			Stacks: account.stacks.map((stack) => ({
				StackName: stack.name,
				StackId: stack.id,
				StackStatus: stack.status,
				CreationTime: new Date('2026-11-22T08:00:00Z'),
				Tags: Object.entries(stack.tags).map(([Key, Value]) => ({ Key, Value })),
				Outputs: [],
			})),
		})),
	);
	cloudformation.on(ListStackResourcesCommand).callsFake((input: { StackName: string }) =>
		guard('cloudformation:ListStackResources', () => ({
			StackResourceSummaries: (account.resources[input.StackName] ?? []).map((resource) => ({
				LogicalResourceId: resource.logicalId,
				PhysicalResourceId: resource.physicalId,
				ResourceType: resource.type,
				ResourceStatus: 'CREATE_COMPLETE',
				LastUpdatedTimestamp: new Date('2026-11-22T08:00:00Z'),
			})),
		}))(),
	);
	cloudformation.on(DescribeStackDriftDetectionStatusCommand).callsFake((input: { StackDriftDetectionId: string }) =>
		guard('cloudformation:DescribeStackDriftDetectionStatus', () => {
			const detection = account.driftDetections.find((candidate) => candidate.id === input.StackDriftDetectionId);
			if (!detection || detection.result === 'forgotten') {
				throw Object.assign(new Error(`Drift detection ${input.StackDriftDetectionId} does not exist`), {
					name: 'ValidationError',
					$metadata: { httpStatusCode: 400 },
				});
			}
			return {
				StackId: detection.result.stackId,
				StackDriftDetectionId: detection.id,
				StackDriftStatus: detection.result.status,
				DetectionStatus: 'DETECTION_COMPLETE',
				DriftedStackResourceCount: detection.result.drifted,
				Timestamp: new Date(Date.parse(detection.at) + 30_000),
			};
		})(),
	);

	const cloudtrail = mockClient(CloudTrailClient);
	cloudtrail.on(LookupEventsCommand).callsFake(
		guard('cloudtrail:LookupEvents', () => ({
			Events: [...account.driftDetections].reverse().map((detection, index) => ({
				EventId: `ev-${index}`,
				EventName: 'DetectStackDrift',
				EventTime: new Date(detection.at),
				EventSource: 'cloudformation.amazonaws.com',
				Username: 'learner',
				CloudTrailEvent: JSON.stringify({
					eventVersion: '1.09',
					eventSource: 'cloudformation.amazonaws.com',
					eventName: 'DetectStackDrift',
					awsRegion: region,
					requestParameters: { stackName: detection.stack },
					responseElements: { stackDriftDetectionId: detection.id },
				}),
			})),
		})),
	);

	const events = mockClient(EventBridgeClient);
	events.on(ListRulesCommand).callsFake(
		guard('events:ListRules', () => ({
			Rules: account.rules.map((rule) => ({
				Name: rule.name,
				Arn: `arn:aws:events:${region}:${accountId}:rule/${rule.name}`,
				State: rule.state,
				EventPattern: JSON.stringify(rule.pattern),
				EventBusName: 'default',
			})),
		})),
	);
	events.on(ListTargetsByRuleCommand).callsFake((input: { Rule: string }) =>
		guard('events:ListTargetsByRule', () => ({
			Targets: (account.rules.find((rule) => rule.name === input.Rule)?.targets ?? []).map((target) => ({
				Id: target.id,
				Arn: target.arn,
				RoleArn: app.remediationRole,
				Input: JSON.stringify({ InstanceId: ['i-0123456789abcdef0'] }),
			})),
		}))(),
	);

	const ssm = mockClient(SSMClient);
	ssm.on(DescribeAutomationExecutionsCommand).callsFake(
		guard('ssm:DescribeAutomationExecutions', () => ({
			AutomationExecutionMetadataList: account.executions.map((run) => ({
				AutomationExecutionId: run.id,
				DocumentName: run.document,
				DocumentVersion: '1',
				AutomationExecutionStatus: run.status,
				ExecutionStartTime: new Date(run.start),
				ExecutionEndTime: new Date(Date.parse(run.start) + 90_000),
				ExecutedBy: `arn:aws:sts::${accountId}:assumed-role/sre-lab4-remediation/EventBridge`,
				Mode: 'Auto',
				AutomationType: 'Local',
			})),
		})),
	);
	ssm.on(DescribeOpsItemsCommand).callsFake(
		guard('ssm:DescribeOpsItems', () => ({
			OpsItemSummaries: account.opsItems.map((item) => ({
				OpsItemId: item.id,
				Title: item.title,
				Status: 'Resolved',
				Source: 'sre-lab',
				LastModifiedTime: new Date(item.modified),
			})),
		})),
	);
	ssm.on(GetOpsItemCommand).callsFake((input: { OpsItemId: string }) =>
		guard('ssm:GetOpsItem', () => {
			const item = account.opsItems.find((candidate) => candidate.id === input.OpsItemId);
			return {
				OpsItem: item && {
					OpsItemId: item.id,
					OpsItemArn: `arn:aws:ssm:${region}:${accountId}:opsitem/${item.id}`,
					Title: item.title,
					Status: 'Resolved',
					Source: 'sre-lab',
					CreatedTime: new Date('2026-11-22T11:00:00Z'),
					LastModifiedTime: new Date(item.modified),
					Description: item.description,
					OperationalData: Object.fromEntries(
						Object.entries(item.data).map(([key, value]) => [key, { Type: 'SearchableString', Value: value }]),
					),
				},
			};
		})(),
	);

	const config = mockClient(ConfigServiceClient);
	config.on(DescribeConfigRulesCommand).callsFake(
		guard('config:DescribeConfigRules', () => ({
			ConfigRules: account.configRules.map((rule, index) => ({
				ConfigRuleName: rule.name,
				ConfigRuleArn: `arn:aws:config:${region}:${accountId}:config-rule/config-rule-${index}abcde`,
				ConfigRuleId: `config-rule-${index}abcde`,
				ConfigRuleState: 'ACTIVE',
				Source: { Owner: 'AWS', SourceIdentifier: rule.identifier },
			})),
		})),
	);
	config.on(GetComplianceDetailsByConfigRuleCommand).callsFake((input: { ConfigRuleName: string }) =>
		guard('config:GetComplianceDetailsByConfigRule', () => ({
			EvaluationResults: (account.configRules.find((rule) => rule.name === input.ConfigRuleName)?.results ?? []).map(
				(result) => ({
					EvaluationResultIdentifier: {
						EvaluationResultQualifier: {
							ConfigRuleName: input.ConfigRuleName,
							ResourceType: result.type,
							ResourceId: result.id,
						},
						OrderingTimestamp: new Date('2026-11-22T09:00:00Z'),
					},
					ComplianceType: result.compliance,
					ResultRecordedTime: new Date('2026-11-22T09:05:00Z'),
					ConfigRuleInvokedTime: new Date('2026-11-22T09:04:00Z'),
				}),
			),
		}))(),
	);

	const mocks = { sts, cloudformation, cloudtrail, events, ssm, config };
	return {
		...mocks,
		restore() {
			for (const mock of Object.values(mocks)) mock.restore();
		},
	};
}
