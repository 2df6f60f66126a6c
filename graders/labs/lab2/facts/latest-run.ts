import type { InvocationHistory, InvocationPeriod } from '../../../collectors/cloudwatch/lambda-invocation-periods.ts';

export type LatestRun =
	| { kind: 'none' }
	| { kind: 'clean'; latest: InvocationPeriod; lastFailure: InvocationPeriod | null }
	| { kind: 'failed'; latest: InvocationPeriod };

/**
 * The most recent period with activity decides: a function that failed once and was fixed must not
 * keep failing the check until the failure leaves the window. A failure later than the last clean
 * period is always the latest, so it is never hidden.
 */
export function latestRun(history: InvocationHistory): LatestRun {
	const latest = history.periods.at(-1);
	if (!latest) return { kind: 'none' };
	if (latest.errors > 0) return { kind: 'failed', latest };
	const lastFailure = history.periods.findLast((period) => period.errors > 0) ?? null;
	return { kind: 'clean', latest, lastFailure };
}

/** `2026-11-22T03:00:00.000Z` → `2026-11-22 03:00 UTC`. */
export function minuteOf(iso: string): string {
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
