import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { accessLogReads, type InstanceLogGroup, instanceLogGroups } from '../facts/access-log-groups.ts';
import { webServers } from '../facts/web-servers.ts';

const describeOther = (group: InstanceLogGroup) =>
	group.sample.sampled === 0
		? `${group.logGroupName} (stream ${group.logStreamName}: no events could be read)`
		: `${group.logGroupName} (none of the latest ${group.sample.sampled} lines in stream ${group.logStreamName} is an access-log line)`;

export const accessLogShipped: CheckDefinition = {
	id: 'access-log-shipped',
	reads: accessLogReads,
	evaluate(view) {
		const { accessLog, otherLogs, unread } = instanceLogGroups(view);
		if (accessLog.length > 0) {
			const groups = [...new Set(accessLog.map((entry) => entry.logGroupName))];
			const latest = accessLog.reduce((a, b) => (a.lastEventTime >= b.lastEventTime ? a : b));
			return {
				status: 'pass',
				message: `${groups.join(', ')} receive(s) access-log lines from ${latest.instanceId} (stream ${latest.logStreamName}: ${latest.sample.accessLogLines} of its latest ${latest.sample.sampled} lines are access-log lines; last activity ${latest.lastEventTime}).`,
				evidence: [latest.instanceId, ...groups],
			};
		}
		// A group that could not be read might be the access log: "could not tell", not "no".
		const [firstUnread] = unread;
		if (firstUnread) throw new ReadFailed(firstUnread.error);
		const instanceIds = webServers(view).map((server) => server.instance.instanceId);
		if (otherLogs.length > 0) {
			return {
				status: 'fail',
				message: `Logs arrive from ${instanceIds.join(' or ')}, but not the access log: ${otherLogs.map(describeOther).join('; ')}. An access-log line looks like 198.51.100.7 - - [22/Nov/2026:10:15:01 +0000] "GET / HTTP/1.1" 200 612 …: ship the web server's access log (e.g. /var/log/httpd/access_log) with the agent.`,
				evidence: [...instanceIds, ...new Set(otherLogs.map((group) => group.logGroupName))],
			};
		}
		return {
			status: 'fail',
			message: `No log stream named after ${instanceIds.join(' or ')} received events since ${view.window.since}.`,
			evidence: instanceIds,
		};
	},
};
