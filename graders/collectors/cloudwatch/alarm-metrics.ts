import { CloudWatchClient, type MetricAlarm, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { Collector } from '../../engine/types.ts';

/** One metric an alarm reads, whether the alarm watches a single metric or a metric-math expression. */
export interface WatchedMetric {
	namespace: string;
	metricName: string;
	dimensions: Record<string, string>;
	/** `Average`, `Sum`… or a percentile such as `p90`. */
	stat: string | null;
}

export interface AlarmWithMetrics {
	alarmName: string;
	alarmArn: string;
	metrics: WatchedMetric[];
	/** Metric-math expressions (e.g. `100 * errors / invocations`); empty for a single-metric alarm. */
	expressions: string[];
	threshold: number | null;
	comparisonOperator: string;
	actionsEnabled: boolean;
	alarmActions: string[];
	okActions: string[];
	state: string;
}

const dimensionsOf = (dimensions: { Name?: string; Value?: string }[] | undefined) =>
	Object.fromEntries((dimensions ?? []).map((dimension) => [dimension.Name ?? '', dimension.Value ?? '']));

/** Every metric an alarm reads, with its dimensions: what ties an alarm to a particular resource. */
export function watchedMetrics(alarm: MetricAlarm): WatchedMetric[] {
	if (alarm.MetricName && alarm.Namespace) {
		return [
			{
				namespace: alarm.Namespace,
				metricName: alarm.MetricName,
				dimensions: dimensionsOf(alarm.Dimensions),
				stat: alarm.ExtendedStatistic ?? alarm.Statistic ?? null,
			},
		];
	}
	return (alarm.Metrics ?? []).flatMap((query) => {
		const metric = query.MetricStat?.Metric;
		if (!metric?.MetricName || !metric.Namespace) return [];
		return [
			{
				namespace: metric.Namespace,
				metricName: metric.MetricName,
				dimensions: dimensionsOf(metric.Dimensions),
				stat: query.MetricStat?.Stat ?? null,
			},
		];
	});
}

/**
 * Metric alarms with the dimensions of every metric they read (cloudwatch.metric-alarms keeps
 * names and statistics only), so a check can tell an alarm on *this* API from one on another.
 */
export const cloudwatchAlarmMetrics: Collector<AlarmWithMetrics[]> = {
	id: 'cloudwatch.alarm-metrics',
	description: 'CloudWatch metric alarms with the metrics and dimensions they watch and their actions',
	iamActions: ['cloudwatch:DescribeAlarms'],
	async collect({ clients }) {
		const alarms: AlarmWithMetrics[] = [];
		const pages = paginateDescribeAlarms(
			{ client: clients.get(CloudWatchClient), pageSize: 100 },
			{ AlarmTypes: ['MetricAlarm'] },
		);
		for await (const page of pages) {
			for (const alarm of page.MetricAlarms ?? []) {
				alarms.push({
					alarmName: alarm.AlarmName ?? '',
					alarmArn: alarm.AlarmArn ?? '',
					metrics: watchedMetrics(alarm),
					expressions: (alarm.Metrics ?? []).flatMap((query) => (query.Expression ? [query.Expression] : [])),
					threshold: alarm.Threshold ?? null,
					comparisonOperator: alarm.ComparisonOperator ?? '',
					actionsEnabled: alarm.ActionsEnabled ?? true,
					alarmActions: alarm.AlarmActions ?? [],
					okActions: alarm.OKActions ?? [],
					state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
				});
			}
		}
		return alarms;
	},
};
