import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudwatchCompositeAlarms } from '../../../../graders/collectors/cloudwatch/composite-alarms.ts';
import { cloudwatchMetricAlarms } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import { testClientProvider } from '../../support/collect-lab1.ts';

const cloudwatch = mockClient(CloudWatchClient);
afterEach(() => cloudwatch.reset());

const context = () => ({
	clients: testClientProvider(),
	region: 'eu-west-1',
	window: { since: '2026-11-22T00:00:00.000Z', until: '2026-11-22T12:00:00.000Z' },
	need: () => {
		throw new Error('no needs');
	},
});

const arn = (name: string) => `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${name}`;
const topic = 'arn:aws:sns:eu-west-1:123456789012:sre-lab1-alerts';

/** CompositeAlarms[] items with the fields the DescribeAlarms reference lists for a composite alarm. */
const compositePage = (names: string[]) =>
	names.map((name) => ({
		ActionsEnabled: true,
		AlarmActions: [topic],
		AlarmArn: arn(name),
		AlarmConfigurationUpdatedTimestamp: new Date('2026-11-22T09:00:00Z'),
		AlarmDescription: 'Error budget burning at 14.4x over 1 hour and 5 minutes',
		AlarmName: name,
		AlarmRule: 'ALARM("lab1-burn-1h") AND ALARM("lab1-burn-5m")',
		InsufficientDataActions: [],
		OKActions: [],
		StateReason: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:lab1-burn-1h transitioned to OK',
		StateReasonData: '{"triggeringAlarms":[]}',
		StateUpdatedTimestamp: new Date('2026-11-22T09:05:00Z'),
		StateValue: 'OK',
		StateTransitionedTimestamp: new Date('2026-11-22T09:05:00Z'),
		ActionsSuppressor: 'lab1-deploying',
		ActionsSuppressorWaitPeriod: 120,
		ActionsSuppressorExtensionPeriod: 180,
	}));

describe('cloudwatch.composite-alarms', () => {
	it('asks for composite alarms, follows NextToken and keeps rule, actions and suppressor', async () => {
		cloudwatch
			.on(DescribeAlarmsCommand)
			.callsFake((input: { NextToken?: string }) =>
				input.NextToken === 'page-2'
					? { CompositeAlarms: compositePage(['lab1-page-b']), MetricAlarms: [] }
					: { CompositeAlarms: compositePage(['lab1-page-a']), MetricAlarms: [], NextToken: 'page-2' },
			);
		const alarms = await cloudwatchCompositeAlarms.collect(context());
		expect(alarms.map((alarm) => alarm.alarmName)).toEqual(['lab1-page-a', 'lab1-page-b']);
		expect(alarms[0]).toEqual({
			alarmName: 'lab1-page-a',
			alarmArn: arn('lab1-page-a'),
			alarmRule: 'ALARM("lab1-burn-1h") AND ALARM("lab1-burn-5m")',
			actionsEnabled: true,
			alarmActions: [topic],
			state: 'OK',
			actionsSuppressor: 'lab1-deploying',
		});
		const requests = cloudwatch.commandCalls(DescribeAlarmsCommand).map((call) => call.args[0].input);
		// Without AlarmTypes, DescribeAlarms returns metric alarms only; MaxRecords is at most 100.
		expect(requests).toHaveLength(2);
		for (const request of requests) expect(request).toMatchObject({ AlarmTypes: ['CompositeAlarm'], MaxRecords: 100 });
		expect(requests[1]?.NextToken).toBe('page-2');
	});

	it('records the metric-math period and DatapointsToAlarm of a metric alarm (MetricAlarms[].Metrics[])', async () => {
		cloudwatch.on(DescribeAlarmsCommand).resolves({
			MetricAlarms: [
				{
					AlarmName: 'lab1-burn-1h',
					AlarmArn: arn('lab1-burn-1h'),
					ActionsEnabled: true,
					AlarmActions: [],
					OKActions: [],
					InsufficientDataActions: [],
					StateValue: 'OK',
					EvaluationPeriods: 1,
					DatapointsToAlarm: 1,
					Threshold: 0.0144,
					ComparisonOperator: 'GreaterThanThreshold',
					TreatMissingData: 'notBreaching',
					Metrics: [
						{
							Id: 'errors',
							MetricStat: {
								Metric: { Namespace: 'SRE/Lab1', MetricName: 'Http5xx', Dimensions: [] },
								Period: 3600,
								Stat: 'Sum',
							},
							ReturnData: false,
						},
						{ Id: 'ratio', Expression: 'errors / requests', Label: 'Error ratio', ReturnData: true, Period: 3600 },
					],
				},
			],
		});
		const [alarm] = await cloudwatchMetricAlarms.collect(context());
		expect(alarm).toMatchObject({ datapointsToAlarm: 1, evaluationPeriods: 1, period: null, threshold: 0.0144 });
		expect(alarm?.metrics.map((query) => query.period)).toEqual([3600, 3600]);
	});
});
