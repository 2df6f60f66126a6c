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
}

/** `service:Operation` for every call the declarations allow; the guard's allow-list. */
export function declaredOperations(reads: readonly DeclaredReads[]): ReadonlySet<string> {
	const allowed = new Set<string>();
	for (const read of reads) for (const operation of read.operations ?? read.iamActions) allowed.add(operation);
	return allowed;
}
