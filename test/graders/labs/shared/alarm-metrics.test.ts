import { describe, expect, it } from 'vitest';
import { recordMetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import { alarmExpressions, watchedMetrics } from '../../../../graders/labs/shared/alarm-metrics.ts';

describe('watchedMetrics', () => {
	it('keeps the dimensions and the percentile of a single-metric alarm', () => {
		const alarm = recordMetricAlarm({
			Namespace: 'AWS/ApiGateway',
			MetricName: 'Latency',
			Dimensions: [{ Name: 'ApiId', Value: 'abc' }],
			ExtendedStatistic: 'p99',
		});
		expect(watchedMetrics(alarm)).toEqual([
			{ namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensions: { ApiId: 'abc' }, stat: 'p99' },
		]);
		expect(alarmExpressions(alarm)).toEqual([]);
	});

	it('lists every metric of a metric-math alarm and skips the expressions', () => {
		const alarm = recordMetricAlarm({
			Metrics: [
				{
					Id: 'e',
					MetricStat: {
						Metric: {
							Namespace: 'AWS/Lambda',
							MetricName: 'Errors',
							Dimensions: [{ Name: 'FunctionName', Value: 'f' }],
						},
						Period: 60,
						Stat: 'Sum',
					},
				},
				{ Id: 'rate', Expression: '100 * e / i' },
			],
		});
		expect(watchedMetrics(alarm)).toEqual([
			{ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'f' }, stat: 'Sum' },
		]);
		expect(alarmExpressions(alarm)).toEqual(['100 * e / i']);
	});
});
