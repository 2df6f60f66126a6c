import { describe, expect, it } from 'vitest';
import { watchedMetrics } from '../../../../graders/collectors/cloudwatch/alarm-metrics.ts';

describe('watchedMetrics', () => {
	it('keeps the dimensions and the percentile of a single-metric alarm', () => {
		expect(
			watchedMetrics({
				Namespace: 'AWS/ApiGateway',
				MetricName: 'Latency',
				Dimensions: [{ Name: 'ApiId', Value: 'abc' }],
				ExtendedStatistic: 'p99',
			}),
		).toEqual([{ namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensions: { ApiId: 'abc' }, stat: 'p99' }]);
	});

	it('lists every metric of a metric-math alarm and skips the expressions', () => {
		const metrics = watchedMetrics({
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
		expect(metrics).toEqual([
			{ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'f' }, stat: 'Sum' },
		]);
	});
});
