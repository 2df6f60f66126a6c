import type { GradingRecord, UngradedLab } from '../gradebook/record-grading.ts';
import type { AccountDone } from './account-outcome.ts';

/**
 * The gradebook row for one finished account: its snapshot and results when it was graded, or the
 * error with an ungraded attempt per lab when it was not (so "error" shows in every view).
 */
export function gradingRecordOf(
	done: AccountDone,
	run: { runId: number; learnerRowId: number; ungradedLabs: readonly UngradedLab[] },
): GradingRecord {
	const { outcome } = done;
	return {
		runId: run.runId,
		learnerRowId: run.learnerRowId,
		accountId: done.target.accountId,
		region: done.target.region,
		startedAt: done.startedAt,
		finishedAt: done.finishedAt,
		durationMs: done.durationMs,
		outcome:
			outcome.status === 'graded'
				? { status: 'graded', evidence: { snapshot: outcome.snapshot }, results: outcome.results }
				: { status: 'error', error: outcome.error, labs: run.ungradedLabs },
	};
}
