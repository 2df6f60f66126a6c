import { endpointUrlProblem } from '../engine/endpoint-url.ts';
import { RosterRowSchema } from './roster-schema.ts';

/**
 * The values `grade` takes from flags or the environment for every roster row that leaves them out.
 * They get the same checks as the roster columns (the roster schema's own validators), so a typo in
 * `--region` is refused up front instead of surfacing as one AssumeRole failure per learner.
 */
export interface GradingFlags {
	externalId?: { value: string; source: string };
	region?: { value: string; source: string };
	endpointUrl?: { value: string; source: string };
}

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
	return result.success ? undefined : (result.error?.issues[0]?.message ?? 'invalid');
}

/** One message per invalid value, naming the flag or variable it came from. */
export function gradingFlagProblems(flags: GradingFlags): string[] {
	const problems: string[] = [];
	const { shape } = RosterRowSchema;
	if (flags.region) {
		const issue = firstIssue(shape.region.safeParse(flags.region.value));
		if (issue) problems.push(`${flags.region.source} "${flags.region.value}": ${issue}`);
	}
	if (flags.externalId) {
		const issue = firstIssue(shape.external_id.safeParse(flags.externalId.value));
		if (issue) problems.push(`${flags.externalId.source}: ${issue}`);
	}
	if (flags.endpointUrl) {
		const issue = endpointUrlProblem(flags.endpointUrl.value);
		if (issue) problems.push(`${flags.endpointUrl.source} "${flags.endpointUrl.value}" ${issue}`);
	}
	return problems;
}
