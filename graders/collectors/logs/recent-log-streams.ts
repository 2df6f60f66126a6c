import { CloudWatchLogsClient, paginateDescribeLogStreams } from '@aws-sdk/client-cloudwatch-logs';
import type { Collector, PerResource } from '../../engine/types.ts';
import type { Ec2Instance } from '../ec2/instances.ts';
import { fanOut } from '../fan-out.ts';
import { createRateLimiter } from '../rate-limit.ts';
import type { LogGroup } from './log-groups.ts';

export interface LogStream {
	logStreamName: string;
	/** ISO 8601; CloudWatch updates it eventually, typically within the hour. Null when not yet set. */
	lastEventTime: string | null;
	/** ISO 8601; when CloudWatch last received events for the stream (absent in older snapshots). */
	lastIngestionTime?: string | null;
}

/** DescribeLogStreams is limited to 5 transactions per second per account and Region. */
export const describeLogStreamsPerSecond = 5;

/** Log groups AWS services create for themselves (Lambda, API Gateway, Transaction Search…). */
export const isAwsServiceLogGroup = (name: string) => name.startsWith('/aws/') || name.startsWith('aws/');

const iso = (epochMs: number | undefined) => (epochMs === undefined ? null : new Date(epochMs).toISOString());

/** The latest sign of activity: the last event's time if CloudWatch has caught up, else the last ingestion. */
export function lastActivity(stream: LogStream): string | null {
	// ISO 8601 strings of one format sort as the times they name.
	const times = [stream.lastEventTime, stream.lastIngestionTime].filter((time): time is string => Boolean(time));
	return times.sort().at(-1) ?? null;
}

/**
 * Per log group, the streams named after a lab instance (the CloudWatch agent's `{instance_id}`
 * stream name) that received events inside the time window. Each instance's streams are asked for by
 * name prefix, so the answer does not depend on `lastEventTimestamp`, which CloudWatch updates only
 * eventually (ordering by LastEventTime would hide a stream that is being written right now, and
 * that ordering cannot be combined with a prefix: a prefix requires ordering by LogStreamName).
 * `lastIngestionTime` stands in until `lastEventTimestamp` catches up. Groups AWS services write
 * to are skipped.
 */
export const logsRecentLogStreams: Collector<PerResource<LogStream[]>> = {
	id: 'logs.recent-log-streams',
	description: 'Log streams named after the lab instances with events inside the time window, per log group',
	iamActions: ['logs:DescribeLogStreams'],
	needs: ['logs.log-groups', 'ec2.instances'],
	async collect({ clients, need, window }) {
		const logs = clients.get(CloudWatchLogsClient);
		const since = window.since;
		const instanceIds = need<Ec2Instance[]>('ec2.instances')
			.filter((instance) => instance.tags['sre-lab'] !== undefined)
			.map((instance) => instance.instanceId);
		const groups = need<LogGroup[]>('logs.log-groups')
			.map((group) => group.logGroupName)
			.filter((name) => !isAwsServiceLogGroup(name));
		if (instanceIds.length === 0) return {};
		const limited = createRateLimiter(describeLogStreamsPerSecond);
		return fanOut(
			groups,
			async (logGroupName) => {
				const streams: LogStream[] = [];
				for (const logStreamNamePrefix of instanceIds) {
					const pages = paginateDescribeLogStreams(
						{ client: logs },
						{ logGroupName, logStreamNamePrefix, orderBy: 'LogStreamName' },
					);
					const iterator = pages[Symbol.asyncIterator]();
					while (true) {
						const page = await limited(() => iterator.next());
						if (page.done) break;
						for (const stream of page.value.logStreams ?? []) {
							const found = {
								logStreamName: stream.logStreamName ?? '',
								lastEventTime: iso(stream.lastEventTimestamp),
								lastIngestionTime: iso(stream.lastIngestionTime),
							};
							const active = lastActivity(found);
							if (active && active >= since) streams.push(found);
						}
					}
				}
				return streams;
			},
			{ service: 'logs', operation: 'DescribeLogStreams' },
		);
	},
};
