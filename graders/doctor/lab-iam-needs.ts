/**
 * The IAM actions the labs' own steps perform as the learner, and on which resources, so the doctor
 * can ask the policy simulator about exactly those. The names are the ones the lab pages use.
 */

/**
 * Roles the labs create: Labs 1, 2 and 4 by name (CLI and console steps), Lab 3 through CloudFormation.
 * Lab 4's are the experiment's role (passed to AWS FIS), the runbook's and EventBridge's (lab4.mdx).
 */
export const labRoles = [
	{ name: 'sre-lab1-web', lab: 'Lab 1' },
	{ name: 'sre-lab2-fleet', lab: 'Lab 2' },
	{ name: 'sre-lab2-cleanup', lab: 'Lab 2' },
	{ name: 'sre-lab2-scheduler', lab: 'Lab 2' },
	// CloudFormation names a role <stack>-<logical id>-<random suffix>; CAPABILITY_IAM lets it create it as you.
	{ name: 'sre-lab3-app-OrdersRole-EXAMPLE', lab: 'Lab 3' },
	{ name: 'sre-lab4-fis', lab: 'Lab 4' },
	{ name: 'sre-lab4-automation', lab: 'Lab 4' },
	{ name: 'sre-lab4-events', lab: 'Lab 4' },
] as const;

/** Instance profiles the labs create, so their EC2 instances can use a role. */
export const labInstanceProfiles = [
	{ name: 'sre-lab1-web', lab: 'Lab 1' },
	{ name: 'sre-lab2-fleet', lab: 'Lab 2' },
] as const;

/**
 * On roles: create one (with the sre-lab tag), give it policies, hand it to EC2, Lambda, EventBridge
 * Scheduler, AWS FIS or EventBridge (PassRole), and delete it all again at clean-up.
 */
export const roleActions = [
	'iam:CreateRole',
	'iam:TagRole',
	'iam:AttachRolePolicy',
	'iam:PutRolePolicy',
	'iam:PassRole',
	'iam:DetachRolePolicy',
	'iam:DeleteRolePolicy',
	'iam:DeleteRole',
] as const;

/** On instance profiles: create one, put the role in it, and remove both at clean-up. */
export const instanceProfileActions = [
	'iam:CreateInstanceProfile',
	'iam:AddRoleToInstanceProfile',
	'iam:RemoveRoleFromInstanceProfile',
	'iam:DeleteInstanceProfile',
] as const;

export function labRoleArn(partition: string, account: string, name: string): string {
	return `arn:${partition}:iam::${account}:role/${name}`;
}

export function labInstanceProfileArn(partition: string, account: string, name: string): string {
	return `arn:${partition}:iam::${account}:instance-profile/${name}`;
}

/** Which lab a simulated resource ARN belongs to, for messages. */
export function labOfResource(resourceArn: string): string | undefined {
	const name = resourceArn.split('/').at(-1);
	return [...labRoles, ...labInstanceProfiles].find((entry) => entry.name === name)?.lab;
}
