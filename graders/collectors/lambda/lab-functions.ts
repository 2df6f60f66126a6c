import type { PerResource } from '../../engine/types.ts';
import type { LambdaFunction } from './functions.ts';

/**
 * Functions that carry an `sre-lab` tag (any lab). Dependent reads (policies, roles, metrics) are made
 * only for these, so a sandbox full of unrelated functions does not multiply the grader's calls.
 * A function whose tags could not be read is included: better one read too many than a silent gap.
 */
export function labTaggedFunctions(
	functions: readonly LambdaFunction[],
	tags: PerResource<Record<string, string>>,
): LambdaFunction[] {
	return functions.filter((fn) => {
		const outcome = tags[fn.functionArn];
		return !outcome?.ok || 'sre-lab' in outcome.data;
	});
}
