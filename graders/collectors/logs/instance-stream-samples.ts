import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import { isAccessLogLine } from './access-log-format.ts';
import type { LogStream } from './recent-log-streams.ts';

export interface StreamSample {
	logStreamName: string;
	/** How many of the stream's latest events were read. */
	sampled: number;
	/** How many of those are access-log lines (Common or Combined Log Format). */
	accessLogLines: number;
}

/** Enough of the latest events to tell an access log from an error log or syslog. */
export const sampleSize = 20;
/** GetLogEvents may answer an empty page while older events exist; follow the token this many times. */
const maxEmptyPages = 3;

/**
 * What kind of log each lab instance stream holds: its latest events are read and counted as
 * access-log lines or not. Only the counts are kept; the lines themselves (client addresses, URLs)
 * never enter the snapshot.
 */
export const logsInstanceStreamSamples: Collector<PerResource<StreamSample[]>> = {
	id: 'logs.instance-stream-samples',
	description: 'Whether the latest events of each lab instance log stream are access-log lines',
	iamActions: ['logs:GetLogEvents'],
	needs: ['logs.recent-log-streams'],
	async collect({ clients, need }) {
		const logs = clients.get(CloudWatchLogsClient);
		const streamsByGroup = need<PerResource<LogStream[]>>('logs.recent-log-streams');
		const groups = Object.entries(streamsByGroup)
			.filter(([, outcome]) => outcome.ok && outcome.data.length > 0)
			.map(([name]) => name);
		return fanOut(
			groups,
			async (logGroupName) => {
				const outcome = streamsByGroup[logGroupName];
				const streams = outcome?.ok ? outcome.data : [];
				const samples: StreamSample[] = [];
				for (const { logStreamName } of streams) {
					let messages: string[] = [];
					let nextToken: string | undefined;
					for (let page = 0; page < maxEmptyPages && messages.length === 0; page++) {
						const answer = await logs.send(
							new GetLogEventsCommand({
								logGroupName,
								logStreamName,
								startFromHead: false,
								limit: sampleSize,
								nextToken,
							}),
						);
						messages = (answer.events ?? []).map((event) => event.message ?? '');
						if (!answer.nextBackwardToken || answer.nextBackwardToken === nextToken) break;
						nextToken = answer.nextBackwardToken;
					}
					samples.push({
						logStreamName,
						sampled: messages.length,
						accessLogLines: messages.filter(isAccessLogLine).length,
					});
				}
				return samples;
			},
			{ service: 'logs', operation: 'GetLogEvents' },
		);
	},
};
