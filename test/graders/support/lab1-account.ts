/**
 * A simulated learner account for Lab 1, answered by aws-sdk-client-mock. `completeLab1Account`
 * describes a learner who finished every step; tests and the benchmark serve it through mocked SDK
 * clients so the real collectors run against realistic API responses.
 */
import {
	ApplicationSignalsClient,
	GetServiceLevelObjectiveCommand,
	ListServiceLevelObjectivesCommand,
} from '@aws-sdk/client-application-signals';
import {
	CloudWatchClient,
	DescribeAlarmsCommand,
	GetDashboardCommand,
	ListDashboardsCommand,
	ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import {
	CloudWatchLogsClient,
	DescribeLogGroupsCommand,
	DescribeLogStreamsCommand,
	DescribeMetricFiltersCommand,
	GetLogEventsCommand,
	TestMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
	GetInstanceProfileCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRolePolicyCommand,
	IAMClient,
	ListAttachedRolePoliciesCommand,
	ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { SNSClient } from '@aws-sdk/client-sns';
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { patternMatches } from './filter-pattern-emulator.ts';
import { answerSnsTopics } from './sns-topics-mock.ts';

export const accountId = '123456789012';
export const region = 'eu-west-1';
export const collectedAt = new Date('2026-11-22T12:00:00.000Z');
export const webInstanceId = 'i-0a1b2c3d4e5f60718';
export const topicArn = `arn:aws:sns:${region}:${accountId}:sre-lab1-alerts`;
export const accessLogGroup = '/sre-lab/lab1/access';

const agentServerPolicy = {
	Version: '2012-10-17',
	Statement: [
		{
			Sid: 'CWACloudWatchServerPermissions',
			Effect: 'Allow',
			Action: [
				'cloudwatch:PutMetricData',
				'ec2:DescribeVolumes',
				'ec2:DescribeTags',
				'logs:PutLogEvents',
				'logs:PutRetentionPolicy',
				'logs:DescribeLogStreams',
				'logs:DescribeLogGroups',
				'logs:CreateLogStream',
				'logs:CreateLogGroup',
			],
			Resource: '*',
		},
	],
};

export interface Lab1Account {
	instances: { id: string; state: string; tags: Record<string, string>; profile?: string; groups: string[] }[];
	securityGroups: { id: string; rules: { protocol: string; from?: number; to?: number; cidr: string }[] }[];
	/** instance profile name → role name → policies (managed ARN or `inline:<name>`) with documents */
	profiles: Record<string, Record<string, Record<string, unknown>>>;
	metrics: { namespace: string; name: string; instanceId: string }[];
	/**
	 * Streams per log group. `lastEvent` is what DescribeLogStreams reports as lastEventTimestamp
	 * (null: not set yet); `lastIngestion` defaults to it. `lines` are the stream's latest events
	 * (default: what the group's name suggests: access-log or error-log lines).
	 */
	logGroups: Record<string, { stream: string; lastEvent: string | null; lastIngestion?: string; lines?: string[] }[]>;
	metricFilters: { name: string; group: string; pattern: string; namespace: string; metric: string; value: string }[];
	alarms: Record<string, unknown>[];
	/** Composite alarms as DescribeAlarms returns them (CompositeAlarms[]). */
	compositeAlarms: Record<string, unknown>[];
	subscriptions: { arn: string; topic: string; protocol: string }[];
	parameters: { name: string; type: string; value: string }[];
	/** Application Signals SLOs as GetServiceLevelObjective returns them (`Slo`), keyed by name. */
	serviceLevelObjectives: Record<string, Record<string, unknown>>;
	dashboards: Record<string, unknown>;
}

/** Latest lines of an Apache httpd access log and error log, as the agent ships them. */
export const accessLogLines = [
	'198.51.100.7 - - [22/Nov/2026:11:57:58 +0000] "GET / HTTP/1.1" 200 612 "-" "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"',
	'198.51.100.8 - - [22/Nov/2026:11:57:59 +0000] "GET /health HTTP/1.1" 200 2 "-" "ELB-HealthChecker/2.0"',
	'203.0.113.24 - - [22/Nov/2026:11:58:00 +0000] "GET /api/search?q=lamp HTTP/1.1" 503 190 "http://shop.example/" "curl/8.5.0"',
];
export const errorLogLines = [
	'[Sun Nov 22 09:11:58.123456 2026] [core:error] [pid 2211:tid 2231] [client 203.0.113.22:50712] AH00037: Symbolic link not allowed or link target not accessible: /var/www/html/missing.png',
	'[Sun Nov 22 09:12:00.004512 2026] [mpm_event:notice] [pid 2199:tid 2199] AH00489: Apache/2.4.62 () configured -- resuming normal operations',
];
const defaultLines = (group: string) => (group.includes('access') ? accessLogLines : errorLogLines);

export const sloArn = (name: string) => `arn:aws:application-signals:${region}:${accountId}:slo/${name}`;

/** An Application Signals SLO as a learner might create it for Lab 1 (GetServiceLevelObjective's `Slo`). */
export const lab1ApplicationSignalsSlo = {
	EvaluationType: 'RequestBased',
	Goal: { Interval: { RollingInterval: { Duration: 30, DurationUnit: 'DAY' } }, AttainmentGoal: 99.9 },
};

export function completeLab1Account(): Lab1Account {
	return {
		instances: [
			{
				id: webInstanceId,
				state: 'running',
				tags: { Name: 'lab1-web', 'sre-lab': 'lab1' },
				profile: 'lab1-web-profile',
				groups: ['sg-0web0000000000001'],
			},
			{ id: 'i-0fedcba9876543210', state: 'running', tags: { Name: 'bastion' }, groups: ['sg-0ssh0000000000002'] },
		],
		securityGroups: [
			{
				id: 'sg-0web0000000000001',
				rules: [
					{ protocol: 'tcp', from: 80, to: 80, cidr: '0.0.0.0/0' },
					{ protocol: 'tcp', from: 22, to: 22, cidr: '203.0.113.0/24' },
				],
			},
			{ id: 'sg-0ssh0000000000002', rules: [{ protocol: 'tcp', from: 22, to: 22, cidr: '203.0.113.0/24' }] },
		],
		profiles: {
			'lab1-web-profile': {
				'lab1-web-role': {
					'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy': agentServerPolicy,
					'inline:read-agent-config': {
						Version: '2012-10-17',
						Statement: {
							Effect: 'Allow',
							Action: 'ssm:GetParameter',
							Resource: `arn:aws:ssm:${region}:${accountId}:parameter/AmazonCloudWatch-*`,
						},
					},
				},
			},
		},
		metrics: [
			{ namespace: 'CWAgent', name: 'mem_used_percent', instanceId: webInstanceId },
			{ namespace: 'CWAgent', name: 'disk_used_percent', instanceId: webInstanceId },
			{ namespace: 'AWS/EC2', name: 'CPUUtilization', instanceId: webInstanceId },
			{ namespace: 'AWS/EC2', name: 'CPUUtilization', instanceId: 'i-0fedcba9876543210' },
		],
		logGroups: {
			[accessLogGroup]: [{ stream: webInstanceId, lastEvent: '2026-11-22T11:58:00.000Z' }],
			'/sre-lab/lab1/error': [{ stream: webInstanceId, lastEvent: '2026-11-22T09:12:00.000Z' }],
			'/aws/lambda/old-experiment': [
				{ stream: '2026/11/01/[$LATEST]0123456789abcdef', lastEvent: '2026-11-01T08:00:00.000Z' },
			],
		},
		metricFilters: [
			{
				name: 'http-5xx',
				group: accessLogGroup,
				pattern: '[ip, identity, user, timestamp, request, status_code=5*, size, referrer, agent]',
				namespace: 'SRE/Lab1',
				metric: 'Http5xx',
				value: '1',
			},
			{
				name: 'http-requests',
				group: accessLogGroup,
				pattern: '[ip, identity, user, timestamp, request, status_code, size, referrer, agent]',
				namespace: 'SRE/Lab1',
				metric: 'HttpRequests',
				value: '1',
			},
		],
		alarms: [
			{
				AlarmName: 'lab1-availability-below-slo',
				AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:lab1-availability-below-slo`,
				ComparisonOperator: 'LessThanThreshold',
				Threshold: 99.5,
				EvaluationPeriods: 3,
				ActionsEnabled: true,
				AlarmActions: [topicArn],
				StateValue: 'OK',
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
			},
		],
		compositeAlarms: [],
		subscriptions: [{ arn: `${topicArn}:0f9e8d7c-6b5a-4321-9876-abcdef012345`, topic: topicArn, protocol: 'email' }],
		parameters: [
			{
				name: '/sre-lab/lab1/slo',
				type: 'String',
				value: JSON.stringify({
					sli: 'share of HTTP requests answered without a 5xx status',
					objective: 99.9,
					windowDays: 30,
					errorBudgetMinutes: 43.2,
				}),
			},
		],
		// The lab page records the SLO in Parameter Store; Application Signals is the alternative.
		serviceLevelObjectives: {},
		dashboards: {
			'lab1-sli': {
				widgets: [
					{
						type: 'metric',
						x: 0,
						y: 0,
						width: 12,
						height: 6,
						properties: {
							title: 'Availability SLI',
							region,
							metrics: [
								['SRE/Lab1', 'HttpRequests', { id: 'requests', visible: false, stat: 'Sum' }],
								['.', 'Http5xx', { id: 'errors', visible: false, stat: 'Sum' }],
								[{ expression: '100 * (1 - errors / requests)', label: 'Availability (%)', id: 'sli' }],
							],
						},
					},
				],
			},
		},
	};
}

export interface MockOptions {
	/** Answer every call after this many milliseconds (the benchmark's simulated latency). */
	latencyMs?: number;
	/** Items per page, to make the collectors paginate. */
	pageSize?: number;
}

/** Splits items into pages with NextToken = the next page's index. */
function paged<T>(
	items: readonly T[],
	token: string | undefined,
	size: number,
): { items: T[]; next: string | undefined } {
	const start = token ? Number(token) : 0;
	const end = start + size;
	return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}

export type MockedClients = ReturnType<typeof mockLab1Account>;

/** Installs aws-sdk-client-mock on every client class Lab 1 uses; call `restore()` when done. */
export function mockLab1Account(account: Lab1Account, options: MockOptions = {}) {
	const size = options.pageSize ?? 1000;
	const delay = options.latencyMs ?? 0;
	const answer =
		<I>(fn: (input: I) => unknown) =>
		async (input: I) => {
			if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
			return fn(input);
		};
	const sts = mockClient(STSClient);
	sts
		.on(GetCallerIdentityCommand)
		.callsFake(answer(() => ({ Account: accountId, Arn: `arn:aws:sts::${accountId}:assumed-role/Learner/learner` })));

	const ec2 = mockClient(EC2Client);
	ec2.on(DescribeInstancesCommand).callsFake(
		answer((input: { NextToken?: string }) => {
			const page = paged(account.instances, input.NextToken, size);
			return {
				Reservations: page.items.map((instance) => ({
					Instances: [
						{
							InstanceId: instance.id,
							State: { Name: instance.state },
							Tags: Object.entries(instance.tags).map(([Key, Value]) => ({ Key, Value })),
							IamInstanceProfile: instance.profile
								? { Arn: `arn:aws:iam::${accountId}:instance-profile/${instance.profile}` }
								: undefined,
							SecurityGroups: instance.groups.map((GroupId) => ({ GroupId, GroupName: GroupId })),
							PrivateIpAddress: '10.0.1.20',
							// A default-VPC instance gets a public address (a documentation range here).
							PublicIpAddress: '203.0.113.80',
							LaunchTime: new Date('2026-11-22T08:00:00Z'),
						},
					],
				})),
				NextToken: page.next,
			};
		}),
	);
	ec2.on(DescribeSecurityGroupsCommand).callsFake(
		answer((input: { NextToken?: string }) => {
			const page = paged(account.securityGroups, input.NextToken, size);
			return {
				SecurityGroups: page.items.map((group) => ({
					GroupId: group.id,
					GroupName: group.id,
					IpPermissions: group.rules.map((rule) => ({
						IpProtocol: rule.protocol,
						FromPort: rule.from,
						ToPort: rule.to,
						IpRanges: [{ CidrIp: rule.cidr }],
					})),
				})),
				NextToken: page.next,
			};
		}),
	);

	const iam = mockClient(IAMClient);
	const roleByName = new Map(Object.values(account.profiles).flatMap((roles) => Object.entries(roles)));
	const managedDocuments = new Map(
		[...roleByName.values()].flatMap((policies) =>
			Object.entries(policies).filter(([source]) => source.startsWith('arn:')),
		),
	);
	iam.on(GetInstanceProfileCommand).callsFake(
		answer((input: { InstanceProfileName: string }) => {
			const roles = account.profiles[input.InstanceProfileName];
			if (!roles)
				throw Object.assign(new Error(`Instance Profile ${input.InstanceProfileName} cannot be found.`), {
					name: 'NoSuchEntityException',
				});
			return {
				InstanceProfile: {
					InstanceProfileName: input.InstanceProfileName,
					Roles: Object.keys(roles).map((RoleName) => ({
						RoleName,
						Arn: `arn:aws:iam::${accountId}:role/${RoleName}`,
					})),
				},
			};
		}),
	);
	iam.on(ListAttachedRolePoliciesCommand).callsFake(
		answer((input: { RoleName: string }) => ({
			AttachedPolicies: Object.keys(roleByName.get(input.RoleName) ?? {})
				.filter((source) => source.startsWith('arn:'))
				.map((PolicyArn) => ({ PolicyArn, PolicyName: PolicyArn.split('/').at(-1) })),
		})),
	);
	iam
		.on(GetPolicyCommand)
		.callsFake(
			answer((input: { PolicyArn: string }) => ({ Policy: { Arn: input.PolicyArn, DefaultVersionId: 'v3' } })),
		);
	iam.on(GetPolicyVersionCommand).callsFake(
		answer((input: { PolicyArn: string }) => ({
			PolicyVersion: {
				VersionId: 'v3',
				IsDefaultVersion: true,
				Document: encodeURIComponent(JSON.stringify(managedDocuments.get(input.PolicyArn))),
			},
		})),
	);
	iam.on(ListRolePoliciesCommand).callsFake(
		answer((input: { RoleName: string }) => ({
			PolicyNames: Object.keys(roleByName.get(input.RoleName) ?? {})
				.filter((source) => source.startsWith('inline:'))
				.map((source) => source.slice('inline:'.length)),
		})),
	);
	iam.on(GetRolePolicyCommand).callsFake(
		answer((input: { RoleName: string; PolicyName: string }) => ({
			RoleName: input.RoleName,
			PolicyName: input.PolicyName,
			PolicyDocument: encodeURIComponent(
				JSON.stringify(roleByName.get(input.RoleName)?.[`inline:${input.PolicyName}`]),
			),
		})),
	);

	const cloudwatch = mockClient(CloudWatchClient);
	cloudwatch.on(ListMetricsCommand).callsFake(
		answer((input: { NextToken?: string }) => {
			const page = paged(account.metrics, input.NextToken, size);
			return {
				Metrics: page.items.map((metric) => ({
					Namespace: metric.namespace,
					MetricName: metric.name,
					Dimensions: [{ Name: 'InstanceId', Value: metric.instanceId }],
				})),
				NextToken: page.next,
			};
		}),
	);
	// As the API does: metric alarms unless AlarmTypes asks for composites.
	cloudwatch.on(DescribeAlarmsCommand).callsFake(
		answer((input: { NextToken?: string; AlarmTypes?: string[] }) => {
			const types = input.AlarmTypes ?? ['MetricAlarm'];
			const alarms = [
				...(types.includes('MetricAlarm') ? account.alarms.map((alarm) => ({ type: 'metric', alarm })) : []),
				...(types.includes('CompositeAlarm')
					? account.compositeAlarms.map((alarm) => ({ type: 'composite', alarm }))
					: []),
			];
			const page = paged(alarms, input.NextToken, size);
			return {
				MetricAlarms: page.items.filter((item) => item.type === 'metric').map((item) => item.alarm),
				CompositeAlarms: page.items.filter((item) => item.type === 'composite').map((item) => item.alarm),
				NextToken: page.next,
			};
		}),
	);
	cloudwatch.on(ListDashboardsCommand).callsFake(
		answer((input: { NextToken?: string }) => {
			const page = paged(Object.keys(account.dashboards), input.NextToken, size);
			return { DashboardEntries: page.items.map((DashboardName) => ({ DashboardName })), NextToken: page.next };
		}),
	);
	cloudwatch.on(GetDashboardCommand).callsFake(
		answer((input: { DashboardName: string }) => ({
			DashboardName: input.DashboardName,
			DashboardBody: JSON.stringify(account.dashboards[input.DashboardName]),
		})),
	);

	const logs = mockClient(CloudWatchLogsClient);
	logs.on(DescribeLogGroupsCommand).callsFake(
		answer((input: { nextToken?: string }) => {
			const page = paged(Object.keys(account.logGroups), input.nextToken, size);
			return { logGroups: page.items.map((logGroupName) => ({ logGroupName })), nextToken: page.next };
		}),
	);
	// DescribeLogStreams as the CloudWatch Logs reference describes it: a prefix needs ordering by name.
	logs.on(DescribeLogStreamsCommand).callsFake(
		answer((input: { logGroupName: string; logStreamNamePrefix?: string; orderBy?: string; nextToken?: string }) => {
			if (input.logStreamNamePrefix && input.orderBy === 'LastEventTime') {
				throw Object.assign(new Error('Cannot order by LastEventTime with a logStreamNamePrefix.'), {
					name: 'InvalidParameterException',
					$metadata: { httpStatusCode: 400 },
				});
			}
			const group = account.logGroups[input.logGroupName];
			if (!group) {
				throw Object.assign(new Error('The specified log group does not exist.'), {
					name: 'ResourceNotFoundException',
					$metadata: { httpStatusCode: 400 },
				});
			}
			const streams = group
				.filter((stream) => stream.stream.startsWith(input.logStreamNamePrefix ?? ''))
				.sort((a, b) => a.stream.localeCompare(b.stream));
			const page = paged(streams, input.nextToken, size);
			return {
				logStreams: page.items.map((stream) => {
					const ingested = stream.lastIngestion ?? stream.lastEvent;
					return {
						logStreamName: stream.stream,
						creationTime: Date.parse('2026-11-22T08:05:00Z'),
						firstEventTimestamp: Date.parse('2026-11-22T08:05:12Z'),
						...(stream.lastEvent ? { lastEventTimestamp: Date.parse(stream.lastEvent) } : {}),
						...(ingested ? { lastIngestionTime: Date.parse(ingested) } : {}),
						uploadSequenceToken: '49039859613988508634950496000000000000000000000000000000',
						arn: `arn:aws:logs:${region}:${accountId}:log-group:${input.logGroupName}:log-stream:${stream.stream}`,
						storedBytes: 0,
					};
				}),
				nextToken: page.next,
			};
		}),
	);
	logs.on(GetLogEventsCommand).callsFake(
		answer((input: { logGroupName: string; logStreamName: string; limit?: number; startFromHead?: boolean }) => {
			const stream = account.logGroups[input.logGroupName]?.find((entry) => entry.stream === input.logStreamName);
			if (!stream) {
				throw Object.assign(new Error('The specified log stream does not exist.'), {
					name: 'ResourceNotFoundException',
					$metadata: { httpStatusCode: 400 },
				});
			}
			const lines = (stream.lines ?? defaultLines(input.logGroupName)).slice(-(input.limit ?? 10000));
			const at = Date.parse(stream.lastEvent ?? stream.lastIngestion ?? '2026-11-22T11:00:00Z');
			return {
				events: lines.map((message, index) => ({
					timestamp: at - (lines.length - 1 - index) * 1000,
					message,
					ingestionTime: at - (lines.length - 1 - index) * 1000 + 2500,
				})),
				nextForwardToken: 'f/39325629813370938640862208000000000000000000000000000000',
				nextBackwardToken: 'b/39325629813370938640862208000000000000000000000000000000',
			};
		}),
	);
	logs.on(DescribeMetricFiltersCommand).callsFake(
		answer((input: { nextToken?: string }) => {
			const page = paged(account.metricFilters, input.nextToken, size);
			return {
				metricFilters: page.items.map((filter) => ({
					filterName: filter.name,
					logGroupName: filter.group,
					filterPattern: filter.pattern,
					metricTransformations: [
						{ metricNamespace: filter.namespace, metricName: filter.metric, metricValue: filter.value },
					],
				})),
				nextToken: page.next,
			};
		}),
	);
	logs.on(TestMetricFilterCommand).callsFake(
		answer((input: { filterPattern: string; logEventMessages: string[] }) => ({
			matches: input.logEventMessages
				.map((eventMessage, index) => ({ eventNumber: index + 1, eventMessage, extractedValues: {} }))
				.filter((match) => patternMatches(input.filterPattern, match.eventMessage)),
		})),
	);

	const sns = mockClient(SNSClient);
	// The alarm topic exists even before anyone subscribes to it.
	const topics = [...new Set([topicArn, ...account.subscriptions.map((subscription) => subscription.topic)])];
	answerSnsTopics(sns, { accountId, topics, subscriptions: account.subscriptions }, size, (fn) =>
		answer(fn)(undefined),
	);

	const ssm = mockClient(SSMClient);
	ssm.on(GetParametersByPathCommand).callsFake(
		answer((input: { NextToken?: string }) => {
			const page = paged(account.parameters, input.NextToken, size);
			return {
				Parameters: page.items.map((p) => ({
					Name: p.name,
					Type: p.type,
					Value: p.value,
					LastModifiedDate: new Date('2026-11-22T10:00:00Z'),
				})),
				NextToken: page.next,
			};
		}),
	);

	const applicationSignals = mockClient(ApplicationSignalsClient);
	applicationSignals.on(ListServiceLevelObjectivesCommand).callsFake(
		answer((input: { NextToken?: string }) => {
			const page = paged(Object.keys(account.serviceLevelObjectives), input.NextToken, size);
			return {
				SloSummaries: page.items.map((name) => ({ Arn: sloArn(name), Name: name })),
				NextToken: page.next,
			};
		}),
	);
	applicationSignals.on(GetServiceLevelObjectiveCommand).callsFake(
		answer((input: { Id: string }) => {
			const name = input.Id.split('/').at(-1) ?? input.Id;
			const slo = account.serviceLevelObjectives[name];
			if (!slo) {
				throw Object.assign(new Error(`SLO ${input.Id} not found`), { name: 'ResourceNotFoundException' });
			}
			return { Slo: { Arn: sloArn(name), Name: name, CreatedTime: new Date('2026-11-22T10:00:00Z'), ...slo } };
		}),
	);

	const mocks = { sts, ec2, iam, cloudwatch, logs, sns, ssm, applicationSignals };
	return {
		...mocks,
		totalCalls: () => Object.values(mocks).reduce((sum, mock) => sum + mock.calls().length, 0),
		/** Forget the calls answered so far (the benchmark counts them, then lets them go). */
		resetHistory: () => {
			for (const mock of Object.values(mocks)) mock.resetHistory();
		},
		restore: () => {
			for (const mock of Object.values(mocks)) mock.restore();
		},
	};
}
