/**
 * A Lab 2 learner who did every step, written into moto through the AWS SDK: a tagged fleet, a
 * patching maintenance window (target by tag, AWS-RunPatchBaseline Install task), a patch Install
 * sent through Run Command, the cleanup function (tagged, with its execution role and a resource
 * policy for EventBridge), a scheduled rule and a Scheduler schedule that invoke it, and a tagged
 * snapshot, and the function's Invocations and Errors metrics from a clean run. moto 5.x cannot create State Manager associations (no CreateAssociation), so the
 * maintenance window is the patching plan here.
 */
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CreateSnapshotCommand, CreateVolumeCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateGroupCommand, ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import {
	CreateMaintenanceWindowCommand,
	RegisterTargetWithMaintenanceWindowCommand,
	RegisterTaskWithMaintenanceWindowCommand,
	SendCommandCommand,
	SSMClient,
} from '@aws-sdk/client-ssm';
import type { SeedingClients } from '../support/moto-account.ts';

export const lab2Names = {
	functionRole: 'sre-lab2-cleanup-role',
	schedulerRole: 'sre-lab2-scheduler-role',
	function: 'sre-lab2-snapshot-cleanup',
	functionSecret: 'moto-env-secret-7f3a',
	rule: 'sre-lab2-nightly-cleanup',
	schedule: 'sre-lab2-cleanup-schedule',
	window: 'sre-lab2-patching',
	groupWindow: 'sre-lab2-patching-by-group',
	resourceGroup: 'sre-lab2-fleet',
	patchGroup: 'sre-lab2-web',
	/** A tag the resource group selects by that ec2.instances does not keep (read by ec2.ssm-target-tags). */
	role: 'patch-weekly',
	/** A tag value no check reads: it must never reach the snapshot. */
	instanceSecret: 'moto-tag-secret-9c1d',
} as const;

export interface Lab2Seed {
	instanceIds: string[];
	windowId: string;
	groupWindowId: string;
	commandId: string;
	functionArn: string;
	functionRoleArn: string;
	schedulerRoleArn: string;
	snapshotId: string;
}

const trust = (service: string) =>
	JSON.stringify({
		Version: '2012-10-17',
		Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
	});

