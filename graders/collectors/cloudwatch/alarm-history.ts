import { CloudWatchClient, paginateDescribeAlarmHistory } from '@aws-sdk/client-cloudwatch';
import type { Collector } from '../../engine/types.ts';

export interface AlarmStateChange {
	alarmName: string;
	/** ISO 8601 */
	timestamp: string;
	/** OK, ALARM or INSUFFICIENT_DATA; null when the history item does not say. */
	from: string | null;
	to: string | null;
}

/** The state values in a history item's HistoryData JSON; the summary text is a fallback only. */
export function parseStateChange(
	historyData: string | undefined,
	summary: string | undefined,
): { from: string | null; to: string | null } {
	try {
		const data = JSON.parse(historyData ?? '') as {
			oldState?: { stateValue?: string };
			newState?: { stateValue?: string };
		};
		if (data.newState?.stateValue) return { from: data.oldState?.stateValue ?? null, to: data.newState.stateValue };
	} catch {
		// fall through to the summary, e.g. "Alarm updated from OK to ALARM"
	}
	const match = /from (\w+) to (\w+)/.exec(summary ?? '');
	return { from: match?.[1] ?? null, to: match?.[2] ?? null };
}

/** Every alarm state change in the time window, oldest first. */
export const cloudwatchAlarmHistory: Collector<AlarmStateChange[]> = {
	id: 'cloudwatch.alarm-history',
	description: 'CloudWatch alarm state changes in the time window',
	iamActions: ['cloudwatch:DescribeAlarmHistory'],
	async collect({ clients, window }) {
		const changes: AlarmStateChange[] = [];
		const pages = paginateDescribeAlarmHistory(
			{ client: clients.get(CloudWatchClient), pageSize: 100 },
			{
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
