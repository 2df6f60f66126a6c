import { EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import type { Collector } from '../../engine/types.ts';
import { tagsToRecord } from './tags.ts';

export interface Ec2Instance {
	instanceId: string;
	state: string;
	/** Only the tags every check reads (instanceTagKeys); tags that SSM targets name: ec2.ssm-target-tags. */
	tags: Record<string, string>;
	instanceProfileArn: string | null;
	securityGroupIds: string[];
	publicIp: string | null;
	privateIp: string | null;
	launchTime: string | null;
}

/**
 * The tags checks read on every instance: the lab tag (`sre-lab=lab1`, `sre-lab=lab2`) and Lab 2's
 * `PatchGroup`. An instance's other tags can hold anything its owner put there, so they are not kept.
 */
export const instanceTagKeys = ['sre-lab', 'PatchGroup'] as const;

/** Every instance in the region that is not terminated; labs pick theirs by the sre-lab tag. */
export const ec2Instances: Collector<Ec2Instance[]> = {
	id: 'ec2.instances',
	description: 'EC2 instances with their state, sre-lab and PatchGroup tags, instance profile and security groups',
	iamActions: ['ec2:DescribeInstances'],
	async collect({ clients }) {
		const instances: Ec2Instance[] = [];
		const pages = paginateDescribeInstances({ client: clients.get(EC2Client), pageSize: 1000 }, {});
		for await (const page of pages) {
			for (const reservation of page.Reservations ?? []) {
				for (const instance of reservation.Instances ?? []) {
					if (!instance.InstanceId || instance.State?.Name === 'terminated') continue;
					instances.push({
						instanceId: instance.InstanceId,
						state: instance.State?.Name ?? 'unknown',
						tags: tagsToRecord(instance.Tags, instanceTagKeys),
						instanceProfileArn: instance.IamInstanceProfile?.Arn ?? null,
						securityGroupIds: (instance.SecurityGroups ?? []).flatMap((group) =>
							group.GroupId ? [group.GroupId] : [],
						),
						publicIp: instance.PublicIpAddress ?? null,
						privateIp: instance.PrivateIpAddress ?? null,
						launchTime: instance.LaunchTime ? instance.LaunchTime.toISOString() : null,
					});
				}
			}
		}
		return instances.sort((a, b) => a.instanceId.localeCompare(b.instanceId));
	},
};
