import {
	CloudWatchClient,
	type MetricAlarm as CloudWatchMetricAlarm,
	type Dimension,
	paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import type { Collector } from '../../engine/types.ts';

export interface AlarmMetricQuery {
	id: string;
	expression: string | null;
	returnData: boolean;
	/** Seconds each data point of this query covers (MetricStat.Period, or the query's own Period); null when unset. */
	period?: number | null;
	metric: { namespace: string; metricName: string; dimensions: Record<string, string>; stat: string | null } | null;
}

/**
 * One metric alarm as DescribeAlarms returns it, kept whole enough for every lab: Lab 1 judges
 * thresholds and metric math, Lab 3 ties alarms to resources by their dimensions
 * (`watchedMetrics` in graders/labs/shared/alarm-metrics.ts derives the per-metric view).
 */
export interface MetricAlarm {
	alarmName: string;
	alarmArn: string;
	/** Set for an alarm on one metric; null for a metric-math alarm (see `metrics`). */
	namespace: string | null;
	metricName: string | null;
	/** The single metric's dimensions; empty for a metric-math alarm. */
	dimensions: Record<string, string>;
	/** `Average`, `Sum`… or a percentile such as `p90`. */
	statistic: string | null;
	comparisonOperator: string;
	threshold: number | null;
	evaluationPeriods: number;
	/** How many of the evaluated periods must breach (M of N); null means all of them. Absent in older snapshots. */
	datapointsToAlarm?: number | null;
	period: number | null;
	actionsEnabled: boolean;
	alarmActions: string[];
	okActions: string[];
	state: string;
	metrics: AlarmMetricQuery[];
}

const dimensionsOf = (dimensions: Dimension[] | undefined): Record<string, string> =>
	Object.fromEntries((dimensions ?? []).map((dimension) => [dimension.Name ?? '', dimension.Value ?? '']));

/** The snapshot record of one alarm from a DescribeAlarms page. */
export function recordMetricAlarm(alarm: CloudWatchMetricAlarm): MetricAlarm {
	return {
		alarmName: alarm.AlarmName ?? '',
		alarmArn: alarm.AlarmArn ?? '',
		namespace: alarm.Namespace ?? null,
		metricName: alarm.MetricName ?? null,
		dimensions: dimensionsOf(alarm.Dimensions),
		statistic: alarm.Statistic ?? alarm.ExtendedStatistic ?? null,
		comparisonOperator: alarm.ComparisonOperator ?? '',
		threshold: alarm.Threshold ?? null,
		evaluationPeriods: alarm.EvaluationPeriods ?? 1,
		datapointsToAlarm: alarm.DatapointsToAlarm ?? null,
		period: alarm.Period ?? null,
		actionsEnabled: alarm.ActionsEnabled ?? true,
		alarmActions: alarm.AlarmActions ?? [],
		okActions: alarm.OKActions ?? [],
		state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
		metrics: (alarm.Metrics ?? []).map((query) => ({
			id: query.Id ?? '',
			expression: query.Expression ?? null,
			returnData: query.ReturnData ?? true,
			period: query.MetricStat?.Period ?? query.Period ?? null,
			metric: query.MetricStat?.Metric
				? {
						namespace: query.MetricStat.Metric.Namespace ?? '',
						metricName: query.MetricStat.Metric.MetricName ?? '',
						dimensions: dimensionsOf(query.MetricStat.Metric.Dimensions),
						stat: query.MetricStat.Stat ?? null,
					}
				: null,
		})),
	};
}

/** The one DescribeAlarms read every lab shares, so grading several labs reads the alarms once. */
export const cloudwatchMetricAlarms: Collector<MetricAlarm[]> = {
	id: 'cloudwatch.metric-alarms',
	description: 'CloudWatch metric alarms, including metric-math alarms, with the metrics they watch and their actions',
	iamActions: ['cloudwatch:DescribeAlarms'],
	async collect({ clients }) {
		const alarms: MetricAlarm[] = [];
		const pages = paginateDescribeAlarms(
			{ client: clients.get(CloudWatchClient), pageSize: 100 },
			{ AlarmTypes: ['MetricAlarm'] },
		);
		for await (const page of pages) alarms.push(...(page.MetricAlarms ?? []).map(recordMetricAlarm));
		return alarms;
	},
};
