import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { Collector } from '../../engine/types.ts';

export interface AlarmMetricQuery {
	id: string;
	expression: string | null;
	returnData: boolean;
	metric: { namespace: string; metricName: string; dimensions: Record<string, string>; stat: string | null } | null;
}

export interface MetricAlarm {
	alarmName: string;
	alarmArn: string;
	/** Set for an alarm on one metric; null for a metric-math alarm (see `metrics`). */
	namespace: string | null;
	metricName: string | null;
	statistic: string | null;
	comparisonOperator: string;
	threshold: number | null;
	evaluationPeriods: number;
	period: number | null;
	actionsEnabled: boolean;
	alarmActions: string[];
	state: string;
	metrics: AlarmMetricQuery[];
}

export const cloudwatchMetricAlarms: Collector<MetricAlarm[]> = {
	id: 'cloudwatch.metric-alarms',
	description: 'CloudWatch metric alarms, including metric-math alarms, with their actions',
	iamActions: ['cloudwatch:DescribeAlarms'],
	async collect({ clients }) {
		const alarms: MetricAlarm[] = [];
		const pages = paginateDescribeAlarms(
			{ client: clients.get(CloudWatchClient), pageSize: 100 },
			{ AlarmTypes: ['MetricAlarm'] },
		);
		for await (const page of pages) {
			for (const alarm of page.MetricAlarms ?? []) {
				alarms.push({
					alarmName: alarm.AlarmName ?? '',
					alarmArn: alarm.AlarmArn ?? '',
					namespace: alarm.Namespace ?? null,
					metricName: alarm.MetricName ?? null,
					statistic: alarm.Statistic ?? alarm.ExtendedStatistic ?? null,
					comparisonOperator: alarm.ComparisonOperator ?? '',
					threshold: alarm.Threshold ?? null,
					evaluationPeriods: alarm.EvaluationPeriods ?? 1,
					period: alarm.Period ?? null,
					actionsEnabled: alarm.ActionsEnabled ?? true,
					alarmActions: alarm.AlarmActions ?? [],
					state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
					metrics: (alarm.Metrics ?? []).map((query) => ({
						id: query.Id ?? '',
						expression: query.Expression ?? null,
						returnData: query.ReturnData ?? true,
						metric: query.MetricStat?.Metric
							? {
									namespace: query.MetricStat.Metric.Namespace ?? '',
									metricName: query.MetricStat.Metric.MetricName ?? '',
									dimensions: Object.fromEntries(
										(query.MetricStat.Metric.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? '']),
									),
									stat: query.MetricStat.Stat ?? null,
								}
							: null,
					})),
				});
			}
		}
		return alarms;
	},
};
