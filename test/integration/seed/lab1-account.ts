/**
 * A Lab 1 learner who did every step, written into moto through the AWS SDK: a tagged web server
 * with an instance profile, agent metrics, the access log with recent events (next to the error log
 * and a Lambda log group), the two metric filters, an availability alarm that notifies SNS, the SLO
 * parameter and an SLI dashboard.
 */
import {
	CloudWatchClient,
	PutDashboardCommand,
	PutMetricAlarmCommand,
	PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {
	CloudWatchLogsClient,
	CreateLogGroupCommand,
	CreateLogStreamCommand,
	PutLogEventsCommand,
	PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
	AuthorizeSecurityGroupIngressCommand,
	CreateSecurityGroupCommand,
	EC2Client,
	RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
	AddRoleToInstanceProfileCommand,
	AttachRolePolicyCommand,
	CreateInstanceProfileCommand,
	CreateRoleCommand,
	IAMClient,
} from '@aws-sdk/client-iam';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { accessLogSamples } from '../../../graders/collectors/logs/access-log-samples.ts';
import type { SeedingClients } from '../support/moto-account.ts';

export const lab1Names = {
	role: 'sre-lab1-web-role',
	instanceProfile: 'sre-lab1-web-profile',
	securityGroup: 'sre-lab1-web',
	accessLogGroup: '/sre-lab/lab1/access',
	errorLogGroup: '/sre-lab/lab1/error',
	lambdaLogGroup: '/aws/lambda/old-experiment',
	errorFilter: 'http-5xx',
	requestFilter: 'http-requests',
	alarm: 'lab1-availability-below-slo',
	topic: 'sre-lab1-alerts',
	dashboard: 'lab1-sli',
	sloParameter: '/sre-lab/lab1/slo',
	agentPolicyArn: 'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
} as const;

export interface Lab1Seed {
	instanceId: string;
	securityGroupId: string;
	instanceProfileArn: string;
	topicArn: string;
	subscriptionArn: string;
}

const assumedByEc2 = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export async function seedLab1Account(clients: SeedingClients): Promise<Lab1Seed> {
	const iam = clients.get(IAMClient);
	await iam.send(new CreateRoleCommand({ RoleName: lab1Names.role, AssumeRolePolicyDocument: assumedByEc2 }));
	// Loaded by moto because the tier starts it with MOTO_IAM_LOAD_MANAGED_POLICIES=true.
	await iam.send(new AttachRolePolicyCommand({ RoleName: lab1Names.role, PolicyArn: lab1Names.agentPolicyArn }));
	const profile = await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: lab1Names.instanceProfile }));
	await iam.send(
		new AddRoleToInstanceProfileCommand({ InstanceProfileName: lab1Names.instanceProfile, RoleName: lab1Names.role }),
	);

	const ec2 = clients.get(EC2Client);
	const group = await ec2.send(
		new CreateSecurityGroupCommand({ GroupName: lab1Names.securityGroup, Description: 'Lab 1 web server' }),
	);
	const securityGroupId = group.GroupId as string;
	await ec2.send(
		new AuthorizeSecurityGroupIngressCommand({
			GroupId: securityGroupId,
			IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
		}),
	);
	const run = await ec2.send(
		new RunInstancesCommand({
			ImageId: 'ami-12c6146b',
			InstanceType: 't3.micro',
			MinCount: 1,
			MaxCount: 1,
			SecurityGroupIds: [securityGroupId],
			IamInstanceProfile: { Arn: profile.InstanceProfile?.Arn },
			TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'sre-lab', Value: 'lab1' }] }],
		}),
	);
	const instanceId = run.Instances?.[0]?.InstanceId as string;

	const cloudwatch = clients.get(CloudWatchClient);
	await cloudwatch.send(
		new PutMetricDataCommand({
			Namespace: 'CWAgent',
			MetricData: [
				{ MetricName: 'mem_used_percent', Dimensions: [{ Name: 'InstanceId', Value: instanceId }], Value: 41 },
				{ MetricName: 'disk_used_percent', Dimensions: [{ Name: 'InstanceId', Value: instanceId }], Value: 12 },
			],
		}),
	);

	const logs = clients.get(CloudWatchLogsClient);
	await logs.send(new CreateLogGroupCommand({ logGroupName: lab1Names.accessLogGroup }));
	// The agent's usual stream name: the instance id.
	await logs.send(new CreateLogStreamCommand({ logGroupName: lab1Names.accessLogGroup, logStreamName: instanceId }));
	const now = Date.now();
	await logs.send(
		new PutLogEventsCommand({
			logGroupName: lab1Names.accessLogGroup,
			logStreamName: instanceId,
			logEvents: accessLogSamples.map((sample, index) => ({
				timestamp: now - 60_000 + index,
				message: sample.line,
			})),
		}),
	);
	// What else a real account holds: the server's error log, shipped by the same agent under the same
	// stream name, and a log group an AWS service writes to. Neither is the access log.
	await logs.send(new CreateLogGroupCommand({ logGroupName: lab1Names.errorLogGroup }));
	await logs.send(new CreateLogStreamCommand({ logGroupName: lab1Names.errorLogGroup, logStreamName: instanceId }));
	await logs.send(
		new PutLogEventsCommand({
			logGroupName: lab1Names.errorLogGroup,
			logStreamName: instanceId,
			logEvents: [
				{
					timestamp: now - 30_000,
					message:
						'[Thu Nov 26 10:15:08.123456 2026] [proxy:error] [pid 2121] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed',
				},
			],
		}),
	);
	await logs.send(new CreateLogGroupCommand({ logGroupName: lab1Names.lambdaLogGroup }));

	const filter = (filterName: string, pattern: string, metricName: string) =>
		new PutMetricFilterCommand({
			logGroupName: lab1Names.accessLogGroup,
			filterName,
			filterPattern: pattern,
			metricTransformations: [{ metricNamespace: 'SRE/Lab1', metricName, metricValue: '1' }],
		});
	await logs.send(
		filter(
			lab1Names.errorFilter,
			'[ip, identity, user, timestamp, request, status_code=5*, size, referrer, agent]',
			'Http5xx',
		),
	);
	await logs.send(
		filter(
			lab1Names.requestFilter,
			'[ip, identity, user, timestamp, request, status_code, size, referrer, agent]',
			'HttpRequests',
		),
	);

	const sns = clients.get(SNSClient);
	const topicArn = (await sns.send(new CreateTopicCommand({ Name: lab1Names.topic }))).TopicArn as string;
	const subscription = await sns.send(
		new SubscribeCommand({ TopicArn: topicArn, Protocol: 'email', Endpoint: 'oncall@example.com' }),
	);

	await cloudwatch.send(
		new PutMetricAlarmCommand({
			AlarmName: lab1Names.alarm,
			ComparisonOperator: 'LessThanThreshold',
			Threshold: 99.5,
			EvaluationPeriods: 3,
			ActionsEnabled: true,
			AlarmActions: [topicArn],
			Metrics: [
				{
					Id: 'errors',
					ReturnData: false,
					MetricStat: { Metric: { Namespace: 'SRE/Lab1', MetricName: 'Http5xx' }, Period: 300, Stat: 'Sum' },
				},
				{
					Id: 'requests',
					ReturnData: false,
					MetricStat: { Metric: { Namespace: 'SRE/Lab1', MetricName: 'HttpRequests' }, Period: 300, Stat: 'Sum' },
				},
				{
					Id: 'availability',
					Expression: '100 * (1 - errors / requests)',
					Label: 'Availability (%)',
					ReturnData: true,
				},
			],
		}),
	);

	await clients.get(SSMClient).send(
		new PutParameterCommand({
			Name: lab1Names.sloParameter,
			Type: 'String',
			Value: JSON.stringify({
				sli: 'share of HTTP requests answered without a 5xx status',
				objective: 99.9,
				windowDays: 30,
				errorBudgetMinutes: 43.2,
			}),
		}),
	);

	await cloudwatch.send(
		new PutDashboardCommand({
			DashboardName: lab1Names.dashboard,
			DashboardBody: JSON.stringify({
				widgets: [
					{
						type: 'metric',
						x: 0,
						y: 0,
						width: 12,
						height: 6,
						properties: {
							title: 'Availability SLI',
							region: await cloudwatch.config.region(),
							metrics: [
								['SRE/Lab1', 'HttpRequests', { id: 'requests', visible: false, stat: 'Sum' }],
								['.', 'Http5xx', { id: 'errors', visible: false, stat: 'Sum' }],
								[{ expression: '100 * (1 - errors / requests)', label: 'Availability (%)', id: 'sli' }],
							],
						},
					},
				],
			}),
		}),
	);

	return {
		instanceId,
		securityGroupId,
		instanceProfileArn: profile.InstanceProfile?.Arn as string,
		topicArn,
		subscriptionArn: subscription.SubscriptionArn as string,
	};
}
