import type { MetricAlarm } from '../../../collectors/cloudwatch/metric-alarms.ts';
import type { SnapshotView } from '../../../engine/types.ts';
import { alarmExpressions, type WatchedMetric, watchedMetrics } from '../../shared/alarm-metrics.ts';
import { type AppResources, appResources, appStackReads } from './app-stack.ts';
import { appMetricSignal, describeMetric, type GoldenSignal, percentileOf } from './golden-signals.ts';

export const appAlarmReads = [...appStackReads, 'cloudwatch.metric-alarms'] as const;

/** Tail latency: p90 or higher, because averages hide the slow requests users complain about. */
export const minimumLatencyPercentile = 90;

export type AlarmKind = 'latency' | 'errors';

export interface AlarmJudgement {
	alarm: MetricAlarm;
	/** The app metric that made this an alarm of this kind, for messages. */
	watched: WatchedMetric;
	/** SNS topics among the alarm actions. */
	topics: string[];
	/** Empty when the alarm does everything the check asks. */
	problems: string[];
}

export const snsTopicsOf = (actions: readonly string[]) =>
	actions.filter((action) => action.startsWith('arn:') && action.split(':')[2] === 'sns');

function kindProblems(kind: AlarmKind, metric: WatchedMetric): string[] {
	if (kind !== 'latency') return [];
	const percentile = percentileOf(metric.stat);
	if (percentile === null)
		return [`it uses the ${metric.stat ?? 'default'} statistic, not a percentile such as p90 or p99`];
	if (percentile < minimumLatencyPercentile)
		return [`p${percentile} is not tail latency: use p${minimumLatencyPercentile} or higher`];
	return [];
}

/**
 * The alarms that watch one of the application's metrics of the given kind (latency or errors),
 * alone or inside a metric-math expression, each with what still keeps it from counting.
 */
export function judgeAppAlarms(
	view: SnapshotView,
	kind: AlarmKind,
	app: AppResources = appResources(view),
): AlarmJudgement[] {
	const signal: GoldenSignal = kind;
	const judgements: AlarmJudgement[] = [];
	for (const alarm of view.read<MetricAlarm[]>('cloudwatch.metric-alarms')) {
		const candidates = watchedMetrics(alarm).filter((metric) => appMetricSignal(metric, app) === signal);
		if (candidates.length === 0) continue;
		// Prefer a watched metric that satisfies the kind (e.g. the p99 one among several), for the message.
		const watched =
			candidates.find((metric) => kindProblems(kind, metric).length === 0) ?? (candidates[0] as WatchedMetric);
		const topics = snsTopicsOf(alarm.alarmActions);
		const problems = [...kindProblems(kind, watched)];
		if (topics.length === 0) problems.push('it has no SNS topic among its alarm actions');
		else if (!alarm.actionsEnabled) problems.push('its actions are disabled');
		judgements.push({ alarm, watched, topics, problems });
	}
	return judgements;
}

export function describeWatched(judgement: AlarmJudgement): string {
	const { alarm, watched } = judgement;
	const expressions = alarmExpressions(alarm);
	const math = expressions.length > 0 ? ` in the expression ${expressions.join('; ')}` : '';
	return `${describeMetric(watched, watched.stat)}${math}`;
}

/** The alarms of both kinds that fully count: what the subscription and degradation checks build on. */
export function goodAppAlarms(view: SnapshotView): AlarmJudgement[] {
	const app = appResources(view);
	return [...judgeAppAlarms(view, 'latency', app), ...judgeAppAlarms(view, 'errors', app)].filter(
		(judgement) => judgement.problems.length === 0,
	);
}
