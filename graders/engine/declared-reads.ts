/**
 * What a piece of code that reads AWS declares about its calls: the collectors, and any other module
 * that makes reads of its own (the caller-identity read, a preflight). The read-only guard allows
 * exactly these operations and the grader policy grants exactly these actions, so the two cannot drift.
 */
export interface DeclaredReads {
	/** IAM actions the calls need, e.g. `['ec2:DescribeInstances']`. */
	iamActions: readonly string[];
	/**
	 * The API operations sent, as `service:Operation`, when they differ from `iamActions`: API Gateway's
	 * IAM actions are HTTP verbs (`apigateway:GET`) while its SDK operations are named (`GetStages`).
	 * Omitted: the IAM actions are the operations.
	 */
	operations?: readonly string[];
	/**
	 * Per IAM action, the resources (and condition) the grader policy grants it on, for actions whose
	 * `*` would reach secrets (every parameter, every function's environment). Omitted: `Resource: "*"`.
	 */
	iamScopes?: Readonly<Record<string, IamScope>>;
}

/** An IAM condition block, e.g. `{ StringLike: { 'aws:ResourceTag/sre-lab': 'lab*' } }`. */
export type IamCondition = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

/** Where an action is granted when "every resource" would reach secrets. */
export interface IamScope {
	/** Resource ARN patterns, in the `aws` partition. */
	resources: readonly string[];
	/** Narrows the grant further where ARNs cannot (e.g. by the `sre-lab` tag). */
	condition?: IamCondition;
}

/** `service:Operation` for every call the declarations allow; the guard's allow-list. */
export function declaredOperations(reads: readonly DeclaredReads[]): ReadonlySet<string> {
	const allowed = new Set<string>();
	for (const read of reads) for (const operation of read.operations ?? read.iamActions) allowed.add(operation);
	return allowed;
}
