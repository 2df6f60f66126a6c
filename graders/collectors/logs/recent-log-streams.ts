import { CloudWatchLogsClient, paginateDescribeLogStreams } from '@aws-sdk/client-cloudwatch-logs';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { LogGroup } from './log-groups.ts';

export interface LogStream {
	logStreamName: string;
	/** ISO 8601; CloudWatch updates it eventually, typically within the hour. */
	lastEventTime: string;
}

/**
 * Per log group, the streams that received events inside the time window. Streams are listed newest
 * first, so paging stops at the first stream older than the window: the rest are older still.
 */
export const logsRecentLogStreams: Collector<PerResource<LogStream[]>> = {
	id: 'logs.recent-log-streams',
	description: 'Log streams with events inside the time window, per log group',
	iamActions: ['logs:DescribeLogStreams'],
	needs: ['logs.log-groups'],
	async collect({ clients, need, window }) {
		const logs = clients.get(CloudWatchLogsClient);
		const since = Date.parse(window.since);
		const groups = need<LogGroup[]>('logs.log-groups');
		return fanOut(
			groups.map((group) => group.logGroupName),
			async (logGroupName) => {
				const streams: LogStream[] = [];
				const pages = paginateDescribeLogStreams(
					{ client: logs },
					{ logGroupName, orderBy: 'LastEventTime', descending: true },
				);
				for await (const page of pages) {
					for (const stream of page.logStreams ?? []) {
						if (stream.lastEventTimestamp === undefined || stream.lastEventTimestamp < since) return streams;
						streams.push({
							logStreamName: stream.logStreamName ?? '',
							lastEventTime: new Date(stream.lastEventTimestamp).toISOString(),
						});
					}
				}
				return streams;
			},
			{ service: 'logs', operation: 'DescribeLogStreams' },
		);
	},
};
