import type { LabResult, Snapshot } from '../engine/types.ts';
import type { RosterEntry } from './roster.ts';

/** Why an account could not be graded. None of these count against the learner. */
export type AccountErrorKind =
	| 'assume-role'
	| 'timeout'
	| 'access-denied'
	| 'throttled'
	| 'credentials'
	| 'network'
	| 'other';

export interface AccountError {
	kind: AccountErrorKind;
	message: string;
}

/** What grading one account produced: the collected state and one result per lab. */
export interface AccountGrade {
	snapshot: Snapshot;
	results: LabResult[];
}

export type AccountOutcome = ({ status: 'graded' } & AccountGrade) | { status: 'error'; error: AccountError };

/**
 * Grades one learner's account. Production assumes the grader role and runs the engine; tests and the
 * benchmark pass fakes. It should stop its AWS calls when `signal` aborts (the per-account time limit).
 */
export type GradeAccount = (target: RosterEntry, signal: AbortSignal) => Promise<AccountGrade>;

export interface AccountDone {
	target: RosterEntry;
	outcome: AccountOutcome;
	startedAt: string;
	finishedAt: string;
	durationMs: number;
}
