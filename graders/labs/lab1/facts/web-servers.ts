import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { InboundRule, SecurityGroup } from '../../../collectors/ec2/security-groups.ts';
import type { SnapshotView } from '../../../engine/types.ts';

export const labTag = { key: 'sre-lab', value: 'lab1' } as const;
const webPorts = [80, 443] as const;

export function isLabInstance(instance: Ec2Instance): boolean {
	return instance.tags[labTag.key] === labTag.value;
}

/** The web port (80 or 443) an inbound rule opens, if any, from any source. */
export function openWebPort(rule: InboundRule): number | null {
	if (rule.sources.length === 0) return null;
	if (rule.protocol === '-1') return webPorts[0];
	if (rule.protocol !== 'tcp' && rule.protocol !== '6') return null;
	return webPorts.find((port) => (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535)) ?? null;
}

export interface WebServer {
	instance: Ec2Instance;
	groupId: string;
	port: number;
	sources: string[];
}

/** Running lab instances with a security group that lets HTTP or HTTPS in, with the rule that does. */
export function webServers(view: SnapshotView): WebServer[] {
	const instances = view.read<Ec2Instance[]>('ec2.instances');
	const groups = new Map(view.read<SecurityGroup[]>('ec2.security-groups').map((group) => [group.groupId, group]));
	const servers: WebServer[] = [];
	for (const instance of instances) {
		if (!isLabInstance(instance) || instance.state !== 'running') continue;
		const open = instance.securityGroupIds
			.flatMap((groupId) =>
				(groups.get(groupId)?.inbound ?? []).map((rule) => ({ groupId, rule, port: openWebPort(rule) })),
			)
			.find((candidate) => candidate.port !== null);
		if (open) servers.push({ instance, groupId: open.groupId, port: open.port as number, sources: open.rule.sources });
	}
	return servers;
}
