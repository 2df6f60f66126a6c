import type { MetricAlarm } from '../../collectors/cloudwatch/metric-alarms.ts';

/** One metric an alarm reads, whether the alarm watches a single metric or a metric-math expression. */
export interface WatchedMetric {
	namespace: string;
	metricName: string;
	dimensions: Record<string, string>;
	/** `Average`, `Sum`… or a percentile such as `p90`. */
	stat: string | null;
}

/** Every metric an alarm reads, with its dimensions: what ties an alarm to a particular resource. */
export function watchedMetrics(alarm: MetricAlarm): WatchedMetric[] {
	if (alarm.namespace && alarm.metricName) {
		return [
			{
				namespace: alarm.namespace,
				metricName: alarm.metricName,
				dimensions: alarm.dimensions,
				stat: alarm.statistic,
			},
		];
	}
	// A query without a metric is an expression; one with an empty name cannot match any resource.
	return alarm.metrics.flatMap(({ metric }) => (metric?.namespace && metric.metricName ? [metric] : []));
}

/** The metric-math expressions of an alarm (e.g. `100 * errors / invocations`); empty for a single-metric alarm. */
export const alarmExpressions = (alarm: MetricAlarm): string[] =>
	alarm.metrics.flatMap((query) => (query.expression ? [query.expression] : []));
