import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { InboundRule, SecurityGroup } from '../../../collectors/ec2/security-groups.ts';
import type { SnapshotView } from '../../../engine/types.ts';

export const labTag = { key: 'sre-lab', value: 'lab1' } as const;
const webPorts = [80, 443] as const;

export function isLabInstance(instance: Ec2Instance): boolean {
	return instance.tags[labTag.key] === labTag.value;
}

/**
 * A rule's source that names another security group (`sg-…`) admits only the members of that group:
 * traffic from inside the VPC (or a peered one), never from the internet by itself. CIDR blocks and
 * managed prefix lists (`pl-…`) name addresses, which can be outside the VPC.
 */
export const isGroupReference = (source: string) => source.startsWith('sg-');

/** The web port (80 or 443) a rule opens, if any, whatever its sources. Protocol -1 opens every port. */
export function openWebPort(rule: InboundRule): number | null {
	if (rule.protocol === '-1') return webPorts[0];
	if (rule.protocol !== 'tcp' && rule.protocol !== '6') return null;
	return webPorts.find((port) => (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535)) ?? null;
}

/** "all traffic (protocol -1, every port)", "TCP 80", "TCP 0-65535": what the rule lets in, precisely. */
export function describeRule(rule: InboundRule): string {
	if (rule.protocol === '-1') return 'all traffic (protocol -1: every protocol and port)';
	const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
	return `TCP ${ports}`;
}

export interface WebServer {
	instance: Ec2Instance;
	/** The instance's security group whose rule lets web traffic in. */
	groupId: string;
	port: number;
	/** What the rule lets in, e.g. "TCP 80". */
	rule: string;
	/** CIDR blocks or prefix lists the traffic may come from (those of `via` when set). */
	sources: string[];
	/** A referenced group (e.g. a load balancer's) that itself admits web traffic from those sources. */
	via?: string;
}

/** Addresses (not group references) allowed to send web traffic into a group. */
function externalWebSources(group: SecurityGroup | undefined): string[] {
	return (group?.inbound ?? [])
		.filter((rule) => openWebPort(rule) !== null)
		.flatMap((rule) => rule.sources.filter((source) => !isGroupReference(source)));
}

/**
 * How traffic from outside the VPC can reach the instance on a web port: a rule of one of its groups
 * with a CIDR or prefix-list source, or a rule whose source is a group (a load balancer's) that is
 * itself open to such sources. A group that only admits its own members (the VPC's default group)
 * reaches nobody outside.
 */
function reachFromOutside(instance: Ec2Instance, groups: ReadonlyMap<string, SecurityGroup>): WebServer | null {
	let viaGroup: WebServer | null = null;
	for (const groupId of instance.securityGroupIds) {
		for (const rule of groups.get(groupId)?.inbound ?? []) {
			const port = openWebPort(rule);
			if (port === null) continue;
			const base = { instance, groupId, port, rule: describeRule(rule) };
			const direct = rule.sources.filter((source) => !isGroupReference(source));
			if (direct.length > 0) return { ...base, sources: direct };
			for (const referenced of rule.sources.filter(isGroupReference)) {
				const sources = externalWebSources(groups.get(referenced));
				if (sources.length > 0) viaGroup ??= { ...base, sources, via: referenced };
			}
		}
	}
	return viaGroup;
}

/** Running lab instances that traffic from outside the VPC can reach on port 80 or 443, with how. */
export function webServers(view: SnapshotView): WebServer[] {
	const instances = view.read<Ec2Instance[]>('ec2.instances');
	const groups = new Map(view.read<SecurityGroup[]>('ec2.security-groups').map((group) => [group.groupId, group]));
	return instances
		.filter((instance) => isLabInstance(instance) && instance.state === 'running')
		.flatMap((instance) => reachFromOutside(instance, groups) ?? []);
}

/** Rules of the instance's groups that open a web port only to other security groups' members. */
export function groupOnlyWebRules(
	instance: Ec2Instance,
	view: SnapshotView,
): { groupId: string; rule: string; sources: string[] }[] {
	const groups = new Map(view.read<SecurityGroup[]>('ec2.security-groups').map((group) => [group.groupId, group]));
	return instance.securityGroupIds.flatMap((groupId) =>
		(groups.get(groupId)?.inbound ?? [])
			.filter((rule) => openWebPort(rule) !== null && rule.sources.length > 0 && rule.sources.every(isGroupReference))
			.map((rule) => ({ groupId, rule: describeRule(rule), sources: rule.sources })),
	);
}
