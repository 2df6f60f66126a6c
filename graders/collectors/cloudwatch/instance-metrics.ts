import { CloudWatchClient, paginateListMetrics } from '@aws-sdk/client-cloudwatch';
import type { Collector } from '../../engine/types.ts';

export interface MetricIdentity {
	namespace: string;
	metricName: string;
	dimensions: Record<string, string>;
}

/**
 * Metrics with an InstanceId dimension that received data in the last three hours. ListMetrics only
 * knows one recency filter (PT3H), so "recently active" here means three hours, whatever --since says.
 */
export const cloudwatchInstanceMetrics: Collector<MetricIdentity[]> = {
	id: 'cloudwatch.instance-metrics',
	description: 'Recently active CloudWatch metrics that carry an InstanceId dimension',
	iamActions: ['cloudwatch:ListMetrics'],
	async collect({ clients }) {
		const metrics: MetricIdentity[] = [];
		const pages = paginateListMetrics(
			{ client: clients.get(CloudWatchClient) },
			{ Dimensions: [{ Name: 'InstanceId' }], RecentlyActive: 'PT3H' },
		);
		for await (const page of pages) {
			for (const metric of page.Metrics ?? []) {
				metrics.push({
					namespace: metric.Namespace ?? '',
					metricName: metric.MetricName ?? '',
					dimensions: Object.fromEntries((metric.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? ''])),
				});
			}
		}
		return metrics;
	},
};
