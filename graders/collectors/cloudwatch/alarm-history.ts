import { CloudWatchClient, paginateDescribeAlarmHistory } from '@aws-sdk/client-cloudwatch';
import type { Collector } from '../../engine/types.ts';

export interface AlarmStateChange {
	alarmName: string;
	/** ISO 8601 */
	timestamp: string;
	/** OK, ALARM or INSUFFICIENT_DATA; null when the history item does not say. */
	from: string | null;
	to: string | null;
	/**
	 * Whether CloudWatch itself reached the new state by evaluating the alarm (its HistoryData carries
	 * the evaluation's `stateReasonData`), rather than someone calling SetAlarmState. Absent in
	 * snapshots taken before sre-lab recorded it.
	 */
	evaluated?: boolean;
}

interface HistoryState {
	stateValue?: string;
	stateReasonData?: unknown;
}

/**
 * Whether a state in HistoryData came from an alarm evaluation. CloudWatch records the data it
 * evaluated: a metric alarm's `stateReasonData` holds `queryDate` and the datapoints
 * (`recentDatapoints`, and `evaluatedDatapoints` in newer entries); a composite alarm's holds the
 * `triggeringAlarms`. SetAlarmState records only the caller's `stateReason` and no `stateReasonData`
 * unless the caller passes one (then it is whatever they wrote, so a forged one cannot be told apart
 * here: the checks look for the SetAlarmState call in CloudTrail, see labs/shared/forged-alarm-states.ts).
 */
export function cameFromEvaluation(state: HistoryState | undefined): boolean {
	const data = state?.stateReasonData;
	if (typeof data !== 'object' || data === null) return false;
	const fields = data as Record<string, unknown>;
	if (Array.isArray(fields.triggeringAlarms)) return true;
	return (
		typeof fields.queryDate === 'string' &&
		(Array.isArray(fields.recentDatapoints) || Array.isArray(fields.evaluatedDatapoints))
	);
}

/** The state values in a history item's HistoryData JSON; the summary text is a fallback only. */
export function parseStateChange(
	historyData: string | undefined,
	summary: string | undefined,
): { from: string | null; to: string | null; evaluated: boolean } {
	try {
		const data = JSON.parse(historyData ?? '') as { oldState?: HistoryState; newState?: HistoryState };
		if (data.newState?.stateValue) {
			return {
				from: data.oldState?.stateValue ?? null,
				to: data.newState.stateValue,
				evaluated: cameFromEvaluation(data.newState),
			};
		}
	} catch {
		// fall through to the summary, e.g. "Alarm updated from OK to ALARM"
	}
	// Without HistoryData nothing shows an evaluation took place.
	const match = /from (\w+) to (\w+)/.exec(summary ?? '');
	return { from: match?.[1] ?? null, to: match?.[2] ?? null, evaluated: false };
}

/**
 * Every alarm state change in the time window, oldest first, metric and composite alarms alike
 * (without AlarmTypes the API returns metric alarms only).
 */
export const cloudwatchAlarmHistory: Collector<AlarmStateChange[]> = {
	id: 'cloudwatch.alarm-history',
	description: 'CloudWatch alarm state changes in the time window, and whether an evaluation made them',
	iamActions: ['cloudwatch:DescribeAlarmHistory'],
	async collect({ clients, window }) {
		const changes: AlarmStateChange[] = [];
		const pages = paginateDescribeAlarmHistory(
			{ client: clients.get(CloudWatchClient), pageSize: 100 },
			{
				AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
				HistoryItemType: 'StateUpdate',
				StartDate: new Date(window.since),
				EndDate: new Date(window.until),
				ScanBy: 'TimestampAscending',
			},
		);
		for await (const page of pages) {
			for (const item of page.AlarmHistoryItems ?? []) {
				if (!item.AlarmName || !item.Timestamp) continue;
				changes.push({
					alarmName: item.AlarmName,
					timestamp: item.Timestamp.toISOString(),
					...parseStateChange(item.HistoryData, item.HistorySummary),
				});
			}
		}
		return changes.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
	},
};
