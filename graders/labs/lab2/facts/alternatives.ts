import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckVerdict, ReadError, ReadOutcome } from '../../../engine/types.ts';

/**
 * A check with several acceptable ways to reach the outcome (a maintenance window OR an association;
 * an EventBridge rule OR a Scheduler schedule). One passing way is enough, even when another could not
 * be read; when none passes and a read failed, the grader cannot tell, so the failed read wins.
 */
export function anyAlternative(
	alternatives: readonly (() => CheckVerdict)[],
	combineFailures: (messages: string[]) => CheckVerdict,
): CheckVerdict {
	const failures: CheckVerdict[] = [];
	let readError: ReadError | undefined;
	for (const alternative of alternatives) {
		try {
			const verdict = alternative();
			if (verdict.status === 'pass') return verdict;
			failures.push(verdict);
		} catch (error) {
			if (!(error instanceof ReadFailed)) throw error;
			readError ??= error.readError;
		}
	}
	if (readError) throw new ReadFailed(readError);
	const combined = combineFailures(failures.map((failure) => failure.message));
	return {
		...combined,
		evidence: [...(combined.evidence ?? []), ...failures.flatMap((failure) => failure.evidence ?? [])],
	};
}

/** The data of a per-resource outcome, or a ReadFailed for that resource. */
export function dataOf<T>(outcome: ReadOutcome<T> | undefined, what: string): T {
	if (!outcome)
		throw new ReadFailed({
			kind: 'other',
			service: 'sre-lab',
			operation: 'snapshot',
			message: `The snapshot has no data for ${what}.`,
		});
	if (!outcome.ok) throw new ReadFailed(outcome.error);
	return outcome.data;
}
