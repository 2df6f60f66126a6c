import type { CompositeAlarm } from '../../../collectors/cloudwatch/composite-alarms.ts';
import type { MetricAlarm } from '../../../collectors/cloudwatch/metric-alarms.ts';
import type { SnapshotView } from '../../../engine/types.ts';
import { snsTopicsOf } from '../../shared/alarm-actions.ts';
import { alarmExpressions, type WatchedMetric, watchedMetrics } from '../../shared/alarm-metrics.ts';
import { compositeTriggers } from '../../shared/composite-triggers.ts';
import { compositeAlarmsRead, readCompositeAlarms } from '../../shared/read-composite-alarms.ts';
import { type AppResources, appResources, appStackReads } from './app-stack.ts';
import { appMetricSignal, describeMetric, type GoldenSignal, percentileOf } from './golden-signals.ts';

export const appAlarmReads = [...appStackReads, 'cloudwatch.metric-alarms', compositeAlarmsRead] as const;

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
	/** What keeps the watched metric itself from counting (a p50 for latency); empty when it counts. */
	kindProblems: string[];
}

export { readCompositeAlarms, snsTopicsOf };

function kindProblems(kind: AlarmKind, metric: WatchedMetric): string[] {
	if (kind !== 'latency') return [];
	const percentile = percentileOf(metric.stat);
	if (percentile === null)
		return [`it uses the ${metric.stat ?? 'default'} statistic, not a percentile such as p90 or p99`];
	if (percentile < minimumLatencyPercentile)
		return [`p${percentile} is not tail latency: use p${minimumLatencyPercentile} or higher`];
	return [];
}

function actionProblems(alarm: { actionsEnabled: boolean }, topics: readonly string[]): string[] {
	if (topics.length === 0) return ['it has no SNS topic among its alarm actions'];
	if (!alarm.actionsEnabled) return ['its actions are disabled'];
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
		const metricProblems = kindProblems(kind, watched);
		const problems = [...metricProblems, ...actionProblems(alarm, topics)];
		judgements.push({ alarm, watched, topics, problems, kindProblems: metricProblems });
	}
	return judgements;
}

export function describeWatched(judgement: AlarmJudgement): string {
	const { alarm, watched } = judgement;
	const expressions = alarmExpressions(alarm);
	const math = expressions.length > 0 ? ` in the expression ${expressions.join('; ')}` : '';
	return `${describeMetric(watched, watched.stat)}${math}`;
}

/** A composite alarm built on the application's alarms of one kind, and what keeps it from counting. */
export interface CompositeJudgement {
	composite: CompositeAlarm;
	/** The member alarms of this kind whose ALARM makes the composite fire (those that count first). */
	members: AlarmJudgement[];
	topics: string[];
	problems: string[];
}

/**
 * Composite alarms that fire on the application's alarms of one kind: such a composite counts when
 * one of the sets of member alarms that makes it fire holds an alarm of that kind that counts (its
 * members need no actions of their own; the composite notifies).
 */
export function judgeAppComposites(
	view: SnapshotView,
	kind: AlarmKind,
	composites: readonly CompositeAlarm[],
	app: AppResources = appResources(view),
): CompositeJudgement[] {
	const candidates = judgeAppAlarms(view, kind, app);
	const byAlarm = new Map(candidates.map((judgement) => [judgement.alarm, judgement]));
	const metricAlarms = view.read<MetricAlarm[]>('cloudwatch.metric-alarms');
	const judgements: CompositeJudgement[] = [];
	for (const composite of composites) {
		const triggers = compositeTriggers(composite, metricAlarms, composites, (alarm) => byAlarm.has(alarm));
		if (triggers.kind !== 'triggers' || triggers.sets.length === 0) continue;
		const members = [...new Set(triggers.sets.flat())].map((alarm) => byAlarm.get(alarm) as AlarmJudgement);
		const counting = triggers.sets.some((set) => set.some((alarm) => byAlarm.get(alarm)?.kindProblems.length === 0));
		const topics = snsTopicsOf(composite.alarmActions);
		const problems = counting
			? []
			: [
					`it fires only on alarms that do not count: ${members.map((member) => `"${member.alarm.alarmName}" ${member.kindProblems.join(', ')}`).join('; ')}`,
				];
		problems.push(...actionProblems(composite, topics));
		members.sort((a, b) => a.kindProblems.length - b.kindProblems.length);
		judgements.push({ composite, members, topics, problems });
	}
	return judgements;
}

/**
 * The alarms of both kinds that fully count: what the subscription and degradation checks build on.
 * The members of a composite that counts are listed with the composite's topics, since their ALARM
 * is what notifies. Throws when the composites could not be read.
 */
export function goodAppAlarms(view: SnapshotView): AlarmJudgement[] {
	const app = appResources(view);
	const { composites, failure } = readCompositeAlarms(view);
	if (failure) throw failure;
	return (['latency', 'errors'] as const).flatMap((kind) => [
		...judgeAppAlarms(view, kind, app).filter((judgement) => judgement.problems.length === 0),
		...judgeAppComposites(view, kind, composites, app)
			.filter((judgement) => judgement.problems.length === 0)
			.flatMap((judgement) =>
				judgement.members
					.filter((member) => member.kindProblems.length === 0)
					.map((member) => ({ ...member, topics: judgement.topics, problems: [] })),
			),
	]);
}
