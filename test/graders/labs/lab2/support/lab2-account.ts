/**
 * A simulated learner account for Lab 2, answered by aws-sdk-client-mock, so that the real collectors
 * run against realistic API responses (including pagination) and produce the snapshot fixtures.
 * `completeLab2Account` is a learner who finished every step the way the reference solution does.
 */
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeInstancesCommand, DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import {
	GetPolicyCommand as GetManagedPolicyCommand,
	GetPolicyVersionCommand,
	GetRolePolicyCommand,
	IAMClient,
	ListAttachedRolePoliciesCommand,
	ListRolePoliciesCommand,
	SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetFunctionConfigurationCommand, GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetGroupQueryCommand, ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { GetScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import {
	DescribeAssociationCommand,
	DescribeAssociationExecutionsCommand,
	DescribeAssociationExecutionTargetsCommand,
	DescribeInstanceInformationCommand,
	DescribeInstancePatchStatesCommand,
	DescribeMaintenanceWindowsCommand,
	DescribeMaintenanceWindowTargetsCommand,
	DescribeMaintenanceWindowTasksCommand,
	GetMaintenanceWindowTaskCommand,
	ListAssociationsCommand,
	ListAssociationVersionsCommand,
	ListCommandInvocationsCommand,
	ListCommandsCommand,
	SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';

export const accountId = '123456789012';
export const region = 'eu-west-1';
export const collectedAt = new Date('2026-11-22T12:00:00.000Z');
export const fleetIds = ['i-0a2b000000000lab2a', 'i-0a2b000000000lab2b'] as const;
export const functionName = 'lab2-snapshot-cleanup';
export const functionArn = `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
export const executionRoleName = 'lab2-snapshot-cleanup-role';
export const schedulerRoleName = 'lab2-scheduler-invoke-role';
export const windowId = 'mw-0a2b0000000000001';
export const scheduleArn = `arn:aws:scheduler:${region}:${accountId}:schedule/default/lab2-cleanup-daily`;

const basicExecutionPolicy = {
	Version: '2012-10-17',
	Statement: [
		{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
	],
};

/** A simulated decision that IAM reaches only when the request's context holds every key in `needs`. */
export interface SimulatedRule {
	decision: string;
	needs: string[];
}

export interface Lab2Account {
	instances: { id: string; state: string; tags: Record<string, string> }[];
	managed: { id: string; ping: string }[];
	windows: {
		id: string;
		name: string;
		enabled: boolean;
		schedule?: string;
		targets: { id: string; targets: { Key: string; Values: string[] }[] }[];
		tasks: {
			id: string;
			type: string;
			arn: string;
			targets: { Key: string; Values: string[] }[];
			parameters: Record<string, string[]>;
		}[];
	}[];
	associations: {
		id: string;
		name: string;
		document: string;
		targets: { Key: string; Values: string[] }[];
		schedule?: string;
		parameters: Record<string, string[]>;
		/** Earlier versions' parameters, oldest first; the current version comes after them. */
		earlierVersions?: Record<string, string[]>[];
		/** State Manager runs: which version ran, when, and how each node fared */
		runs?: { id: string; version: string; createdAt: string; targets: { instanceId: string; status: string }[] }[];
	}[];
	/** resource group name → its query (GetGroupQuery), e.g. TAG_FILTERS_1_0 with TagFilters */
	resourceGroups?: Record<string, { type: string; query: Record<string, unknown> }>;
	patchStates: { id: string; operation: string; end: string; failed: number }[];
	/** Run Command history of the patch document */
	commands: {
		id: string;
		document: string;
		operation: string;
		requestedAt: string;
		invocations: { instanceId: string; status: string }[];
	}[];
	functions: { name: string; role: string; tags: Record<string, string>; policy?: unknown }[];
	/** role name → policies (managed ARN or `inline:<name>`) with documents */
	roles: Record<string, Record<string, unknown>>;
	/**
	 * role name → action → decision, or a decision that needs condition keys in the request's context
	 * (a statement with a Condition); a role missing here makes the simulator answer AccessDenied
	 */
	simulations: Record<string, Record<string, string | SimulatedRule>>;
	rules: { name: string; schedule: string; state: string; targets: string[] }[];
	schedules: {
		name: string;
		group: string;
		expression: string;
		state: string;
		target: string;
		role: string;
		input?: string;
	}[];
	/** function name → invocations as CloudWatch records them: when, how many, how many of them failed */
	metrics: Record<string, { at: string; invocations: number; errors: number }[]>;
	snapshots: { id: string; tags: Record<string, string> }[];
	/**
	 * DeleteSnapshot calls in CloudTrail's event history. `by` is `function` (the cleanup function's
	 * execution role session), `user:<name>` (an IAM user) or `role:<role>/<session>`.
	 */
	trailEvents: { id: string; at: string; snapshotId: string; by: string; errorCode?: string }[];
}

export function completeLab2Account(): Lab2Account {
	return {
		instances: [
			{ id: fleetIds[0], state: 'running', tags: { Name: 'lab2-a', 'sre-lab': 'lab2', PatchGroup: 'lab2-fleet' } },
			{ id: fleetIds[1], state: 'running', tags: { Name: 'lab2-b', 'sre-lab': 'lab2', PatchGroup: 'lab2-fleet' } },
			{ id: 'i-0c0ffee0000000001', state: 'running', tags: { Name: 'lab1-web', 'sre-lab': 'lab1' } },
		],
		managed: [
			{ id: fleetIds[0], ping: 'Online' },
			{ id: fleetIds[1], ping: 'Online' },
			{ id: 'mi-0123456789abcdef0', ping: 'ConnectionLost' },
		],
		windows: [
			{
				id: windowId,
				name: 'lab2-weekly-patching',
				enabled: true,
				schedule: 'cron(0 3 ? * SUN *)',
				targets: [{ id: 'wt-lab2-fleet', targets: [{ Key: 'tag:PatchGroup', Values: ['lab2-fleet'] }] }],
				tasks: [
					{
						id: 'task-lab2-install',
						type: 'RUN_COMMAND',
						arn: 'AWS-RunPatchBaseline',
						targets: [{ Key: 'WindowTargetIds', Values: ['wt-lab2-fleet'] }],
						parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
					},
				],
			},
		],
		associations: [
			{
				// What Quick Setup's default host management creates: a daily scan, which patches nothing.
				id: '0a2b0000-1111-2222-3333-444455556666',
				name: 'QuickSetup-scan',
				document: 'AWS-RunPatchBaseline',
				targets: [{ Key: 'InstanceIds', Values: ['*'] }],
				schedule: 'rate(1 day)',
				parameters: { Operation: ['Scan'] },
			},
		],
		patchStates: [
			{ id: fleetIds[0], operation: 'Install', end: '2026-11-22T03:12:00.000Z', failed: 0 },
			{ id: fleetIds[1], operation: 'Install', end: '2026-11-22T03:14:00.000Z', failed: 0 },
		],
		commands: [
			{
				// What the maintenance window task sent on Sunday night.
				id: '0a2b0000-aaaa-bbbb-cccc-000000000001',
				document: 'AWS-RunPatchBaseline',
				operation: 'Install',
				requestedAt: '2026-11-22T03:00:05.000Z',
				invocations: fleetIds.map((instanceId) => ({ instanceId, status: 'Success' })),
			},
			{
				id: '0a2b0000-aaaa-bbbb-cccc-000000000002',
				document: 'AWS-RunPatchBaseline',
				operation: 'Scan',
				requestedAt: '2026-11-22T00:30:00.000Z',
				invocations: fleetIds.map((instanceId) => ({ instanceId, status: 'Success' })),
			},
		],
		functions: [
			{ name: functionName, role: executionRoleName, tags: { 'sre-lab': 'lab2' } },
			{ name: 'team-thumbnailer', role: 'thumbnailer-role', tags: {} },
		],
		roles: {
			[executionRoleName]: {
				'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole': basicExecutionPolicy,
				'inline:snapshot-cleanup': {
					Version: '2012-10-17',
					Statement: [
						{ Effect: 'Allow', Action: 'ec2:DescribeSnapshots', Resource: '*' },
						{
							Effect: 'Allow',
							Action: 'ec2:DeleteSnapshot',
							Resource: `arn:aws:ec2:${region}::snapshot/*`,
							Condition: { StringEquals: { 'aws:ResourceTag/sre-lab': 'lab2' } },
						},
					],
				},
			},
			[schedulerRoleName]: {
				'inline:invoke-cleanup': {
					Version: '2012-10-17',
					Statement: { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [functionArn, `${functionArn}:*`] },
				},
			},
		},
		simulations: {
			[executionRoleName]: {
				'ec2:DescribeSnapshots': 'allowed',
				// The inline policy's condition on the lab tag decides only when the tag is in the context.
				'ec2:DeleteSnapshot': { decision: 'allowed', needs: ['aws:ResourceTag/sre-lab'] },
			},
		},
		rules: [
			{
				name: 'nightly-report',
				schedule: 'cron(0 1 * * ? *)',
				state: 'ENABLED',
				targets: [`arn:aws:sns:${region}:${accountId}:reports`],
			},
		],
		schedules: [
			{
				name: 'lab2-cleanup-daily',
				group: 'default',
				expression: 'rate(1 day)',
				state: 'ENABLED',
				target: functionArn,
				role: schedulerRoleName,
			},
		],
		metrics: {
			// A test invocation by hand in the afternoon, then the schedule's nightly run.
			[functionName]: [
				{ at: '2026-11-21T15:42:10.000Z', invocations: 1, errors: 0 },
				{ at: '2026-11-22T03:00:07.000Z', invocations: 1, errors: 0 },
			],
		},
		snapshots: [
			{ id: 'snap-0a2b00000000keep1', tags: { 'sre-lab': 'lab2', DeleteAfter: '2026-11-29' } },
			{ id: 'snap-0a2b00000000keep2', tags: { 'sre-lab': 'lab2', DeleteAfter: '2026-12-22' } },
			{ id: 'snap-0a2b000000nodate', tags: { 'sre-lab': 'lab2' } },
			{ id: 'snap-0a1b0000000lab1', tags: { 'sre-lab': 'lab1', DeleteAfter: '2026-01-01' } },
		],
		trailEvents: [
			// AWS Backup pruning an unrelated snapshot before the lab started.
			{
				id: 'e0000000-0000-0000-0000-00000000b001',
				at: '2026-11-16T02:00:00.000Z',
				snapshotId: 'snap-0ffee000000backup1',
				by: 'role:AWSBackupDefaultServiceRole/AWSBackup-AWSBackupDefaultServiceRole',
			},
			// The learner's dry run: DeleteSnapshot with DryRun, which CloudTrail records as a failed call.
			{
				id: 'e0000000-0000-0000-0000-000000000d01',
				at: '2026-11-21T15:30:02.000Z',
				snapshotId: 'snap-0a2b0000000expired1',
				by: 'function',
				errorCode: 'Client.DryRunOperation',
			},
			// The function's first real run deletes the two due seeded snapshots.
			{
				id: 'e0000000-0000-0000-0000-000000000f01',
				at: '2026-11-21T15:42:11.000Z',
				snapshotId: 'snap-0a2b0000000expired1',
				by: 'function',
			},
			{
				id: 'e0000000-0000-0000-0000-000000000f02',
				at: '2026-11-21T15:42:12.000Z',
				snapshotId: 'snap-0a2b0000000expired2',
				by: 'function',
			},
		],
	};
}

export interface MockOptions {
	/** Items per page, to make the collectors paginate. */
	pageSize?: number;
}

/** Splits items into pages whose token is the next page's start index. */
function paged<T>(
	items: readonly T[],
	token: string | undefined,
	size: number,
): { items: T[]; next: string | undefined } {
	const start = token ? Number(token) : 0;
	const end = start + size;
	return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const roleArn = (name: string) => `arn:aws:iam::${accountId}:role/${name}`;
const lambdaArn = (name: string) => `arn:aws:lambda:${region}:${accountId}:function:${name}`;

function notFound(name: string, message: string): Error {
	return Object.assign(new Error(message), { name });
}

/** Installs aws-sdk-client-mock on every client class Lab 2 uses; call `restore()` when done. */
export function mockLab2Account(account: Lab2Account, options: MockOptions = {}) {
	const size = options.pageSize ?? 1000;

	const sts = mockClient(STSClient);
	sts
		.on(GetCallerIdentityCommand)
		.resolves({ Account: accountId, Arn: `arn:aws:sts::${accountId}:assumed-role/Learner/learner` });

	const ec2 = mockClient(EC2Client);
	ec2
		.on(DescribeInstancesCommand)
		.callsFake((input: { NextToken?: string; Filters?: { Name?: string; Values?: string[] }[] }) => {
			// `tag-key` keeps the instances that carry any of the keys, as EC2 filters do.
			const tagKeys = input.Filters?.find((filter) => filter.Name === 'tag-key')?.Values ?? [];
			const matching = account.instances.filter(
				(instance) => tagKeys.length === 0 || tagKeys.some((key) => key in instance.tags),
			);
			const page = paged(matching, input.NextToken, size);
			return {
				Reservations: page.items.map((instance) => ({
					Instances: [{ InstanceId: instance.id, State: { Name: instance.state }, Tags: tagList(instance.tags) }],
				})),
				NextToken: page.next,
			};
		});
	ec2
		.on(DescribeSnapshotsCommand)
		.callsFake((input: { NextToken?: string; Filters?: { Name?: string; Values?: string[] }[] }) => {
			const tagKeys = input.Filters?.find((filter) => filter.Name === 'tag-key')?.Values ?? [];
			const matching = account.snapshots.filter(
				(snapshot) => tagKeys.length === 0 || tagKeys.some((key) => key in snapshot.tags),
			);
			const page = paged(matching, input.NextToken, size);
			return {
				Snapshots: page.items.map((snapshot) => ({
					SnapshotId: snapshot.id,
					VolumeId: 'vol-0a2b000000source',
					State: 'completed',
					StartTime: new Date('2026-11-15T10:00:00Z'),
					Tags: tagList(snapshot.tags),
				})),
				NextToken: page.next,
			};
		});

	const ssm = mockClient(SSMClient);
	ssm.on(DescribeInstanceInformationCommand).callsFake((input: { NextToken?: string }) => {
		const page = paged(account.managed, input.NextToken, size);
		return {
			InstanceInformationList: page.items.map((node) => ({
				InstanceId: node.id,
				PingStatus: node.ping,
				LastPingDateTime: new Date('2026-11-22T11:55:00Z'),
				PlatformName: 'Amazon Linux',
				AgentVersion: '3.3.1142.0',
			})),
			NextToken: page.next,
		};
	});
	ssm.on(DescribeMaintenanceWindowsCommand).callsFake((input: { NextToken?: string }) => {
		const page = paged(account.windows, input.NextToken, size);
		return {
			WindowIdentities: page.items.map((window) => ({
				WindowId: window.id,
				Name: window.name,
				Enabled: window.enabled,
				Schedule: window.schedule,
				Duration: 2,
				Cutoff: 1,
				NextExecutionTime: '2026-11-29T03:00Z',
			})),
			NextToken: page.next,
		};
	});
	const windowById = (id: string) => {
		const window = account.windows.find((candidate) => candidate.id === id);
		if (!window) throw notFound('DoesNotExistException', `Maintenance window ${id} does not exist`);
		return window;
	};
	ssm.on(DescribeMaintenanceWindowTargetsCommand).callsFake((input: { WindowId: string; NextToken?: string }) => {
		const page = paged(windowById(input.WindowId).targets, input.NextToken, size);
		return {
			Targets: page.items.map((target) => ({
				WindowId: input.WindowId,
				WindowTargetId: target.id,
				ResourceType: 'INSTANCE',
				Targets: target.targets,
			})),
			NextToken: page.next,
		};
	});
	ssm.on(DescribeMaintenanceWindowTasksCommand).callsFake((input: { WindowId: string; NextToken?: string }) => {
		const page = paged(windowById(input.WindowId).tasks, input.NextToken, size);
		// The summary carries no invocation parameters: only GetMaintenanceWindowTask does.
		return {
			Tasks: page.items.map((task) => ({
				WindowId: input.WindowId,
				WindowTaskId: task.id,
				TaskArn: task.arn,
				Type: task.type,
				Targets: task.targets,
			})),
			NextToken: page.next,
		};
	});
	ssm.on(GetMaintenanceWindowTaskCommand).callsFake((input: { WindowId: string; WindowTaskId: string }) => {
		const task = windowById(input.WindowId).tasks.find((candidate) => candidate.id === input.WindowTaskId);
		if (!task) throw notFound('DoesNotExistException', `Task ${input.WindowTaskId} does not exist`);
		return {
			WindowId: input.WindowId,
			WindowTaskId: task.id,
			TaskArn: task.arn,
			TaskType: task.type,
			Targets: task.targets,
			TaskInvocationParameters:
				task.type === 'AUTOMATION'
					? { Automation: { Parameters: task.parameters } }
					: { RunCommand: { Parameters: task.parameters } },
		};
	});
	ssm
		.on(ListAssociationsCommand)
		.callsFake((input: { NextToken?: string; AssociationFilterList?: { key: string; value: string }[] }) => {
			const document = input.AssociationFilterList?.find((filter) => filter.key === 'Name')?.value;
			const matching = account.associations.filter(
				(association) => document === undefined || association.document === document,
			);
			const page = paged(matching, input.NextToken, size);
			return {
				Associations: page.items.map((association) => ({ AssociationId: association.id, Name: association.document })),
				NextToken: page.next,
			};
		});
	ssm.on(DescribeAssociationCommand).callsFake((input: { AssociationId: string }) => {
		const association = account.associations.find((candidate) => candidate.id === input.AssociationId);
		if (!association) throw notFound('AssociationDoesNotExist', `Association ${input.AssociationId} does not exist`);
		return {
			AssociationDescription: {
				AssociationId: association.id,
				AssociationName: association.name,
				Name: association.document,
				Targets: association.targets,
				ScheduleExpression: association.schedule,
				Parameters: association.parameters,
				Overview: { Status: 'Success' },
				LastExecutionDate: new Date('2026-11-22T00:30:00Z'),
			},
		};
	});
	const associationById = (id: string) => {
		const association = account.associations.find((candidate) => candidate.id === id);
		if (!association) throw notFound('AssociationDoesNotExist', `Association ${id} does not exist`);
		return association;
	};
	ssm.on(ListAssociationVersionsCommand).callsFake((input: { AssociationId: string; NextToken?: string }) => {
		const association = associationById(input.AssociationId);
		const versions = [...(association.earlierVersions ?? []), association.parameters].map((parameters, index) => ({
			AssociationId: association.id,
			AssociationVersion: String(index + 1),
			CreatedDate: new Date('2026-11-20T09:00:00Z'),
			Name: association.document,
			Parameters: parameters,
			ScheduleExpression: association.schedule,
			Targets: association.targets,
		}));
		const page = paged(versions, input.NextToken, size);
		return { AssociationVersions: page.items, NextToken: page.next };
	});
	ssm
		.on(DescribeAssociationExecutionsCommand)
		.callsFake(
			(input: {
				AssociationId: string;
				NextToken?: string;
				Filters?: { Key: string; Value: string; Type: string }[];
			}) => {
				const created = input.Filters?.find((filter) => filter.Key === 'CreatedTime');
				const runs = (associationById(input.AssociationId).runs ?? []).filter(
					(run) =>
						!created ||
						(created.Type === 'GREATER_THAN' ? Date.parse(run.createdAt) > Date.parse(created.Value) : true),
				);
				const page = paged(runs, input.NextToken, size);
				return {
					AssociationExecutions: page.items.map((run) => ({
						AssociationId: input.AssociationId,
						AssociationVersion: run.version,
						ExecutionId: run.id,
						Status: run.targets.every((target) => target.status === 'Success') ? 'Success' : 'Failed',
						DetailedStatus: run.targets.every((target) => target.status === 'Success') ? 'Success' : 'Failed',
						CreatedTime: new Date(run.createdAt),
						LastExecutionDate: new Date(run.createdAt),
						ResourceCountByStatus: `{Success=${run.targets.filter((target) => target.status === 'Success').length}}`,
					})),
					NextToken: page.next,
				};
			},
		);
	ssm
		.on(DescribeAssociationExecutionTargetsCommand)
		.callsFake((input: { AssociationId: string; ExecutionId: string; NextToken?: string }) => {
			const run = (associationById(input.AssociationId).runs ?? []).find(
				(candidate) => candidate.id === input.ExecutionId,
			);
			if (!run) throw notFound('AssociationExecutionDoesNotExist', `Execution ${input.ExecutionId} does not exist`);
			const page = paged(run.targets, input.NextToken, size);
			return {
				AssociationExecutionTargets: page.items.map((target) => ({
					AssociationId: input.AssociationId,
					AssociationVersion: run.version,
					ExecutionId: run.id,
					ResourceId: target.instanceId,
					ResourceType: 'ManagedInstance',
					Status: target.status,
					DetailedStatus: target.status,
					LastExecutionDate: new Date(Date.parse(run.createdAt) + 300_000),
					OutputSource: { OutputSourceId: `${run.id}-cmd`, OutputSourceType: 'RunCommand' },
				})),
				NextToken: page.next,
			};
		});
	ssm.on(DescribeInstancePatchStatesCommand).callsFake((input: { InstanceIds: string[]; NextToken?: string }) => {
		const matching = account.patchStates.filter((state) => input.InstanceIds.includes(state.id));
		const page = paged(matching, input.NextToken, size);
		return {
			InstancePatchStates: page.items.map((state) => ({
				InstanceId: state.id,
				PatchGroup: 'lab2-fleet',
				BaselineId: 'pb-0123456789abcdef0',
				Operation: state.operation,
				OperationStartTime: new Date(Date.parse(state.end) - 120_000),
				OperationEndTime: new Date(state.end),
				InstalledCount: 12,
				MissingCount: 0,
				FailedCount: state.failed,
			})),
			NextToken: page.next,
		};
	});

	ssm.on(ListCommandsCommand).callsFake((input: { NextToken?: string; Filters?: { key: string; value: string }[] }) => {
		const filter = (key: string) => input.Filters?.find((candidate) => candidate.key === key)?.value;
		const after = filter('InvokedAfter');
		const matching = account.commands.filter(
			(command) =>
				(filter('DocumentName') === undefined || command.document === filter('DocumentName')) &&
				(after === undefined || Date.parse(command.requestedAt) >= Date.parse(after)),
		);
		const page = paged(matching, input.NextToken, size);
		return {
			Commands: page.items.map((command) => ({
				CommandId: command.id,
				DocumentName: command.document,
				Parameters: { Operation: [command.operation] },
				RequestedDateTime: new Date(command.requestedAt),
			})),
			NextToken: page.next,
		};
	});
	ssm.on(ListCommandInvocationsCommand).callsFake((input: { CommandId?: string; NextToken?: string }) => {
		const command = account.commands.find((candidate) => candidate.id === input.CommandId);
		const page = paged(command?.invocations ?? [], input.NextToken, size);
		return {
			CommandInvocations: page.items.map((invocation) => ({
				CommandId: command?.id,
				InstanceId: invocation.instanceId,
				DocumentName: command?.document,
				Status: invocation.status,
				RequestedDateTime: command ? new Date(command.requestedAt) : undefined,
			})),
			NextToken: page.next,
		};
	});

	// The tag index (tag:GetResources): ARNs and tags only, filtered by resource type and tag key,
	// ResourcesPerPage pages joined by PaginationToken ("" on the last page, as the service answers).
	const tagging = mockClient(ResourceGroupsTaggingAPIClient);
	tagging
		.on(GetResourcesCommand)
		.callsFake(
			(input: {
				PaginationToken?: string;
				ResourcesPerPage?: number;
				ResourceTypeFilters?: string[];
				TagFilters?: { Key: string; Values?: string[] }[];
			}) => {
				const types = input.ResourceTypeFilters ?? [];
				const functions = types.length === 0 || types.includes('lambda:function') ? account.functions : [];
				const matching = functions.filter((fn) =>
					(input.TagFilters ?? []).every(
						(filter) =>
							filter.Key in fn.tags && (!filter.Values?.length || filter.Values.includes(fn.tags[filter.Key] ?? '')),
					),
				);
				const page = paged(matching, input.PaginationToken || undefined, Math.min(size, input.ResourcesPerPage ?? 50));
				return {
					ResourceTagMappingList: page.items.map((fn) => ({ ResourceARN: lambdaArn(fn.name), Tags: tagList(fn.tags) })),
					PaginationToken: page.next ?? '',
				};
			},
		);

	const lambda = mockClient(LambdaClient);
	const functionByArn = (arn: string) => {
		const fn = account.functions.find((candidate) => lambdaArn(candidate.name) === arn);
		if (!fn) throw notFound('ResourceNotFoundException', `Function not found: ${arn}`);
		return fn;
	};
	// The grader role may read a configuration only where aws:ResourceTag/sre-lab is like lab*.
	lambda.on(GetFunctionConfigurationCommand).callsFake((input: { FunctionName: string }) => {
		const fn = functionByArn(input.FunctionName);
		if (!fn.tags['sre-lab']?.startsWith('lab')) {
			throw Object.assign(new Error('User is not authorized to perform: lambda:GetFunctionConfiguration'), {
				name: 'AccessDeniedException',
			});
		}
		return {
			FunctionName: fn.name,
			FunctionArn: lambdaArn(fn.name),
			Runtime: 'nodejs22.x',
			Role: roleArn(fn.role),
			Handler: 'index.handler',
			LastModified: '2026-11-21T16:00:00.000+0000',
			Environment: { Variables: { DB_PASSWORD: 'not-for-the-grader' } },
			TracingConfig: { Mode: 'PassThrough' },
		};
	});
	lambda.on(GetPolicyCommand).callsFake((input: { FunctionName: string }) => {
		const fn = functionByArn(input.FunctionName);
		if (fn.policy === undefined)
			throw notFound('ResourceNotFoundException', 'The resource you requested does not exist.');
		return { Policy: JSON.stringify(fn.policy), RevisionId: 'r1' };
	});

	const iam = mockClient(IAMClient);
	const managedDocuments = new Map(
		Object.values(account.roles).flatMap((policies) =>
			Object.entries(policies).filter(([source]) => source.startsWith('arn:')),
		),
	);
	const role = (name: string) => {
		const policies = account.roles[name];
		if (!policies) throw notFound('NoSuchEntityException', `The role with name ${name} cannot be found.`);
		return policies;
	};
	iam.on(ListAttachedRolePoliciesCommand).callsFake((input: { RoleName: string }) => ({
		AttachedPolicies: Object.keys(role(input.RoleName))
			.filter((source) => source.startsWith('arn:'))
			.map((PolicyArn) => ({ PolicyArn, PolicyName: PolicyArn.split('/').at(-1) })),
	}));
	iam
		.on(GetManagedPolicyCommand)
		.callsFake((input: { PolicyArn: string }) => ({ Policy: { Arn: input.PolicyArn, DefaultVersionId: 'v2' } }));
	iam.on(GetPolicyVersionCommand).callsFake((input: { PolicyArn: string }) => ({
		PolicyVersion: {
			VersionId: 'v2',
			IsDefaultVersion: true,
			Document: encodeURIComponent(JSON.stringify(managedDocuments.get(input.PolicyArn))),
		},
	}));
	iam.on(ListRolePoliciesCommand).callsFake((input: { RoleName: string }) => ({
		PolicyNames: Object.keys(role(input.RoleName))
			.filter((source) => source.startsWith('inline:'))
			.map((source) => source.slice('inline:'.length)),
	}));
	iam.on(GetRolePolicyCommand).callsFake((input: { RoleName: string; PolicyName: string }) => ({
		RoleName: input.RoleName,
		PolicyName: input.PolicyName,
		PolicyDocument: encodeURIComponent(JSON.stringify(role(input.RoleName)[`inline:${input.PolicyName}`])),
	}));
	iam
		.on(SimulatePrincipalPolicyCommand)
		.callsFake(
			(input: {
				PolicySourceArn: string;
				ActionNames: string[];
				ResourceArns?: string[];
				ContextEntries?: { ContextKeyName?: string }[];
			}) => {
				const decisions = account.simulations[input.PolicySourceArn.split('/').at(-1) ?? ''];
				if (!decisions) {
					throw notFound(
						'AccessDenied',
						`User: arn:aws:sts::${accountId}:assumed-role/Learner/learner is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${input.PolicySourceArn}`,
					);
				}
				const given = new Set((input.ContextEntries ?? []).map((entry) => entry.ContextKeyName));
				return {
					// Shapes from the IAM API reference: with ResourceArns, one EvaluationResult per action whose
					// top-level decision is the most restrictive over the resources, and whose per-resource
					// decision and missing context keys are in ResourceSpecificResults; without them, the
					// missing keys are at the top level of a simulation on "*".
					EvaluationResults: input.ActionNames.map((action) => {
						const rule = decisions[action] ?? 'implicitDeny';
						const needs = typeof rule === 'string' ? [] : rule.needs;
						const missing = needs.filter((key) => !given.has(key));
						const decision = missing.length > 0 ? 'implicitDeny' : typeof rule === 'string' ? rule : rule.decision;
						const resources = input.ResourceArns ?? [];
						if (resources.length === 0) {
							return {
								EvalActionName: action,
								EvalResourceName: '*',
								EvalDecision: decision,
								MatchedStatements: [],
								MissingContextValues: missing,
							};
						}
						return {
							EvalActionName: action,
							EvalResourceName: resources[0],
							EvalDecision: decision,
							MatchedStatements: [],
							MissingContextValues: [],
							ResourceSpecificResults: resources.map((arn) => ({
								EvalResourceName: arn,
								EvalResourceDecision: decision,
								MatchedStatements: [],
								MissingContextValues: missing,
							})),
						};
					}),
					IsTruncated: false,
				};
			},
		);

	const events = mockClient(EventBridgeClient);
	events.on(ListRulesCommand).callsFake((input: { NextToken?: string }) => {
		const page = paged(account.rules, input.NextToken, size);
		return {
			Rules: page.items.map((rule) => ({
				Name: rule.name,
				Arn: `arn:aws:events:${region}:${accountId}:rule/${rule.name}`,
				State: rule.state,
				ScheduleExpression: rule.schedule,
				EventBusName: 'default',
			})),
			NextToken: page.next,
		};
	});
	events.on(ListTargetsByRuleCommand).callsFake((input: { Rule: string; NextToken?: string }) => {
		const rule = account.rules.find((candidate) => candidate.name === input.Rule);
		if (!rule) throw notFound('ResourceNotFoundException', `Rule ${input.Rule} does not exist.`);
		const page = paged(rule.targets, input.NextToken, size);
		return { Targets: page.items.map((Arn, index) => ({ Id: `target-${index}`, Arn })), NextToken: page.next };
	});

	const scheduler = mockClient(SchedulerClient);
	scheduler.on(ListSchedulesCommand).callsFake((input: { NextToken?: string }) => {
		const page = paged(account.schedules, input.NextToken, size);
		return {
			Schedules: page.items.map((schedule) => ({
				Name: schedule.name,
				GroupName: schedule.group,
				Arn: `arn:aws:scheduler:${region}:${accountId}:schedule/${schedule.group}/${schedule.name}`,
				State: schedule.state,
				Target: { Arn: schedule.target },
			})),
			NextToken: page.next,
		};
	});
	scheduler.on(GetScheduleCommand).callsFake((input: { Name: string; GroupName?: string }) => {
		const schedule = account.schedules.find(
			(candidate) => candidate.name === input.Name && candidate.group === (input.GroupName ?? 'default'),
		);
		if (!schedule) throw notFound('ResourceNotFoundException', `Schedule ${input.Name} does not exist.`);
		return {
			Name: schedule.name,
			GroupName: schedule.group,
			Arn: `arn:aws:scheduler:${region}:${accountId}:schedule/${schedule.group}/${schedule.name}`,
			State: schedule.state,
			ScheduleExpression: schedule.expression,
			Target: { Arn: schedule.target, RoleArn: roleArn(schedule.role), Input: schedule.input },
			FlexibleTimeWindow: { Mode: 'OFF' },
		};
	});

	const resourceGroups = mockClient(ResourceGroupsClient);
	resourceGroups.on(GetGroupQueryCommand).callsFake((input: { Group?: string; GroupName?: string }) => {
		const name = input.Group ?? input.GroupName ?? '';
		const group = account.resourceGroups?.[name];
		if (!group) throw notFound('NotFoundException', `Cannot find group ${name}.`);
		return { GroupQuery: { GroupName: name, ResourceQuery: { Type: group.type, Query: JSON.stringify(group.query) } } };
	});

	const cloudwatch = mockClient(CloudWatchClient);
	cloudwatch.on(GetMetricDataCommand).callsFake(
		(input: {
			StartTime: Date;
			EndTime: Date;
			MetricDataQueries: {
				Id: string;
				MetricStat?: { Period?: number; Metric?: { MetricName?: string; Dimensions?: { Value?: string }[] } };
			}[];
		}) => ({
			// Like CloudWatch: sums per period counted from StartTime, only periods with data, newest first
			// (the default ScanBy is TimestampDescending).
			MetricDataResults: input.MetricDataQueries.map((query) => {
				const periodMs = (query.MetricStat?.Period ?? 60) * 1000;
				const start = input.StartTime.getTime();
				const field = query.MetricStat?.Metric?.MetricName === 'Errors' ? 'errors' : 'invocations';
				const sums = new Map<number, number>();
				for (const point of account.metrics[query.MetricStat?.Metric?.Dimensions?.[0]?.Value ?? ''] ?? []) {
					const at = Date.parse(point.at);
					if (at < start || at >= input.EndTime.getTime()) continue;
					const bucket = start + Math.floor((at - start) / periodMs) * periodMs;
					sums.set(bucket, (sums.get(bucket) ?? 0) + point[field]);
				}
				const buckets = [...sums.keys()].sort((a, b) => b - a);
				return {
					Id: query.Id,
					Label: query.MetricStat?.Metric?.MetricName,
					StatusCode: 'Complete',
					Timestamps: buckets.map((bucket) => new Date(bucket)),
					Values: buckets.map((bucket) => sums.get(bucket) ?? 0),
				};
			}),
			Messages: [],
		}),
	);

	const cloudtrail = mockClient(CloudTrailClient);
	const userIdentityOf = (by: string) => {
		const executionRole = account.functions.find((fn) => fn.name === functionName)?.role ?? executionRoleName;
		if (by.startsWith('user:')) {
			const name = by.slice('user:'.length);
			return {
				type: 'IAMUser',
				principalId: 'AIDAJ45Q7YFFAREXAMPLE',
				arn: `arn:aws:iam::${accountId}:user/${name}`,
				accountId,
				userName: name,
			};
		}
		const [role, session] = by === 'function' ? [executionRole, functionName] : by.slice('role:'.length).split('/');
		return {
			type: 'AssumedRole',
			principalId: `AROAIDPPEZS35WEXAMPLE:${session}`,
			arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`,
			accountId,
			accessKeyId: 'ASIAEXAMPLEEXAMPLE',
			sessionContext: {
				sessionIssuer: {
					type: 'Role',
					principalId: 'AROAIDPPEZS35WEXAMPLE',
					arn: roleArn(role ?? ''),
					accountId,
					userName: role,
				},
				attributes: { creationDate: '2026-11-21T15:41:58Z', mfaAuthenticated: 'false' },
			},
		};
	};
	cloudtrail
		.on(LookupEventsCommand)
		.callsFake(
			(input: {
				StartTime?: Date;
				EndTime?: Date;
				NextToken?: string;
				LookupAttributes?: { AttributeKey?: string; AttributeValue?: string }[];
			}) => {
				// Like CloudTrail: one lookup attribute, the time range inclusive, newest first, at most 50 a page.
				const eventName = input.LookupAttributes?.find((attribute) => attribute.AttributeKey === 'EventName');
				// Every simulated event is a DeleteSnapshot call: a lookup for another event name finds none.
				const recorded = !eventName || eventName.AttributeValue === 'DeleteSnapshot' ? account.trailEvents : [];
				const matching = recorded
					.filter(
						(event) =>
							(!input.StartTime || Date.parse(event.at) >= input.StartTime.getTime()) &&
							(!input.EndTime || Date.parse(event.at) <= input.EndTime.getTime()),
					)
					.sort((a, b) => b.at.localeCompare(a.at));
				const page = paged(matching, input.NextToken, Math.min(size, 50));
				return {
					Events: page.items.map((event) => {
						const userIdentity = userIdentityOf(event.by);
						return {
							EventId: event.id,
							EventName: 'DeleteSnapshot',
							ReadOnly: 'false',
							AccessKeyId: 'ASIAEXAMPLEEXAMPLE',
							EventTime: new Date(event.at),
							EventSource: 'ec2.amazonaws.com',
							Username: userIdentity.arn.split('/').at(-1),
							Resources: [{ ResourceType: 'AWS::EC2::Snapshot', ResourceName: event.snapshotId }],
							CloudTrailEvent: JSON.stringify({
								eventVersion: '1.10',
								userIdentity,
								eventTime: event.at.replace('.000Z', 'Z'),
								eventSource: 'ec2.amazonaws.com',
								eventName: 'DeleteSnapshot',
								awsRegion: region,
								sourceIPAddress: '203.0.113.10',
								userAgent: 'aws-sdk-js/3.1169.0 ua/2.1 os/linux lang/js md/nodejs#22.20.0 api/ec2#3.1169.0',
								requestParameters: { snapshotId: event.snapshotId },
								...(event.errorCode
									? {
											errorCode: event.errorCode,
											errorMessage: 'Request would have succeeded, but DryRun flag is set.',
										}
									: { responseElements: { requestId: event.id, _return: true } }),
								requestID: event.id,
								eventID: event.id,
								readOnly: false,
								eventType: 'AwsApiCall',
								managementEvent: true,
								recipientAccountId: accountId,
								eventCategory: 'Management',
							}),
						};
					}),
					NextToken: page.next,
				};
			},
		);

	const mocks = { sts, ec2, ssm, tagging, lambda, iam, events, scheduler, cloudwatch, resourceGroups, cloudtrail };
	return {
		...mocks,
		restore() {
			for (const mock of Object.values(mocks)) mock.restore();
		},
	};
}
