import { CloudWatchLogsClient, paginateDescribeMetricFilters } from '@aws-sdk/client-cloudwatch-logs';
import type { Collector } from '../../engine/types.ts';

export interface MetricTransformation {
	metricNamespace: string;
	metricName: string;
	metricValue: string;
}

export interface MetricFilter {
	filterName: string;
	logGroupName: string;
	filterPattern: string;
	transformations: MetricTransformation[];
}

export const logsMetricFilters: Collector<MetricFilter[]> = {
	id: 'logs.metric-filters',
	description: 'CloudWatch Logs metric filters and the metrics they emit',
	iamActions: ['logs:DescribeMetricFilters'],
	async collect({ clients }) {
		const filters: MetricFilter[] = [];
		for await (const page of paginateDescribeMetricFilters({ client: clients.get(CloudWatchLogsClient) }, {})) {
			for (const filter of page.metricFilters ?? []) {
				filters.push({
					filterName: filter.filterName ?? '',
					logGroupName: filter.logGroupName ?? '',
					filterPattern: filter.filterPattern ?? '',
					transformations: (filter.metricTransformations ?? []).map((t) => ({
						metricNamespace: t.metricNamespace ?? '',
						metricName: t.metricName ?? '',
						metricValue: t.metricValue ?? '',
					})),
				});
			}
		}
		return filters;
	},
};
