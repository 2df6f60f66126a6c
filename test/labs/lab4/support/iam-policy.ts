import type { EvaluationResult, SimulatePrincipalPolicyCommandOutput, Statement } from '@aws-sdk/client-iam';
import type { Cfn } from './cloudformation.ts';

/** IAM's wildcard match for an action or a resource ARN (case-insensitive actions, * and ?). */
export const matches = (pattern: string, value: string, ignoreCase = false) =>
	new RegExp(
		`^${pattern
			.replace(/[.+^${}()|[\]\\]/g, '\\$&')
			.replace(/\*/g, '.*')
			.replace(/\?/g, '.')}$`,
		ignoreCase ? 'i' : '',
	).test(value);

/** An inline policy of a role, resolved: its name and its statements. */
export interface InlinePolicy {
	name: string;
	statements: Cfn[];
}

/**
 * The indexes of the statements that allow the action on the resource. The evaluator knows Allow
 * statements with Action and Resource only (what the Lab 4 role uses): anything else throws rather
 * than being judged wrongly.
 */
export function allowingStatements(statements: readonly Cfn[], action: string, resource: string): number[] {
	return statements.flatMap((statement, index) => {
		const known = ['Sid', 'Effect', 'Action', 'Resource'];
		const unknown = Object.keys(statement).filter((key) => !known.includes(key));
		if (statement.Effect !== 'Allow' || unknown.length > 0)
			throw new Error(`statement ${index}: only Allow with Action and Resource is evaluated here, not ${unknown}`);
		const allowed =
			[statement.Action].flat().some((pattern: string) => matches(pattern, action, true)) &&
			[statement.Resource].flat().some((pattern: string) => matches(pattern, resource));
		return allowed ? [index] : [];
	});
}

/**
 * iam:SimulatePrincipalPolicy for a role whose only policies are these inline ones, shaped as the IAM API
 * reference's EvaluationResult: one result per action (IAM now aggregates the requested resources, the
 * top-level decision the most restrictive), the decision per resource in ResourceSpecificResults, the
 * matched statements named by policy (SourcePolicyType `role` for a role's inline policy), no missing
 * context (the policies use no condition keys) and an empty EvalDecisionDetails (same-account simulation
 * with a resource ARN). allowed when a statement matches, implicitDeny otherwise: there is no Deny.
 */
export function simulateInlinePolicies(
	policies: readonly InlinePolicy[],
	actionNames: readonly string[],
	resourceArns: readonly string[] = ['*'],
): SimulatePrincipalPolicyCommandOutput {
	const evaluate = (action: string, resource: string) => {
		const matched: Statement[] = policies.flatMap((policy) =>
			allowingStatements(policy.statements, action, resource).map(() => ({
				SourcePolicyId: policy.name,
				SourcePolicyType: 'role' as const,
			})),
		);
		return { decision: matched.length > 0 ? ('allowed' as const) : ('implicitDeny' as const), matched };
	};
	const results: EvaluationResult[] = actionNames.map((action) => {
		const perResource = resourceArns.map((resource) => ({ resource, ...evaluate(action, resource) }));
		const denied = perResource.find((result) => result.decision !== 'allowed');
		return {
			EvalActionName: action,
			...(resourceArns.length === 1 ? { EvalResourceName: resourceArns[0] } : {}),
			EvalDecision: denied ? denied.decision : 'allowed',
			MatchedStatements: denied ? [] : perResource.flatMap((result) => result.matched),
			MissingContextValues: [],
			EvalDecisionDetails: {},
			ResourceSpecificResults: perResource.map((result) => ({
				EvalResourceName: result.resource,
				EvalResourceDecision: result.decision,
				MatchedStatements: result.matched,
				MissingContextValues: [],
				EvalDecisionDetails: {},
			})),
		};
	});
	return { EvaluationResults: results, IsTruncated: false, $metadata: { httpStatusCode: 200 } };
}
