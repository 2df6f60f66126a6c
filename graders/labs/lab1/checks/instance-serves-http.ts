import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { groupOnlyWebRules, isLabInstance, labTag, webServers } from '../facts/web-servers.ts';

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
			const groupOnly = running.flatMap((instance) => groupOnlyWebRules(instance, view));
			const why =
				groupOnly.length > 0
					? `${groupOnly.map((entry) => `${entry.groupId} allows ${entry.rule} only from members of ${entry.sources.join(', ')}`).join('; ')}: a security group source admits only instances in that group (inside the VPC), so nothing outside can reach the web server. Allow TCP 80 from a CIDR range (0.0.0.0/0, or your own address) or a prefix list, or put the instance behind a load balancer whose security group admits HTTP from the internet.`
					: 'none of its security groups allows inbound TCP 80 or 443 from an address range, a prefix list or a load balancer that is itself reachable.';
			return {
				status: 'fail',
				message: `${described.join(', ')} is running, but ${why}`,
				evidence: running.map((instance) => instance.instanceId),
			};
		}
		const from = server.via
			? `from ${server.via}, which itself admits web traffic from ${server.sources.join(', ')}`
			: `from ${server.sources.join(', ')}`;
		// Routes (a public IP is useless without an internet gateway route) are not read: too many calls for
		// a hint. The address the instance has is already in the snapshot, so say what it implies.
		const noPublicIp =
			!server.via && !server.instance.publicIp
				? ' It has no public IPv4 address, so from the internet it is reachable only over IPv6 or through a load balancer.'
				: '';
		return {
			status: 'pass',
			message: `${server.instance.instanceId} is running and ${server.groupId} allows inbound ${server.rule} ${from}.${noPublicIp}`,
			evidence: [server.instance.instanceId, server.groupId, ...(server.via ? [server.via] : [])],
		};
	},
};
