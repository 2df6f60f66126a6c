/**
 * Grading a cohort, once: roster → learners in the gradebook → a run under its lock → accounts graded
 * concurrently → each one recorded as soon as it finishes. `grade`, `watch` (one call per round) and
 * the benchmarks call this module; the CLI only parses flags and prints what it returns.
 */
import { ensureCohort, upsertLearners } from '../gradebook/cohorts.ts';
import type { GradebookDb } from '../gradebook/open-gradebook.ts';
import { recordAccountGrading } from '../gradebook/record-grading.ts';
import { describeLockHolder, type HeldLock, type LockOptions, tryAcquireLock } from '../gradebook/run-lock.ts';
import { finishRun, type RunSettings, runLockName, startRun } from '../gradebook/runs.ts';
import { inTransaction } from '../gradebook/transaction.ts';
import type { AccountDone, GradeAccount } from './account-outcome.ts';
import { gradingRecordOf } from './grading-record.ts';
import { ungradedLabs } from './lab-plan.ts';
import type { RosterEntry } from './roster.ts';
import { type CohortRunSummary, runCohort } from './run-cohort.ts';

export interface RegisteredCohort {
	cohortId: number;
	cohortName: string;
	/** Gradebook row id per roster learner id. */
	learnerRows: Map<string, number>;
}

/** Creates the cohort (if new) and adds or updates its learners, in one transaction. */
export function registerCohort(
	db: GradebookDb,
	cohortName: string,
	roster: readonly RosterEntry[],
	now: string,
): RegisteredCohort {
	return inTransaction(db, () => {
		const cohort = ensureCohort(db, cohortName, now);
		return { cohortId: cohort.id, cohortName, learnerRows: upsertLearners(db, cohort.id, roster, now) };
	});
}

/** Another live process holds the lock: nothing was graded (the CLI exits 2 with this message). */
export class LockHeldError extends Error {
	override name = 'LockHeldError';
}

/**
 * Takes a named lock in the gradebook, or throws LockHeldError naming the process that holds it. A
 * lock left by a process that died is taken over, and `onTakeover` is told so.
 */
export function takeLock(
	db: GradebookDb,
	name: string,
	/** What is locked, in the busy message ("run 3 of spring") and the takeover one ("Run 3"). */
	what: { busy: string; takenOver: string },
	options: LockOptions & { onTakeover?: (message: string) => void } = {},
): HeldLock {
	const attempt = tryAcquireLock(db, name, options);
	if (!attempt.acquired) {
		throw new LockHeldError(
			`${what.busy} is being graded by ${describeLockHolder(attempt.holder)}; nothing was graded. ` +
				'Wait for it to finish (or stop it), then run this command again.',
		);
	}
	if (attempt.tookOverFrom) {
		options.onTakeover?.(
			`${what.takenOver} was locked by ${describeLockHolder(attempt.tookOverFrom)}, which is no longer running; continuing it here.`,
		);
	}
	return attempt.lock;
}

/** The run's own lock (`grade --resume` and `watch` rounds take the same one). */
export function lockRun(
	db: GradebookDb,
	runId: number,
	cohortName: string,
	options: LockOptions & { onTakeover?: (message: string) => void } = {},
): HeldLock {
	return takeLock(
		db,
		runLockName(runId),
		{ busy: `run ${runId} of ${cohortName}`, takenOver: `Run ${runId}` },
		options,
	);
}

/** A cohort-wide lock: one `watch` per cohort and gradebook at a time. */
export function cohortWatchLockName(cohortId: number): string {
	return `watch:cohort:${cohortId}`;
}

export interface NewRunInput {
	labs: readonly string[];
	settings: RunSettings;
	plannedAccounts: number;
	now: string;
}

/** Starts a grading run of the cohort and takes its lock. */
export function startLockedRun(
	db: GradebookDb,
	cohort: RegisteredCohort,
	input: NewRunInput,
	lockOptions: LockOptions & { onTakeover?: (message: string) => void } = {},
): { runId: number; lock: HeldLock } {
	const runId = startRun(db, { cohortId: cohort.cohortId, kind: 'grade', ...input });
	return { runId, lock: lockRun(db, runId, cohort.cohortName, lockOptions) };
}

export interface GradeAccountsInput {
	db: GradebookDb;
	runId: number;
	cohort: RegisteredCohort;
	targets: readonly RosterEntry[];
	labs: readonly string[];
	gradeAccount: GradeAccount;
	concurrency: number;
	timeoutMs: number;
	/** Aborting stops the run: nothing new starts; accounts in flight are not recorded. */
	signal?: AbortSignal;
	/** Told after each account is recorded (progress bars, the live dashboard). */
	onAccountRecorded?: (done: AccountDone) => void;
	now: () => Date;
}

export interface GradedAccounts {
	summary: CohortRunSummary;
	/** Accounts neither recorded nor errored: stopped, or left for --resume. */
	left: number;
	/** Every target was recorded; the run is marked finished. */
	complete: boolean;
}

/**
 * Grades the targets into the run. Each account is written in its own transaction the moment it
 * finishes (recordAccountGrading), so whatever stops the process, an account is in the gradebook
 * whole or not at all. A run with nothing left is marked finished.
 */
export async function gradeAccounts(input: GradeAccountsInput): Promise<GradedAccounts> {
	const labsForErrors = ungradedLabs(input.labs);
	const summary = await runCohort({
		targets: input.targets,
		gradeAccount: input.gradeAccount,
		concurrency: input.concurrency,
		timeoutMs: input.timeoutMs,
		signal: input.signal,
		onAccountDone: (done) => {
			const learnerRowId = input.cohort.learnerRows.get(done.target.learnerId);
			if (learnerRowId === undefined) throw new Error(`learner ${done.target.learnerId} is not in the gradebook`);
			recordAccountGrading(
				input.db,
				gradingRecordOf(done, { runId: input.runId, learnerRowId, ungradedLabs: labsForErrors }),
			);
			input.onAccountRecorded?.(done);
		},
	});
	const left = summary.notGraded.length + summary.leftForResume.length;
	const complete = left === 0;
	if (complete) finishRun(input.db, input.runId, input.now().toISOString());
	return { summary, left, complete };
}
