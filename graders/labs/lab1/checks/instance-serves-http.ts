import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { isLabInstance, labTag, webServers } from '../facts/web-servers.ts';

export const instanceServesHttp: CheckDefinition = {
	id: 'instance-serves-http',
	reads: ['ec2.instances', 'ec2.security-groups'],
	evaluate(view) {
		const tagged = view.read<Ec2Instance[]>('ec2.instances').filter(isLabInstance);
		if (tagged.length === 0) {
			return {
				status: 'fail',
				message: `No EC2 instance in ${view.region} has the tag ${labTag.key}=${labTag.value}.`,
			};
		}
		const running = tagged.filter((instance) => instance.state === 'running');
		if (running.length === 0) {
			const states = tagged.map((instance) => `${instance.instanceId} is ${instance.state}`).join(', ');
			return {
				status: 'fail',
				message: `No tagged instance is running (${states}).`,
				evidence: tagged.map((i) => i.instanceId),
			};
		}
		const [server] = webServers(view);
		if (!server) {
			const described = running.map(
				(instance) => `${instance.instanceId} (${instance.securityGroupIds.join(', ') || 'no security group'})`,
			);
			return {
				status: 'fail',
				message: `${described.join(', ')} is running, but none of its security groups allows inbound TCP 80 or 443.`,
				evidence: running.map((instance) => instance.instanceId),
			};
		}
		return {
			status: 'pass',
			message: `${server.instance.instanceId} is running and ${server.groupId} allows inbound TCP ${server.port} from ${server.sources.join(', ')}.`,
			evidence: [server.instance.instanceId, server.groupId],
		};
	},
};
