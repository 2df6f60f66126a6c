import { dataOf, errorOf, type Finding, type Reads } from '../finding.ts';
import { concurrencyNeeded, highestRateWithin, lab3PageRate } from '../lab3-load.ts';
import type { LambdaConcurrency } from '../reads/lambda-account-settings.ts';

const title = 'Lambda concurrency for Lab 3';

const quotaFix =
	'Or ask for more: Service Quotas → AWS Lambda → Concurrent executions → Request increase (AWS also raises a new account’s quota as it is used).';

/**
 * Lab 3's latency experiment must slow the application down without throttling it: throttled calls
 * become 5xx errors and fire the error-rate alarm as well. Compares the functions' shared (unreserved)
 * concurrency with what the load needs, and names the `--rate` that fits.
 */
export function lambdaConcurrencyFinding(
	region: string | null,
	regionUsable: boolean,
	regionReads: Reads | null,
): Finding {
	if (!region || !regionUsable || !regionReads) {
		return { id: 'lambda-concurrency', title, status: 'skipped', message: 'Needs a usable Region first.' };
	}
	const outcome = regionReads['lambda.account-settings'];
	const error = errorOf(outcome);
	if (error) return { id: 'lambda-concurrency', title, status: 'error', message: error.message };
	const settings = dataOf<LambdaConcurrency>(outcome);
	const available = settings?.unreservedConcurrentExecutions ?? settings?.concurrentExecutions ?? null;
	if (available === null) {
		return {
			id: 'lambda-concurrency',
			title,
			status: 'error',
			message: `Lambda did not report the account's concurrency in ${region}.`,
		};
	}
	const needed = concurrencyNeeded(lab3PageRate);
	const found = `${available} concurrent executions available to Lab 3's functions in ${region}`;
	if (available >= needed) {
		return {
			id: 'lambda-concurrency',
			title,
			status: 'pass',
			message: `${found}; the latency experiment at --rate ${lab3PageRate} needs about ${needed}.`,
		};
	}
	const rate = highestRateWithin(available);
	if (rate === 0) {
		return {
			id: 'lambda-concurrency',
			title,
			status: 'fail',
			message: `${found}: too few for the latency experiment even at --rate 1 (about ${concurrencyNeeded(1)}).`,
			fix: quotaFix.replace(/^Or ask/, 'Ask'),
		};
	}
	return {
		id: 'lambda-concurrency',
		title,
		status: 'warn',
		message: `${found}: at --rate ${lab3PageRate} the latency experiment needs about ${needed}, so calls would be throttled and the error-rate alarm would fire too.`,
		fix: `In Lab 3, start the load generator with --rate ${rate} (about ${concurrencyNeeded(rate)} needed). ${quotaFix}`,
	};
}
