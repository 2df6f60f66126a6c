/**
 * Who the caller is, from the ARN that sts:GetCallerIdentity returns, and which IAM principal the
 * policy simulator can evaluate for it. Pure.
 *
 * Caller ARNs (STS API reference, GetCallerIdentity examples):
 *   arn:aws:iam::123456789012:user/Alice                        an IAM user (its path is in the ARN)
 *   arn:aws:sts::123456789012:assumed-role/my-role/my-session   a role session (the role's path is not)
 *   arn:aws:sts::123456789012:federated-user/my-name            a GetFederationToken session
 *   arn:aws:iam::123456789012:root                              the account's root user
 */
export type Principal =
	| { kind: 'user'; arn: string; partition: string; account: string }
	| { kind: 'assumed-role'; roleName: string; partition: string; account: string }
	| { kind: 'root'; partition: string; account: string }
	| { kind: 'federated-user'; partition: string; account: string }
	| { kind: 'unknown'; arn: string };

const arnPattern = /^arn:([a-z-]+):(iam|sts)::(\d{12}):(.+)$/;

export function principalOf(callerArn: string): Principal {
	const match = arnPattern.exec(callerArn);
	if (!match) return { kind: 'unknown', arn: callerArn };
	const [, partition = 'aws', service, account = '', resource = ''] = match;
	if (service === 'iam' && resource === 'root') return { kind: 'root', partition, account };
	if (service === 'iam' && resource.startsWith('user/')) return { kind: 'user', arn: callerArn, partition, account };
	if (service === 'sts' && resource.startsWith('assumed-role/')) {
		const roleName = resource.split('/')[1];
		if (roleName) return { kind: 'assumed-role', roleName, partition, account };
	}
	if (service === 'sts' && resource.startsWith('federated-user/'))
		return { kind: 'federated-user', partition, account };
	return { kind: 'unknown', arn: callerArn };
}

/**
 * The role's ARN when its path is unknown. Right for roles at the root path ("/"); a role with a path
 * (IAM Identity Center's are under /aws-reserved/sso.amazonaws.com/…) has it between `role/` and its
 * name, which only iam:GetRole can tell.
 */
export function pathlessRoleArn(principal: { roleName: string; partition: string; account: string }): string {
	return `arn:${principal.partition}:iam::${principal.account}:role/${principal.roleName}`;
}
