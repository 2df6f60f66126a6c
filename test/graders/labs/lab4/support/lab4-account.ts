/**
 * A simulated learner account for Lab 4, answered by aws-sdk-client-mock so the real collectors run
 * against responses shaped as the AWS API references show them. `completeLab4Account` is a learner
 * who did every step on the Lab 3 application.
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
	CloudWatchClient,
	type CompositeAlarm,
	DescribeAlarmHistoryCommand,
	DescribeAlarmsCommand,
	type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import {
	type ComplianceType,
	ConfigServiceClient,
	DescribeConfigRulesCommand,
	GetComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import type {
	ExperimentTemplateAction,
	ExperimentTemplateStopCondition,
	ExperimentTemplateTarget,
} from '@aws-sdk/client-fis';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import {
	type AutomationExecutionStatus,
	DescribeAutomationExecutionsCommand,
	DescribeOpsItemsCommand,
	GetOpsItemCommand,
	SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { type AlarmChange, alarmHistoryItem, setAlarmStateCallsOf } from '../../../support/alarm-history-mock.ts';
import { fisCommands, mockFis } from '../../../support/fis-mock.ts';
import { lookupSetAlarmStatePage, type SetAlarmStateCallSpec } from '../../../support/set-alarm-state-events.ts';
import { accountId, collectedAt, app as lab3App, region } from '../../lab3/support/lab3-account.ts';

export { accountId, collectedAt, region };

/** The Lab 3 application the game day runs on (the same account as Lab 3's tests), and what Lab 4 adds. */
export const app = {
	stackName: lab3App.stackName,
	stackId: lab3App.stackId,
	orders: lab3App.orders,
	inventory: lab3App.inventory,
	table: lab3App.table,
	apiId: lab3App.apiId,
	latencyAlarm: lab3App.latencyAlarm,
	latencyAlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${lab3App.latencyAlarm}`,
	fisTemplate: 'EXT1a2b3c4d5e6f7',
	fisRole: `arn:aws:iam::${accountId}:role/sre-lab4-fis`,
	runbook: 'AWS-RestartEC2Instance',
	remediationRole: `arn:aws:iam::${accountId}:role/sre-lab4-remediation`,
} as const;

/** How ExecutedBy names a run EventBridge started as the rule target's role (the session name is EventBridge's). */
export const eventBridgeSession = `arn:aws:sts::${accountId}:assumed-role/sre-lab4-remediation/8f2c1e0a9b7d4c3e`;

export const functionArn = (name: string) => `arn:aws:lambda:${region}:${accountId}:function:${name}`;

/** An FIS experiment template as GetExperimentTemplate returns it (the API reference's ExperimentTemplate). */
export interface FisTemplate {
	id: string;
	tags: Record<string, string>;
	roleArn: string;
	targets: Record<string, ExperimentTemplateTarget>;
	actions: Record<string, ExperimentTemplateAction>;
	stopConditions: ExperimentTemplateStopCondition[];
}

export interface Lab4Account {
	/** Functions as the Resource Groups Tagging API lists them (name → tags); only sre-lab tagged ones are asked for. */
	functionTags: Record<string, Record<string, string>>;
	alarms: MetricAlarm[];
	compositeAlarms: CompositeAlarm[];
	/**
	 * Alarm state changes; `byHand` ones were made with SetAlarmState (no evaluation data in HistoryData),
	 * `forged` ones too, with a `--state-reason-data` copied from an evaluation. CloudTrail lists both calls.
	 */
	history: AlarmChange[];
	/** Other SetAlarmState calls in CloudTrail, that made no change in `history`. */
	setAlarmStateCalls?: SetAlarmStateCallSpec[];
	fisTemplates: FisTemplate[];
	experiments: {
		id: string;
		template: string;
		status: string;
		reason?: string;
		created: string;
		start?: string;
		end?: string;
		/** Each of its template's actions' state; by default the experiment's own (running, completed, stopped, …). */
		actionStatus?: string;
		/** `skip-all` for a target preview. */
		actionsMode?: 'skip-all' | 'run-all';
	}[];
	/** The function ARNs each experiment role may call lambda:GetFunction on; `*` for any. A role not listed does not exist. */
	roleAllows: Record<string, string[]>;
	stacks: { name: string; id: string; status: string; tags: Record<string, string> }[];
	resources: Record<string, { logicalId: string; physicalId: string; type: string }[]>;
	/** DetectStackDrift calls as CloudTrail recorded them, with the result CloudFormation keeps. */
	driftDetections: {
		id: string;
		at: string;
		stack: string;
		result: { stackId: string; status: StackDriftStatus; drifted: number } | 'forgotten';
	}[];
	/** A target's RoleArn is `app.remediationRole` unless it names its own (null: no role). */
	rules: {
		name: string;
		state: 'ENABLED' | 'DISABLED';
		pattern: object;
		targets: { id: string; arn: string; roleArn?: string | null }[];
	}[];
	/** `executedBy` is a session of `app.remediationRole` (EventBridge's) unless the run names who started it. */
	executions: {
		id: string;
		document: string;
		start: string;
		status: AutomationExecutionStatus;
		executedBy?: string;
	}[];
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

/** The p90 latency alarm of the app's API, as DescribeAlarms returns it. */
export function latencyAlarm(): MetricAlarm {
	return {
		AlarmName: app.latencyAlarm,
		AlarmArn: app.latencyAlarmArn,
		Namespace: 'AWS/ApiGateway',
		MetricName: 'Latency',
		Dimensions: [{ Name: 'ApiId', Value: app.apiId }],
		ExtendedStatistic: 'p90',
		Period: 60,
		EvaluationPeriods: 3,
		DatapointsToAlarm: 2,
		Threshold: 1000,
		ComparisonOperator: 'GreaterThanThreshold',
		ActionsEnabled: true,
		AlarmActions: [`arn:aws:sns:${region}:${accountId}:sre-lab3-alerts`],
		StateValue: 'OK',
	};
}

/** The game-day template: delay on both app functions, a role scoped to them, the latency alarm as stop condition. */
export function gameDayTemplate(): FisTemplate {
	return {
		id: app.fisTemplate,
		tags: { 'sre-lab': 'lab4', Name: 'game-day-orders-latency' },
		roleArn: app.fisRole,
		targets: {
			'app-functions': {
				resourceType: 'aws:lambda:function',
				resourceArns: [functionArn(app.orders), functionArn(app.inventory)],
				selectionMode: 'ALL',
			},
		},
		actions: {
			'add-delay': {
				actionId: 'aws:lambda:invocation-add-delay',
				description: 'Delay half of the invocations by 1.5 s',
				parameters: { duration: 'PT10M', invocationPercentage: '50', startupDelayMilliseconds: '1500' },
				targets: { Functions: 'app-functions' },
			},
		},
		stopConditions: [{ source: 'aws:cloudwatch:alarm', value: app.latencyAlarmArn }],
	};
}

export function completeLab4Account(): Lab4Account {
	return {
		functionTags: {
			[app.orders]: { 'sre-lab': 'lab3', 'aws:cloudformation:stack-name': app.stackName },
			[app.inventory]: { 'sre-lab': 'lab3', 'aws:cloudformation:stack-name': app.stackName },
			'lab2-snapshot-cleanup': { 'sre-lab': 'lab2' },
		},
		alarms: [latencyAlarm()],
		compositeAlarms: [],
		history: [
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:06:00Z', from: 'OK', to: 'ALARM' },
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:14:00Z', from: 'ALARM', to: 'OK' },
		],
		fisTemplates: [gameDayTemplate()],
		// Stopped by its stop condition: the latency alarm fired at 10:06 and FIS ended the experiment.
		experiments: [
			{
				id: 'EXP9z8y7x6w5v4u3',
				template: app.fisTemplate,
				status: 'stopped',
				created: '2026-11-22T10:01:58Z',
				start: '2026-11-22T10:02:00Z',
				end: '2026-11-22T10:06:20Z',
			},
		],
		roleAllows: { [app.fisRole]: [functionArn(app.orders), functionArn(app.inventory)] },
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
				{ logicalId: 'Api', physicalId: app.apiId, type: 'AWS::ApiGatewayV2::Api' },
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

const notFound = (message: string) =>
	Object.assign(new Error(message), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });

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
	// Event history answers the event name each lookup asks for.
	cloudtrail
		.on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'SetAlarmState' }] })
		.callsFake((input) =>
			guard('cloudtrail:LookupEvents', () =>
				lookupSetAlarmStatePage(setAlarmStateCallsOf(account), input, { accountId, region }),
			)(),
		);
	cloudtrail
		.on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DetectStackDrift' }] })
		.callsFake(
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
				RoleArn: target.roleArn === undefined ? app.remediationRole : (target.roleArn ?? undefined),
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
				ExecutedBy: run.executedBy ?? eventBridgeSession,
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

	const tagging = mockClient(ResourceGroupsTaggingAPIClient);
	tagging.on(GetResourcesCommand).callsFake(
		guard('tag:GetResources', () => ({
			ResourceTagMappingList: Object.entries(account.functionTags)
				.filter(([, tags]) => 'sre-lab' in tags)
				.map(([name, tags]) => ({
					ResourceARN: functionArn(name),
					Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
				})),
			PaginationToken: '',
		})),
	);

	const cloudwatch = mockClient(CloudWatchClient);
	// As the API does: metric alarms unless AlarmTypes asks for composites.
	cloudwatch.on(DescribeAlarmsCommand).callsFake((input: { AlarmTypes?: string[] }) =>
		guard('cloudwatch:DescribeAlarms', () => {
			const types = input.AlarmTypes ?? ['MetricAlarm'];
			return {
				MetricAlarms: types.includes('MetricAlarm') ? account.alarms : [],
				CompositeAlarms: types.includes('CompositeAlarm') ? account.compositeAlarms : [],
			};
		})(),
	);
	cloudwatch.on(DescribeAlarmHistoryCommand).callsFake((input: { StartDate: Date; EndDate: Date }) =>
		guard('cloudwatch:DescribeAlarmHistory', () => ({
			AlarmHistoryItems: account.history
				.filter((change) => {
					const at = Date.parse(change.at);
					return at >= input.StartDate.getTime() && at <= input.EndDate.getTime();
				})
				.map(alarmHistoryItem),
		}))(),
	);

	const fis = mockFis();
	fis.on(fisCommands.ListExperimentTemplates).callsFake(
		guard('fis:ListExperimentTemplates', () => ({
			experimentTemplates: account.fisTemplates.map((template) => ({
				id: template.id,
				arn: `arn:aws:fis:${region}:${accountId}:experiment-template/${template.id}`,
				description: 'Lab 4 game day',
				creationTime: new Date('2026-11-22T09:00:00Z'),
				lastUpdateTime: new Date('2026-11-22T09:30:00Z'),
				tags: template.tags,
			})),
		})),
	);
	fis.on(fisCommands.GetExperimentTemplate).callsFake((input: { id: string }) =>
		guard('fis:GetExperimentTemplate', () => {
			const template = account.fisTemplates.find((candidate) => candidate.id === input.id);
			if (!template) throw notFound(`Experiment template ${input.id} not found.`);
			return {
				experimentTemplate: {
					...template,
					description: 'Lab 4 game day',
					creationTime: new Date('2026-11-22T09:00:00Z'),
					lastUpdateTime: new Date('2026-11-22T09:30:00Z'),
					experimentOptions: { accountTargeting: 'single-account', emptyTargetResolutionMode: 'fail' },
				},
			};
		})(),
	);
	fis.on(fisCommands.ListExperiments).callsFake(
		guard('fis:ListExperiments', () => ({
			experiments: account.experiments.map((experiment) => ({
				id: experiment.id,
				arn: `arn:aws:fis:${region}:${accountId}:experiment/${experiment.id}`,
				experimentTemplateId: experiment.template,
				state: { status: experiment.status, reason: experiment.reason },
				creationTime: new Date(experiment.created),
				tags: {},
			})),
		})),
	);
	fis.on(fisCommands.GetExperiment).callsFake((input: { id: string }) =>
		guard('fis:GetExperiment', () => {
			const experiment = account.experiments.find((candidate) => candidate.id === input.id);
			if (!experiment) throw notFound(`Experiment ${input.id} not found.`);
			const template = account.fisTemplates.find((candidate) => candidate.id === experiment.template);
			return {
				experiment: {
					id: experiment.id,
					experimentTemplateId: experiment.template,
					roleArn: template?.roleArn,
					state: { status: experiment.status, reason: experiment.reason },
					targets: template?.targets,
					// GetExperiment's ExperimentAction: the template's action with its state in this run.
					actions: Object.fromEntries(
						Object.entries(template?.actions ?? {}).map(([name, action]) => [
							name,
							{ ...action, state: { status: experiment.actionStatus ?? experiment.status } },
						]),
					),
					experimentOptions: {
						accountTargeting: 'single-account',
						emptyTargetResolutionMode: 'fail',
						actionsMode: experiment.actionsMode ?? 'run-all',
					},
					stopConditions: template?.stopConditions,
					creationTime: new Date(experiment.created),
					startTime: experiment.start ? new Date(experiment.start) : undefined,
					endTime: experiment.end ? new Date(experiment.end) : undefined,
					tags: {},
				},
			};
		})(),
	);

	const iam = mockClient(IAMClient);
	iam
		.on(SimulatePrincipalPolicyCommand)
		.callsFake((input: { PolicySourceArn: string; ActionNames: string[]; ResourceArns?: string[] }) =>
			guard('iam:SimulatePrincipalPolicy', () => {
				const allowed = account.roleAllows[input.PolicySourceArn];
				if (!allowed) {
					throw Object.assign(
						new Error(`The role with name ${input.PolicySourceArn.split('/').at(-1)} cannot be found.`),
						{
							name: 'NoSuchEntityException',
							$metadata: { httpStatusCode: 404 },
						},
					);
				}
				return {
					EvaluationResults: input.ActionNames.flatMap((action) =>
						(input.ResourceArns ?? ['*']).map((resource) => {
							const decision = allowed.includes('*') || allowed.includes(resource) ? 'allowed' : 'implicitDeny';
							return {
								EvalActionName: action,
								EvalResourceName: resource,
								EvalDecision: decision,
								MatchedStatements: [],
								MissingContextValues: [],
								ResourceSpecificResults: [
									{ EvalResourceName: resource, EvalResourceDecision: decision, MissingContextValues: [] },
								],
							};
						}),
					),
					IsTruncated: false,
				};
			})(),
		);

	const mocks = { sts, cloudformation, cloudtrail, events, ssm, config, tagging, cloudwatch, fis, iam };
	return {
		...mocks,
		restore() {
			for (const mock of Object.values(mocks)) mock.restore();
		},
	};
}
