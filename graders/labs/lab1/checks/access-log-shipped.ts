import type { CheckDefinition } from '../../../engine/types.ts';
import { instanceLogGroups } from '../facts/access-log-groups.ts';
import { webServers } from '../facts/web-servers.ts';

export const accessLogShipped: CheckDefinition = {
	id: 'access-log-shipped',
	reads: ['ec2.instances', 'ec2.security-groups', 'logs.log-groups', 'logs.recent-log-streams'],
	evaluate(view) {
		const found = instanceLogGroups(view);
		if (found.length === 0) {
			const instanceIds = webServers(view).map((server) => server.instance.instanceId);
			return {
				status: 'fail',
				message: `No log stream named after ${instanceIds.join(' or ')} received events since ${view.window.since}.`,
				evidence: instanceIds,
			};
		}
		const groups = [...new Set(found.map((entry) => entry.logGroupName))];
		const latest = found.reduce((a, b) => (a.lastEventTime >= b.lastEventTime ? a : b));
		return {
			status: 'pass',
			message: `${groups.join(', ')} receive(s) events from ${latest.instanceId} (stream ${latest.logStreamName}, last event ${latest.lastEventTime}).`,
			evidence: [latest.instanceId, ...groups],
		};
	},
};
