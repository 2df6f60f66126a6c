import type { StreamSample } from '../../../collectors/logs/instance-stream-samples.ts';
import { type LogStream, lastActivity } from '../../../collectors/logs/recent-log-streams.ts';
import type { PerResource, ReadError, SnapshotView } from '../../../engine/types.ts';
import { webServers } from './web-servers.ts';

export interface InstanceLogGroup {
	logGroupName: string;
	logStreamName: string;
	instanceId: string;
	/** The stream's latest activity (last event, or last ingestion while the former lags). */
	lastEventTime: string;
	/** Of the stream's latest events read, how many are access-log lines. */
	sample: { sampled: number; accessLogLines: number };
}

export interface UnreadLogGroup {
	logGroupName: string;
	error: ReadError;
}

export interface InstanceLogGroups {
	/** Groups whose lab-instance stream carries access-log lines: "the access log". */
	accessLog: InstanceLogGroup[];
	/** Groups with a recent lab-instance stream of other lines (error log, syslog). */
	otherLogs: InstanceLogGroup[];
	/** Groups whose streams or lines could not be read: any of them might be the access log. */
	unread: UnreadLogGroup[];
}

export const accessLogReads = [
	'ec2.instances',
	'ec2.security-groups',
	'logs.log-groups',
	'logs.recent-log-streams',
	'logs.instance-stream-samples',
] as const;

/** A stream is a lab web server's when it is named after it (the agent's `{instance_id}`, possibly with a suffix). */
const instanceOf = (streamName: string, instanceIds: readonly string[]) =>
	instanceIds.find(
		(id) => streamName === id || (streamName.startsWith(id) && !/[0-9a-f]/.test(streamName[id.length] ?? '')),
	);

/**
 * Log groups that received events from a lab web server inside the window (a stream named after the
 * instance), told apart by what the stream holds: only a group whose latest lines are access-log
 * lines is the access log — the error log and syslog arrive from the same instance under the same
 * stream name. What could not be read is listed, never taken as "nothing there".
 */
export function instanceLogGroups(view: SnapshotView): InstanceLogGroups {
	const instanceIds = webServers(view).map((server) => server.instance.instanceId);
	const streamsByGroup = view.read<PerResource<LogStream[]>>('logs.recent-log-streams');
	const samplesByGroup = view.read<PerResource<StreamSample[]>>('logs.instance-stream-samples');
	const result: InstanceLogGroups = { accessLog: [], otherLogs: [], unread: [] };
	for (const [logGroupName, outcome] of Object.entries(streamsByGroup)) {
		if (!outcome.ok) {
			result.unread.push({ logGroupName, error: outcome.error });
			continue;
		}
		const recent = outcome.data.flatMap((stream) => {
			const instanceId = instanceOf(stream.logStreamName, instanceIds);
			const active = lastActivity(stream);
			return instanceId && active && active >= view.window.since ? [{ stream, instanceId, active }] : [];
		});
		if (recent.length === 0) continue;
		const samples = samplesByGroup[logGroupName];
		if (!samples?.ok) {
			result.unread.push({
				logGroupName,
				error: samples?.ok === false ? samples.error : notSampled(logGroupName),
			});
			continue;
		}
		for (const { stream, instanceId, active } of recent) {
			const sample = samples.data.find((entry) => entry.logStreamName === stream.logStreamName);
			const found = {
				logGroupName,
				logStreamName: stream.logStreamName,
				instanceId,
				lastEventTime: active,
				sample: { sampled: sample?.sampled ?? 0, accessLogLines: sample?.accessLogLines ?? 0 },
			};
			(found.sample.accessLogLines > 0 ? result.accessLog : result.otherLogs).push(found);
		}
	}
	return result;
}

function notSampled(logGroupName: string): ReadError {
	return {
		kind: 'other',
		service: 'logs',
		operation: 'GetLogEvents',
		message: `The snapshot has no sample of the lines in ${logGroupName}. Collect a new snapshot.`,
	};
}
