// @ts-check
/**
 * Lambda entry point of the Lab 2 snapshot cleanup (runtime nodejs22.x, handler `index.handler`).
 * The runtime ships the AWS SDK for JavaScript v3, so the function has no dependencies to bundle.
 *
 * Dry run: set the environment variable DRY_RUN=true, or invoke with the event {"dryRun": true}.
 * An event value wins over the environment, so a learner can try it once without reconfiguring it.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { cleanUpSnapshots } from './clean-up-snapshots.mjs';

/**
 * @typedef {{
 *   ec2: import('@aws-sdk/client-ec2').EC2Client,
 *   clock: () => Date,
 *   env: Record<string, string | undefined>,
 *   log?: (line: string) => void,
 * }} Dependencies
 */

/**
 * Builds the handler around its dependencies, so that tests can pass a mocked client and a fixed clock.
 * @param {Dependencies} dependencies
 */
export function createHandler({ ec2, clock, env, log = (line) => console.log(line) }) {
	/**
	 * One JSON object per line, so CloudWatch Logs Insights can filter on `event` and `snapshotId`.
	 * @param {string} event
	 * @param {Record<string, unknown>} details
	 */
	const logJson = (event, details) => log(JSON.stringify({ event, ...details }));

	/** @param {unknown} event a scheduled event, a Scheduler payload or a hand-written test event */
	return async function handler(event) {
		const dryRun = resolveDryRun(event, env.DRY_RUN);
		const summary = await cleanUpSnapshots({ ec2, now: clock(), dryRun, log: logJson });
		const { kept, ...counts } = summary;
		logJson('summary', { ...counts, kept: kept.length });
		if (summary.failed.length > 0) {
			// Failing the invocation makes the problem visible in the Errors metric and to any alarm on it.
			const failures = summary.failed.map((failure) => `${failure.snapshotId} (${failure.error})`);
			throw new Error(`Could not delete ${failures.length} snapshot(s): ${failures.join('; ')}`);
		}
		return summary;
	};
}

/**
 * @param {unknown} event
 * @param {string | undefined} envValue
 */
export function resolveDryRun(event, envValue) {
	if (typeof event === 'object' && event !== null && 'dryRun' in event && typeof event.dryRun === 'boolean') {
		return event.dryRun;
	}
	return envValue?.trim().toLowerCase() === 'true';
}

// The client is created once per execution environment and reused by warm invocations.
export const handler = createHandler({ ec2: new EC2Client({}), clock: () => new Date(), env: process.env });
