import {
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRolePolicyCommand,
	type IAMClient,
	paginateListAttachedRolePolicies,
	paginateListRolePolicies,
} from '@aws-sdk/client-iam';

/**
 * How every collector that judges a role's permissions reads its policies (instance profile roles
 * in Lab 1, Lambda execution and scheduler roles in Lab 2): one reader, so they cannot drift apart.
 */

export interface RolePolicy {
	/** ARN for a managed policy, `inline:<name>` for an inline one. */
	source: string;
	/** The decoded policy document (IAM returns it URL-encoded). */
	document: unknown;
}

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

/**
 * Every policy document of a role: the default version of each attached managed policy, then each
 * inline one. Managed and inline policies are independent reads, so they run side by side.
 */
export async function readRolePolicies(iam: IAMClient, roleName: string): Promise<RolePolicy[]> {
	const [attached, inline] = await Promise.all([
		readAttachedPolicies(iam, roleName),
		readInlinePolicies(iam, roleName),
	]);
	return [...attached, ...inline];
}
