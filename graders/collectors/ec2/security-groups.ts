import { EC2Client, paginateDescribeSecurityGroups } from '@aws-sdk/client-ec2';
import type { Collector } from '../../engine/types.ts';

export interface InboundRule {
	/** `tcp`, `udp`, `icmp` or `-1` for all traffic. */
	protocol: string;
	fromPort: number | null;
	toPort: number | null;
	/**
	 * Where traffic may come from: CIDR blocks (IPv4 and IPv6), managed prefix lists (`pl-…`) and
	 * security groups (`sg-…`). A group source admits only the network interfaces in that group, so
	 * checks must not read it as "reachable from anywhere" (graders/labs/lab1/facts/web-servers.ts).
	 */
	sources: string[];
}

export interface SecurityGroup {
	groupId: string;
	groupName: string;
	inbound: InboundRule[];
}

export const ec2SecurityGroups: Collector<SecurityGroup[]> = {
	id: 'ec2.security-groups',
	description: 'Security groups with their inbound rules',
	iamActions: ['ec2:DescribeSecurityGroups'],
	async collect({ clients }) {
		const groups: SecurityGroup[] = [];
		const pages = paginateDescribeSecurityGroups({ client: clients.get(EC2Client), pageSize: 1000 }, {});
		for await (const page of pages) {
			for (const group of page.SecurityGroups ?? []) {
				if (!group.GroupId) continue;
				groups.push({
					groupId: group.GroupId,
					groupName: group.GroupName ?? '',
					inbound: (group.IpPermissions ?? []).map((permission) => ({
						protocol: permission.IpProtocol ?? '-1',
						fromPort: permission.FromPort ?? null,
						toPort: permission.ToPort ?? null,
						sources: [
							...(permission.IpRanges ?? []).map((range) => range.CidrIp ?? ''),
							...(permission.Ipv6Ranges ?? []).map((range) => range.CidrIpv6 ?? ''),
							...(permission.PrefixListIds ?? []).map((list) => list.PrefixListId ?? ''),
							...(permission.UserIdGroupPairs ?? []).map((pair) => pair.GroupId ?? ''),
						].filter((source) => source !== ''),
					})),
				});
			}
		}
		return groups.sort((a, b) => a.groupId.localeCompare(b.groupId));
	},
};
