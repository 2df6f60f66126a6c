import { liveColumns } from '../../../graders/cli/commands/watch.ts';
import type { GradeAccount } from '../../../graders/cohort/account-outcome.ts';
import type { CheckResult, LabResult } from '../../../graders/engine/types.ts';
import { fakeSnapshot } from './cohort-fixtures.ts';

/** A Lab 1 result with the lab's real check ids: the first `passed` checks pass, the rest fail. */
export function lab1ResultPassing(accountId: string, passed: number, at: string): LabResult {
	const checks: CheckResult[] = liveColumns(['lab1']).map((column, index) => ({
		id: column.checkId,
		title: column.title,
		step: column.step,
		points: 10,
		earned: index < passed ? 10 : 0,
		status: index < passed ? 'pass' : 'fail',
		message: index < passed ? `${column.checkId} found` : `${column.checkId} <b>not found</b> yet`,
		hint: index < passed ? undefined : `Do step ${column.step} of the lab page`,
		evidence: [],
	}));
	const score = checks.reduce((sum, check) => sum + check.earned, 0);
	return {
		format: 'sre-lab-result',
		version: 1,
		lab: 'lab1',
		title: 'Lab 1',
		accountId,
		region: 'eu-west-1',
		gradedAt: at,
		collectedAt: at,
		score,
		maxScore: checks.length * 10,
		outcome: score === checks.length * 10 ? 'pass' : 'fail',
		checks,
	};
}

/**
 * Simulated learner accounts whose state changes between rounds: `progress(learnerId, call)` says
 * how many Lab 1 checks pass on the learner's `call`-th grading (1 for the first).
 */
export function simulatedAccounts(
	progress: (learnerId: string, call: number) => number,
	options: { delayMs?: number; now?: () => Date } = {},
): { grade: GradeAccount; calls: Map<string, number> } {
	const calls = new Map<string, number>();
	const grade: GradeAccount = async (target, signal) => {
		const call = (calls.get(target.learnerId) ?? 0) + 1;
		calls.set(target.learnerId, call);
		if (options.delayMs) {
			await new Promise<void>((resolve, reject) => {
				const timer = setTimeout(resolve, options.delayMs);
				signal.addEventListener('abort', () => {
					clearTimeout(timer);
					reject(signal.reason);
				});
			});
		}
		const at = (options.now?.() ?? new Date()).toISOString();
		return {
			snapshot: fakeSnapshot(target.accountId, at),
			results: [lab1ResultPassing(target.accountId, progress(target.learnerId, call), at)],
		};
	};
	return { grade, calls };
}
