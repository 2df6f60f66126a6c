import { GetInstanceProfileCommand, IAMClient } from '@aws-sdk/client-iam';
import type { Collector, PerResource } from '../../engine/types.ts';
import type { Ec2Instance } from '../ec2/instances.ts';
import { fanOut } from '../fan-out.ts';
import { type RolePolicy, readRolePolicies, rolePolicyReadActions } from './read-role-policies.ts';

export interface InstanceProfileRole {
	roleName: string;
	roleArn: string;
	policies: RolePolicy[];
}

export interface InstanceProfile {
	profileName: string;
	roles: InstanceProfileRole[];
}

/** `arn:aws:iam::123456789012:instance-profile/path/name` → `name`. */
export function instanceProfileName(arn: string): string {
	return arn.slice(arn.lastIndexOf('/') + 1);
}

/**
 * The roles behind the instance profiles of running instances, with every policy document, so a
 * check can decide what the instance may do whether the learner attached an AWS managed policy, a
 * customer managed one or inline statements.
 */
export const iamInstanceProfileRoles: Collector<PerResource<InstanceProfile>> = {
	id: 'iam.instance-profile-roles',
	description: 'Roles of the instance profiles of running EC2 instances, with their policy documents',
	iamActions: ['iam:GetInstanceProfile', ...rolePolicyReadActions],
	needs: ['ec2.instances'],
	async collect({ clients, need }) {
		const iam = clients.get(IAMClient);
		const profileArns = need<Ec2Instance[]>('ec2.instances')
			.filter((instance) => instance.state === 'running')
			.flatMap((instance) => (instance.instanceProfileArn ? [instance.instanceProfileArn] : []));
		return fanOut(
			profileArns,
			async (arn) => {
				const profileName = instanceProfileName(arn);
				const profile = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profileName }));
				const roles = await Promise.all(
					(profile.InstanceProfile?.Roles ?? []).flatMap((role) =>
						role.RoleName
							? [
									readRolePolicies(iam, role.RoleName).then((policies) => ({
										roleName: role.RoleName as string,
										roleArn: role.Arn ?? '',
										policies,
									})),
								]
							: [],
					),
				);
				return { profileName, roles: roles satisfies InstanceProfileRole[] };
			},
			{ service: 'iam', operation: 'GetInstanceProfile' },
		);
	},
};
