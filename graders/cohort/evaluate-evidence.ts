import type { LabDefinition } from '../engine/define-lab.ts';
import { ReadFailed } from '../engine/errors.ts';
import { evaluateLabDefinition } from '../engine/evaluate.ts';
import type { CheckDefinition, LabResult, Snapshot } from '../engine/types.ts';
import { getLab } from '../labs/index.ts';

/** The reads the lab's checks use that a stored snapshot does not hold (it predates them). */
export function readsMissingFrom(snapshot: Snapshot, labId: string): string[] {
	const reads = new Set([...getLab(labId).checks.values()].flatMap((check) => check.reads));
	return [...reads].filter((id) => !(id in snapshot.reads));
}

function missingReadsMessage(missing: readonly string[]): string {
	const names = missing.map((id) => `"${id}"`).join(', ');
	return (
		`The stored evidence has no ${names} read${missing.length === 1 ? '' : 's'}: it was collected by an older sre-lab. ` +
		'Grade this account again with `sre-lab grade` to collect it; the learner is not marked down for it.'
	);
}

// Some checks treat a read as optional (a second way to pass), so without it they would quietly fail
// a learner. A check that lacks a read and does not pass is therefore an error (re-collect), never a
// failure; a pass stands, since the missing read could only have added evidence.
function guardedCheck(check: CheckDefinition, snapshot: Snapshot): CheckDefinition {
	const missing = check.reads.filter((id) => !(id in snapshot.reads));
	if (missing.length === 0) return check;
	const notGradable = () =>
		new ReadFailed({ kind: 'other', service: 'sre-lab', operation: 'regrade', message: missingReadsMessage(missing) });
	return {
		...check,
		evaluate(view) {
			let verdict: ReturnType<CheckDefinition['evaluate']>;
			try {
				verdict = check.evaluate(view);
			} catch {
				throw notGradable();
			}
			if (verdict.status !== 'pass') throw notGradable();
			return verdict;
		},
	};
}

/**
 * Evaluates a lab from stored evidence. Unlike a fresh collection, the evidence may predate reads
 * the current graders need; a check short of one either still passes or comes out as `error`
 * (re-collect), so such a lab is `pass` or `error`, never `fail` because of the evidence's age.
 */
export function evaluateStoredEvidence(labId: string, snapshot: Snapshot, now: () => Date): LabResult {
	const lab: LabDefinition = getLab(labId);
	const checks = new Map([...lab.checks].map(([id, check]) => [id, guardedCheck(check, snapshot)]));
	return evaluateLabDefinition({ ...lab, checks }, snapshot, { now });
}
