import type { MetricAlarm as CloudWatchMetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { type MetricAlarm, recordMetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import { app, latencyAlarm } from './support/lab3-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'latency-alarm-notifies';

/** The fixture with its latency alarm replaced (as the collector would record the given AWS alarm). */
function withLatencyAlarm(alarm: CloudWatchMetricAlarm) {
	return editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', (alarms) =>
		alarms.map((existing) => (existing.alarmName === app.latencyAlarm ? recordMetricAlarm(alarm) : existing)),
	);
}

describe(id, () => {
	it('passes for a p90 alarm on the API latency that notifies SNS', () => {
		expect(gradeCheck(loadFixture('passing'), id)).toMatchObject({
			status: 'pass',
			message: `Alarm "${app.latencyAlarm}" watches AWS/ApiGateway Latency (ApiId=${app.apiId}) p90 and notifies ${app.topicArn}.`,
		});
	});

	it("passes for p99 of a function's Duration", () => {
		const alarm = {
			...latencyAlarm(),
			Namespace: 'AWS/Lambda',
			MetricName: 'Duration',
			Dimensions: [{ Name: 'FunctionName', Value: app.orders }],
			ExtendedStatistic: 'p99',
		};
		expect(gradeCheck(withLatencyAlarm(alarm), id).status).toBe('pass');
	});

	it('fails an alarm on the average', () => {
		const result = gradeCheck(
			withLatencyAlarm({ ...latencyAlarm(), ExtendedStatistic: undefined, Statistic: 'Average' }),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('it uses the Average statistic, not a percentile such as p90 or p99');
	});

	it('fails a median alarm: p50 is not tail latency', () => {
		const result = gradeCheck(withLatencyAlarm({ ...latencyAlarm(), ExtendedStatistic: 'p50' }), id);
		expect(result.message).toContain('p50 is not tail latency: use p90 or higher');
	});

	it('fails without an SNS action, and with actions disabled', () => {
		expect(gradeCheck(withLatencyAlarm({ ...latencyAlarm(), AlarmActions: [] }), id).message).toContain(
			'it has no SNS topic among its alarm actions',
		);
		expect(gradeCheck(withLatencyAlarm({ ...latencyAlarm(), ActionsEnabled: false }), id).message).toContain(
			'its actions are disabled',
		);
	});

	it("fails when the alarm watches another API's latency", () => {
		const alarm = { ...latencyAlarm(), Dimensions: [{ Name: 'ApiId', Value: 'zzz999' }] };
		expect(gradeCheck(withLatencyAlarm(alarm), id).message).toBe(
			"No alarm watches the application's latency (the API's Latency or a function's Duration).",
		);
	});

	it('passes for a metric-math alarm that uses a percentile of the latency', () => {
		const alarm: CloudWatchMetricAlarm = {
			...latencyAlarm(),
			Namespace: undefined,
			MetricName: undefined,
			Dimensions: undefined,
			ExtendedStatistic: undefined,
			Metrics: [
				{
					Id: 'p',
					MetricStat: {
						Metric: {
							Namespace: 'AWS/ApiGateway',
							MetricName: 'Latency',
							Dimensions: [{ Name: 'ApiId', Value: app.apiId }],
						},
						Period: 60,
						Stat: 'p99',
					},
					ReturnData: false,
				},
				{ Id: 'seconds', Expression: 'p / 1000', ReturnData: true },
			],
		};
		expect(gradeCheck(withLatencyAlarm(alarm), id).status).toBe('pass');
	});

	it('is an error when alarms could not be read', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'cloudwatch.metric-alarms', accessDenied('cloudwatch:DescribeAlarms')),
			id,
		);
		expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('cloudwatch:DescribeAlarms') });
	});
});
