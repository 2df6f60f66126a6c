import type { LogStream } from '../../../collectors/logs/recent-log-streams.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { PerResource, ReadError, SnapshotView } from '../../../engine/types.ts';
import { webServers } from './web-servers.ts';

export interface InstanceLogGroup {
	logGroupName: string;
	logStreamName: string;
	instanceId: string;
	lastEventTime: string;
}

/**
 * Log groups that received events from a lab web server inside the window, recognised by a stream
 * named after the instance (the agent's `{instance_id}` stream name). A log group that could not be
 * read only matters when nothing else was found: then the answer is "could not tell", not "no".
 */
export function instanceLogGroups(view: SnapshotView): InstanceLogGroup[] {
	const instanceIds = webServers(view).map((server) => server.instance.instanceId);
	const streamsByGroup = view.read<PerResource<LogStream[]>>('logs.recent-log-streams');
	const found: InstanceLogGroup[] = [];
	let firstFailure: ReadError | undefined;
	const since = Date.parse(view.window.since);
	for (const [logGroupName, outcome] of Object.entries(streamsByGroup)) {
		if (!outcome.ok) {
			firstFailure ??= outcome.error;
			continue;
		}
		for (const stream of outcome.data) {
			const instanceId = instanceIds.find((id) => stream.logStreamName.includes(id));
			if (instanceId && Date.parse(stream.lastEventTime) >= since) {
				found.push({
					logGroupName,
					logStreamName: stream.logStreamName,
					instanceId,
					lastEventTime: stream.lastEventTime,
				});
			}
		}
	}
	if (found.length === 0 && firstFailure) throw new ReadFailed(firstFailure);
	return found;
}
