import {
	CloudWatchClient,
	type CompositeAlarm as CloudWatchCompositeAlarm,
	paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import type { Collector } from '../../engine/types.ts';

/**
 * One composite alarm as DescribeAlarms returns it: the rule that combines other alarms' states
 * (parsed by graders/labs/shared/alarm-rule.ts) and the actions it takes.
 */
export interface CompositeAlarm {
	alarmName: string;
	alarmArn: string;
	/** e.g. `ALARM("slo-burn-1h") AND ALARM("slo-burn-5m")`; names or ARNs, quoted or not. */
	alarmRule: string;
	actionsEnabled: boolean;
	alarmActions: string[];
	state: string;
	/** An alarm whose ALARM state suppresses this one's actions; null when none. */
	actionsSuppressor: string | null;
}

/** The snapshot record of one composite alarm from a DescribeAlarms page. */
export function recordCompositeAlarm(alarm: CloudWatchCompositeAlarm): CompositeAlarm {
	return {
		alarmName: alarm.AlarmName ?? '',
		alarmArn: alarm.AlarmArn ?? '',
		alarmRule: alarm.AlarmRule ?? '',
		actionsEnabled: alarm.ActionsEnabled ?? true,
		alarmActions: alarm.AlarmActions ?? [],
		state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
		actionsSuppressor: alarm.ActionsSuppressor ?? null,
	};
}

/**
 * Composite alarms, read apart from the metric alarms: DescribeAlarms returns composites only when
 * AlarmTypes asks for them, and only to a caller whose cloudwatch:DescribeAlarms is scoped to `*`.
 * A separate read keeps `cloudwatch.metric-alarms` as older snapshots hold it; a check that a metric
 * alarm already satisfies does not depend on this read.
 */
export const cloudwatchCompositeAlarms: Collector<CompositeAlarm[]> = {
	id: 'cloudwatch.composite-alarms',
	description: 'CloudWatch composite alarms with their rules and actions (multi-window burn-rate alerts)',
	iamActions: ['cloudwatch:DescribeAlarms'],
	async collect({ clients }) {
		const alarms: CompositeAlarm[] = [];
		const pages = paginateDescribeAlarms(
			{ client: clients.get(CloudWatchClient), pageSize: 100 },
			{ AlarmTypes: ['CompositeAlarm'] },
		);
		for await (const page of pages) alarms.push(...(page.CompositeAlarms ?? []).map(recordCompositeAlarm));
		return alarms;
	},
};