/** The smallest valid zip archive (an empty one): moto stores the code without running it. */
const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export async function seedLab2Account(clients: SeedingClients): Promise<Lab2Seed> {
	const ec2 = clients.get(EC2Client);
	const run = await ec2.send(
		new RunInstancesCommand({
			ImageId: 'ami-12c6146b',
			InstanceType: 't3.micro',
			MinCount: 2,
			MaxCount: 2,
			TagSpecifications: [
				{
					ResourceType: 'instance',
					Tags: [
						{ Key: 'sre-lab', Value: 'lab2' },
						{ Key: 'PatchGroup', Value: lab2Names.patchGroup },
						{ Key: 'Role', Value: lab2Names.role },
						{ Key: 'DB_PASSWORD', Value: lab2Names.instanceSecret },
					],
				},
			],
		}),
	);
	const instanceIds = (run.Instances ?? []).map((instance) => instance.InstanceId as string);

	const ssm = clients.get(SSMClient);
	const window = await ssm.send(
		new CreateMaintenanceWindowCommand({
			Name: lab2Names.window,
			Schedule: 'cron(0 3 ? * SUN *)',
			Duration: 2,
			Cutoff: 1,
			AllowUnassociatedTargets: false,
		}),
	);
	const windowId = window.WindowId as string;
	const target = await ssm.send(
		new RegisterTargetWithMaintenanceWindowCommand({
			WindowId: windowId,
			ResourceType: 'INSTANCE',
			Targets: [{ Key: 'tag:sre-lab', Values: ['lab2'] }],
		}),
	);
	await ssm.send(
		new RegisterTaskWithMaintenanceWindowCommand({
			WindowId: windowId,
			TaskType: 'RUN_COMMAND',
			TaskArn: 'AWS-RunPatchBaseline',
			Targets: [{ Key: 'WindowTargetIds', Values: [target.WindowTargetId as string] }],
			MaxConcurrency: '1',
			MaxErrors: '1',
			TaskInvocationParameters: { RunCommand: { Parameters: { Operation: ['Install'] } } },
		}),
	);
	// A second window that picks the fleet by resource group. It has no task: moto lacks
	// GetMaintenanceWindowTask, so a window with a task cannot be read whole, and this one lets the
	// resource-group read run.
	await clients.get(ResourceGroupsClient).send(
		new CreateGroupCommand({
			Name: lab2Names.resourceGroup,
			ResourceQuery: {
				Type: 'TAG_FILTERS_1_0',
				Query: JSON.stringify({
					ResourceTypeFilters: ['AWS::EC2::Instance'],
					TagFilters: [
						{ Key: 'sre-lab', Values: ['lab2'] },
						{ Key: 'Role', Values: [lab2Names.role] },
					],
				}),
			},
		}),
	);
	const groupWindow = await ssm.send(
		new CreateMaintenanceWindowCommand({
			Name: lab2Names.groupWindow,
			Schedule: 'rate(7 days)',
			Duration: 2,
			Cutoff: 1,
			AllowUnassociatedTargets: false,
		}),
	);
	await ssm.send(
		new RegisterTargetWithMaintenanceWindowCommand({
			WindowId: groupWindow.WindowId,
			ResourceType: 'RESOURCE_GROUP',
			Targets: [{ Key: 'resource-groups:Name', Values: [lab2Names.resourceGroup] }],
		}),
	);

	const command = await ssm.send(
		new SendCommandCommand({
			DocumentName: 'AWS-RunPatchBaseline',
			InstanceIds: instanceIds,
			Parameters: { Operation: ['Install'] },
		}),
	);

	const iam = clients.get(IAMClient);
	const functionRole = await iam.send(
		new CreateRoleCommand({
			RoleName: lab2Names.functionRole,
			AssumeRolePolicyDocument: trust('lambda.amazonaws.com'),
		}),
	);
	await iam.send(
		new PutRolePolicyCommand({
			RoleName: lab2Names.functionRole,
			PolicyName: 'snapshot-cleanup',
			PolicyDocument: JSON.stringify({
				Version: '2012-10-17',
				Statement: [{ Effect: 'Allow', Action: ['ec2:DescribeSnapshots', 'ec2:DeleteSnapshot'], Resource: '*' }],
			}),
		}),
	);
	const schedulerRole = await iam.send(
		new CreateRoleCommand({
			RoleName: lab2Names.schedulerRole,
			AssumeRolePolicyDocument: trust('scheduler.amazonaws.com'),
		}),
	);

	const lambda = clients.get(LambdaClient);
	const fn = await lambda.send(
		new CreateFunctionCommand({
			FunctionName: lab2Names.function,
			Runtime: 'python3.12',
			Handler: 'index.handler',
			Role: functionRole.Role?.Arn,
			Code: { ZipFile: emptyZip },
			// A secret in the environment, as real cleanup functions often carry: the grader must not store it.
			Environment: { Variables: { DB_PASSWORD: lab2Names.functionSecret } },
			Tags: { 'sre-lab': 'lab2' },
		}),
	);
	const functionArn = fn.FunctionArn as string;
	await iam.send(
		new PutRolePolicyCommand({
			RoleName: lab2Names.schedulerRole,
			PolicyName: 'invoke-cleanup',
			PolicyDocument: JSON.stringify({
				Version: '2012-10-17',
				Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: functionArn }],
			}),
		}),
	);

	const events = clients.get(EventBridgeClient);
	const rule = await events.send(
		new PutRuleCommand({ Name: lab2Names.rule, ScheduleExpression: 'rate(1 day)', State: 'ENABLED' }),
	);
	await events.send(new PutTargetsCommand({ Rule: lab2Names.rule, Targets: [{ Id: 'cleanup', Arn: functionArn }] }));
	await lambda.send(
		new AddPermissionCommand({
			FunctionName: lab2Names.function,
			StatementId: 'events-invoke',
			Action: 'lambda:InvokeFunction',
			Principal: 'events.amazonaws.com',
			SourceArn: rule.RuleArn,
		}),
	);
	await clients.get(SchedulerClient).send(
		new CreateScheduleCommand({
			Name: lab2Names.schedule,
			ScheduleExpression: 'rate(1 day)',
			State: 'ENABLED',
			FlexibleTimeWindow: { Mode: 'OFF' },
			Target: { Arn: functionArn, RoleArn: schedulerRole.Role?.Arn },
		}),
	);

	// The function ran a few minutes ago without errors: Lambda's own metrics, which moto does not
	// produce (creating a function there does not run it), so they are put the way Lambda would.
	const ranAt = new Date(Date.now() - 5 * 60_000);
	const dimensions = [{ Name: 'FunctionName', Value: lab2Names.function }];
	await clients.get(CloudWatchClient).send(
		new PutMetricDataCommand({
			Namespace: 'AWS/Lambda',
			MetricData: [
				{ MetricName: 'Invocations', Dimensions: dimensions, Timestamp: ranAt, Value: 1, Unit: 'Count' },
				{ MetricName: 'Errors', Dimensions: dimensions, Timestamp: ranAt, Value: 0, Unit: 'Count' },
			],
		}),
	);

	const volume = await ec2.send(
		new CreateVolumeCommand({ AvailabilityZone: `${await ec2.config.region()}a`, Size: 8 }),
	);
	const snapshot = await ec2.send(
		new CreateSnapshotCommand({
			VolumeId: volume.VolumeId,
			TagSpecifications: [
				{
					ResourceType: 'snapshot',
					Tags: [
						{ Key: 'sre-lab', Value: 'lab2' },
						{ Key: 'DeleteAfter', Value: '2099-01-01' },
					],
				},
			],
		}),
	);

	return {
		instanceIds,
		windowId,
		groupWindowId: groupWindow.WindowId as string,
		commandId: command.Command?.CommandId as string,
		functionArn,
		functionRoleArn: functionRole.Role?.Arn as string,
		schedulerRoleArn: schedulerRole.Role?.Arn as string,
		snapshotId: snapshot.SnapshotId as string,
	};
}
