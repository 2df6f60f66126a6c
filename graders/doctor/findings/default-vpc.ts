import { dataOf, errorOf, type Finding, type Reads } from '../finding.ts';
import type { DefaultVpc } from '../reads/default-vpcs.ts';

const title = 'Default VPC';

/** Labs 1 and 2 launch instances without naming a subnet, which needs the Region's default VPC. */
export function defaultVpcFinding(region: string | null, regionUsable: boolean, regionReads: Reads | null): Finding {
	if (!region || !regionUsable || !regionReads) {
		return { id: 'default-vpc', title, status: 'skipped', message: 'Needs a usable Region first.' };
	}
	const outcome = regionReads['ec2.default-vpcs'];
	const error = errorOf(outcome);
	if (error) return { id: 'default-vpc', title, status: 'error', message: error.message };
	const vpcs = dataOf<DefaultVpc[]>(outcome);
	if (!vpcs) return { id: 'default-vpc', title, status: 'error', message: 'The default VPC was not read.' };
	const vpc = vpcs[0];
	if (!vpc) {
		return {
			id: 'default-vpc',
			title,
			status: 'fail',
			message: `${region} has no default VPC, and Labs 1 and 2 launch their instances into it.`,
			fix: `Create one: \`aws ec2 create-default-vpc --region ${region}\` (a VPC with a public subnet in each Availability Zone).`,
		};
	}
	return {
		id: 'default-vpc',
		title,
		status: 'pass',
		message: `${vpc.vpcId}${vpc.cidrBlock ? ` (${vpc.cidrBlock})` : ''} in ${region}.`,
	};
}
