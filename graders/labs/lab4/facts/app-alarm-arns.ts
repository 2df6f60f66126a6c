import type { CompositeAlarm } from '../../../collectors/cloudwatch/composite-alarms.ts';
import type { MetricAlarm } from '../../../collectors/cloudwatch/metric-alarms.ts';
import type { ReadFailed } from '../../../engine/errors.ts';
import type { SnapshotView } from '../../../engine/types.ts';
import type { AppResources } from '../../lab3/facts/app-stack.ts';
import { appMetricSignal } from '../../lab3/facts/golden-signals.ts';
import { watchedMetrics } from '../../shared/alarm-metrics.ts';
import { compositeMembers } from '../../shared/composite-triggers.ts';
import { readCompositeAlarms } from '../../shared/read-composite-alarms.ts';

export interface AppAlarms {
	/** Metric alarms on one of the application's metrics (any golden signal), by ARN → name. */
	metric: Map<string, string>;
	/** Composite alarms with such a metric alarm among their members, by ARN → name. */
	composite: Map<string, string>;
	/** Set when the composite alarms could not be read: an unknown ARN might be one of them. */
	compositeFailure: ReadFailed | null;
}

/**
 * The application's alarms, by ARN: the alarms a stop condition may name and whose state changes tell
 * whether the fault was detected. An alarm counts when it watches one of the app's metrics, alone or
 * inside metric math, or is a composite built on such an alarm; what it notifies is Lab 3's business.
 */
export function appAlarms(view: SnapshotView, app: AppResources): AppAlarms {
	const metricAlarms = view.read<MetricAlarm[]>('cloudwatch.metric-alarms');
	const onApp = metricAlarms.filter((alarm) =>
		watchedMetrics(alarm).some((metric) => appMetricSignal(metric, app) !== null),
	);
	const appArns = new Set(onApp.map((alarm) => alarm.alarmArn));
	const { composites, failure } = readCompositeAlarms(view);
	const composite = new Map<string, string>();
	for (const candidate of composites as CompositeAlarm[]) {
		const members = compositeMembers(candidate, metricAlarms, composites);
		if (members.some((member) => appArns.has(member.alarmArn))) composite.set(candidate.alarmArn, candidate.alarmName);
	}
	return {
		metric: new Map(onApp.map((alarm) => [alarm.alarmArn, alarm.alarmName])),
		composite,
		compositeFailure: failure,
	};
}

/** The name of an app alarm by its ARN; null when it is none of them. Throws when that depends on unread composites. */
export function appAlarmName(alarms: AppAlarms, arn: string): string | null {
	const name = alarms.metric.get(arn) ?? alarms.composite.get(arn);
	if (name) return name;
	if (alarms.compositeFailure && /:alarm:/.test(arn)) throw alarms.compositeFailure;
	return null;
}
