import type { LabOutcome, ReadError, ReadOutcome } from '../engine/types.ts';

/**
 * One line of the doctor's checklist. Like a check's status, plus `warn`: something works but is
 * worth changing (the root user, a low concurrency quota), which never fails the preflight.
 */
export type FindingStatus = 'pass' | 'warn' | 'fail' | 'error' | 'skipped';

export interface Finding {
	id: string;
	title: string;
	status: FindingStatus;
	/** What was found. */
	message: string;
	/** What to do about it, for `fail` and `warn`. */
	fix?: string;
}

export interface DoctorReport {
	format: 'sre-lab-doctor';
	version: 1;
	accountId: string | null;
	callerArn: string | null;
	/** The Region the labs will use; null when none is set. */
	region: string | null;
	checkedAt: string;
	/** `error` when anything could not be checked, else `fail` when anything failed, else `pass`. */
	outcome: LabOutcome;
	findings: Finding[];
}

/** Same precedence as a lab's outcome, so the exit codes mean the same: 2 could not tell, 1 fix something. */
export function outcomeOf(findings: readonly Finding[]): LabOutcome {
	if (findings.some((finding) => finding.status === 'error')) return 'error';
	return findings.some((finding) => finding.status === 'fail') ? 'fail' : 'pass';
}

/** The reads one finding looks at; undefined when the read was not made. */
export type Reads = Readonly<Record<string, ReadOutcome<unknown> | undefined>>;

export function dataOf<T>(outcome: ReadOutcome<unknown> | undefined): T | undefined {
	return outcome?.ok ? (outcome.data as T) : undefined;
}

export function errorOf(outcome: ReadOutcome<unknown> | undefined): ReadError | undefined {
	return outcome && !outcome.ok ? outcome.error : undefined;
}

/** Failures that stop every read of the account: the credentials one reports them, the rest wait. */
export const isAccountWide = (error: ReadError | undefined) =>
	error !== undefined && (error.kind === 'credentials' || error.kind === 'network');
