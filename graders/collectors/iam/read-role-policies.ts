import {
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRolePolicyCommand,
	type IAMClient,
	paginateListAttachedRolePolicies,
	paginateListRolePolicies,
} from '@aws-sdk/client-iam';
import type { RolePolicy } from './instance-profile-roles.ts';

/** The IAM actions `readRolePolicies` calls, for collectors to declare. */
export const rolePolicyReadActions = [
	'iam:ListAttachedRolePolicies',
	'iam:ListRolePolicies',
	'iam:GetRolePolicy',
	'iam:GetPolicy',
	'iam:GetPolicyVersion',
] as const;

/** `arn:aws:iam::123456789012:role/service-role/name` → `name` (IAM APIs take the name, not the path). */
export function roleNameFromArn(arn: string): string {
	return arn.slice(arn.lastIndexOf('/') + 1);
}

function decodeDocument(encoded: string | undefined): unknown {
	if (!encoded) return null;
	return JSON.parse(decodeURIComponent(encoded));
}

/** Every policy document of a role: the default version of each attached managed policy, and each inline one. */
export async function readRolePolicies(iam: IAMClient, roleName: string): Promise<RolePolicy[]> {
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
