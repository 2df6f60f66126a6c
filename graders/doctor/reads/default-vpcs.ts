import { EC2Client, paginateDescribeVpcs } from '@aws-sdk/client-ec2';
import type { Collector } from '../../engine/types.ts';

export interface DefaultVpc {
	vpcId: string;
	cidrBlock: string | null;
	state: string | null;
}

/** The Region's default VPC (at most one), which Labs 1 and 2 launch their instances into. */
export const defaultVpcs: Collector<DefaultVpc[]> = {
	id: 'ec2.default-vpcs',
	description: 'The default VPC of the Region',
	iamActions: ['ec2:DescribeVpcs'],
	async collect({ clients }) {
		const vpcs: DefaultVpc[] = [];
		const pages = paginateDescribeVpcs(
			{ client: clients.get(EC2Client), pageSize: 5 },
			{ Filters: [{ Name: 'is-default', Values: ['true'] }] },
		);
		for await (const page of pages) {
			for (const vpc of page.Vpcs ?? []) {
				if (!vpc.VpcId || vpc.IsDefault === false) continue;
				vpcs.push({ vpcId: vpc.VpcId, cidrBlock: vpc.CidrBlock ?? null, state: vpc.State ?? null });
			}
		}
		return vpcs;
	},
};
