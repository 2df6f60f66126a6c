import type { MetricIdentity } from '../../../collectors/cloudwatch/instance-metrics.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { webServers } from '../facts/web-servers.ts';

const shownMetricNames = 5;

export const agentPublishesMetrics: CheckDefinition = {
	id: 'agent-publishes-metrics',
	reads: ['ec2.instances', 'ec2.security-groups', 'cloudwatch.instance-metrics'],
	evaluate(view) {
		const instanceIds = webServers(view).map((server) => server.instance.instanceId);
		const metrics = view.read<MetricIdentity[]>('cloudwatch.instance-metrics');
		// AWS/EC2 metrics come from the hypervisor and exist without any agent; only the agent's own
		// namespace (CWAgent unless configured otherwise) proves it runs.
		const fromAgent = metrics.filter(
			(metric) => !metric.namespace.startsWith('AWS/') && instanceIds.includes(metric.dimensions.InstanceId ?? ''),
		);
		if (fromAgent.length === 0) {
			const hypervisorOnly = metrics.some((metric) => instanceIds.includes(metric.dimensions.InstanceId ?? ''));
			return {
				status: 'fail',
				message: `No agent metrics for ${instanceIds.join(', ')} were active in the last 3 hours${hypervisorOnly ? ' (only AWS/EC2 metrics, which do not need the agent)' : ''}.`,
				evidence: instanceIds,
			};
		}
		const [first] = fromAgent;
		const names = [...new Set(fromAgent.map((metric) => metric.metricName))].sort();
		const shown = names.slice(0, shownMetricNames).join(', ') + (names.length > shownMetricNames ? ', …' : '');
		return {
			status: 'pass',
			message: `The agent publishes ${names.length} metric(s) for ${first?.dimensions.InstanceId} in ${first?.namespace}: ${shown}.`,
			evidence: [first?.dimensions.InstanceId ?? '', ...new Set(fromAgent.map((metric) => metric.namespace))],
		};
	},
};
