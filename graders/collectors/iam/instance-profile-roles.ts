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

async function readManagedPolicy(iam: IAMClient, policyArn: string): Promise<RolePolicy> {
	const policy = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
	const version = await iam.send(
		new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: policy.Policy?.DefaultVersionId }),
	);
	return { source: policyArn, document: decodeDocument(version.PolicyVersion?.Document) };
}

async function readAttachedPolicies(iam: IAMClient, roleName: string): Promise<RolePolicy[]> {
	const arns: string[] = [];
	for await (const page of paginateListAttachedRolePolicies({ client: iam }, { RoleName: roleName })) {
		for (const attached of page.AttachedPolicies ?? []) if (attached.PolicyArn) arns.push(attached.PolicyArn);
	}
	return Promise.all(arns.map((arn) => readManagedPolicy(iam, arn)));
}

async function readInlinePolicies(iam: IAMClient, roleName: string): Promise<RolePolicy[]> {
	const names: string[] = [];
	for await (const page of paginateListRolePolicies({ client: iam }, { RoleName: roleName }))
		names.push(...(page.PolicyNames ?? []));
	return Promise.all(
		names.map(async (policyName) => {
			const inline = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
			return { source: `inline:${policyName}`, document: decodeDocument(inline.PolicyDocument) };
		}),
	);
}

/** Every policy document of a role. Managed and inline policies are independent reads, so they run side by side. */
export async function readRolePolicies(iam: IAMClient, roleName: string): Promise<RolePolicy[]> {
	const [attached, inline] = await Promise.all([
		readAttachedPolicies(iam, roleName),
		readInlinePolicies(iam, roleName),
	]);
	return [...attached, ...inline];
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
