import {
	GetInstanceProfileCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRolePolicyCommand,
	IAMClient,
	paginateListAttachedRolePolicies,
	paginateListRolePolicies,
} from '@aws-sdk/client-iam';
import type { Collector, PerResource } from '../../engine/types.ts';
import type { Ec2Instance } from '../ec2/instances.ts';
import { fanOut } from '../fan-out.ts';

export interface RolePolicy {
	/** ARN for a managed policy, `inline:<name>` for an inline one. */
	source: string;
	/** The decoded policy document (IAM returns it URL-encoded). */
	document: unknown;
}

export interface InstanceProfileRole {
	roleName: string;
	roleArn: string;
	policies: RolePolicy[];
}

export interface InstanceProfile {
	profileName: string;
	roles: InstanceProfileRole[];
}

function decodeDocument(encoded: string | undefined): unknown {
	if (!encoded) return null;
	return JSON.parse(decodeURIComponent(encoded));
}

async function readRolePolicies(iam: IAMClient, roleName: string): Promise<RolePolicy[]> {
	const policies: RolePolicy[] = [];
	for await (const page of paginateListAttachedRolePolicies({ client: iam }, { RoleName: roleName })) {
		for (const attached of page.AttachedPolicies ?? []) {
			if (!attached.PolicyArn) continue;
			const policy = await iam.send(new GetPolicyCommand({ PolicyArn: attached.PolicyArn }));
			const version = await iam.send(
				new GetPolicyVersionCommand({ PolicyArn: attached.PolicyArn, VersionId: policy.Policy?.DefaultVersionId }),
			);
			policies.push({ source: attached.PolicyArn, document: decodeDocument(version.PolicyVersion?.Document) });
		}
	}
	for await (const page of paginateListRolePolicies({ client: iam }, { RoleName: roleName })) {
		for (const policyName of page.PolicyNames ?? []) {
			const inline = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
			policies.push({ source: `inline:${policyName}`, document: decodeDocument(inline.PolicyDocument) });
		}
	}
	return policies;
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
	iamActions: [
		'iam:GetInstanceProfile',
		'iam:ListAttachedRolePolicies',
		'iam:ListRolePolicies',
		'iam:GetRolePolicy',
		'iam:GetPolicy',
		'iam:GetPolicyVersion',
	],
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
				const roles: InstanceProfileRole[] = [];
				for (const role of profile.InstanceProfile?.Roles ?? []) {
					if (!role.RoleName) continue;
					roles.push({ roleName: role.RoleName, roleArn: role.Arn ?? '', policies: await readRolePolicies(iam, role.RoleName) });
				}
				return { profileName, roles };
			},
			{ service: 'iam', operation: 'GetInstanceProfile' },
		);
	},
};
