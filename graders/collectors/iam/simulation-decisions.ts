import type { EvaluationResult } from '@aws-sdk/client-iam';

export interface SimulatedDecision {
	/** `allowed`, `explicitDeny` or `implicitDeny`, for the simulated resource. */
	decision: string;
	/** Condition keys the policies use that the simulation had no value for; a denial with any is inconclusive. */
	missingContext: string[];
}

const restrictiveness = ['allowed', 'implicitDeny', 'explicitDeny'];

/** The more restrictive of two decisions (an unknown word counts as a denial, never as allowed). */
function stricter(a: string, b: string): string {
	const rank = (decision: string) => {
		const index = restrictiveness.indexOf(decision);
		return index < 0 ? 1 : index;
	};
	return rank(a) >= rank(b) ? a : b;
}

/**
 * Reads SimulatePrincipalPolicy's answer for one resource. When the request names ResourceArns, IAM
 * puts the decision for each resource and the context keys it missed in `ResourceSpecificResults`
 * (`EvalResourceDecision`, `MissingContextValues`); the top-level `MissingContextValues` is filled
 * only for a simulation on "*", and the top-level `EvalDecision` is the most restrictive over all
 * resources. Older answers repeated one EvaluationResult per resource. All three shapes are read.
 */
export function decisionsFor(
	results: readonly EvaluationResult[],
	resourceArn: string,
): Record<string, SimulatedDecision> {
	const decisions: Record<string, SimulatedDecision> = {};
	for (const result of results) {
		const action = result.EvalActionName;
		if (!action) continue;
		const perResource = result.ResourceSpecificResults ?? [];
		const forResource = perResource.find((entry) => entry.EvalResourceName === resourceArn) ?? perResource[0];
		let decision = result.EvalDecision ?? 'unknown';
		if (forResource?.EvalResourceDecision) decision = stricter(decision, forResource.EvalResourceDecision);
		const missing = new Set([...(result.MissingContextValues ?? []), ...(forResource?.MissingContextValues ?? [])]);
		const previous = decisions[action];
		decisions[action] = previous
			? {
					decision: stricter(previous.decision, decision),
					missingContext: [...new Set([...previous.missingContext, ...missing])].sort(),
				}
			: { decision, missingContext: [...missing].sort() };
	}
	return decisions;
}
