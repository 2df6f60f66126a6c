/**
 * Whether an Automation run was started by an EventBridge rule's target. EventBridge assumes the
 * target's role (its RoleArn) and calls StartAutomationExecution with it, so the run's ExecutedBy is
 * that role's assumed-role ARN, `arn:aws:sts::<account>:assumed-role/<role name>/<session>`. A run
 * started by hand names the learner's own user or role instead.
 */

interface RoleId {
	account: string;
	name: string;
}

/**
 * The account and name of an IAM role ARN, `arn:aws:iam::<account>:role/<path/><name>`. The name is
 * the last segment: an assumed-role ARN carries the role's name without its path.
 */
export function roleOfArn(roleArn: string): RoleId | null {
	const match = /^arn:[^:]+:iam::([^:]*):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
	return match?.[1] !== undefined && match[2] ? { account: match[1], name: match[2] } : null;
}

/** The account and role name of an assumed-role ARN, with or without its session name; null for any other principal. */
export function assumedRoleOf(principal: string): RoleId | null {
	const match = /^arn:[^:]+:sts::([^:]*):assumed-role\/([^/]+)(?:\/.*)?$/.exec(principal);
	return match?.[1] !== undefined && match[2] ? { account: match[1], name: match[2] } : null;
}

/** Whether the run's starter is a session of the target's role (same account, same role name). */
export function startedByRole(startedBy: string, targetRoleArn: string | null): boolean {
	const role = targetRoleArn ? roleOfArn(targetRoleArn) : null;
	const starter = assumedRoleOf(startedBy);
	return role !== null && starter !== null && role.account === starter.account && role.name === starter.name;
}
