import type { Command } from 'commander';
import { defaultAccountTimeoutSeconds, defaultConcurrency } from '../../cohort/run-cohort.ts';

export const defaultRoleName = 'SreLabGrader';

/**
 * The options `grade` and `watch` share: how to reach each learner's account (role, external id,
 * Region, your profile, an endpoint), how hard to push (concurrency, per-account time limit), the
 * time window, the cohort and the gradebook. Declared once, because `watch` grades each round through
 * `grade`'s own preparation of these values (prepareGrading): the two must accept the same ones.
 */
export function addCohortGradingOptions(command: Command, verb: 'grade' | 'watch'): Command {
	return command
		.option('--cohort <name>', 'cohort name in the gradebook (default: the roster file name)')
		.option('--role-name <name>', 'grader role name in each account, for rows without role_arn', defaultRoleName)
		.option(
			'--external-id <id>',
			'ExternalId the grader role requires, for rows without external_id (or SRE_LAB_EXTERNAL_ID)',
		)
		.option(
			'--region <region>',
			'region of the labs, for rows without region (default: AWS_REGION or AWS_DEFAULT_REGION)',
		)
		.option('--profile <name>', 'your AWS profile, used to assume the grader roles (default: the standard chain)')
		.option('--concurrency <n>', 'accounts graded at the same time', String(defaultConcurrency))
		.option('--timeout <seconds>', 'time limit per account', String(defaultAccountTimeoutSeconds))
		.option('--since <duration>', "time window for time-based checks, e.g. 24h, 7d (default: the widest of the labs')")
		.option('--gradebook <file>', 'SQLite gradebook (default: SRE_LAB_GRADEBOOK or .sre-lab/gradebook.sqlite)')
		.option('--skip-invalid', `${verb} the valid roster rows even when others are invalid`)
		.option('--endpoint-url <url>', 'send every call to this endpoint (LocalStack, moto)');
}
