import pLimit from 'p-limit';
import { AccountTimedOut, describeAccountError, InstructorSideError } from './account-errors.ts';
import type { AccountDone, AccountGrade, GradeAccount } from './account-outcome.ts';
import type { RosterEntry } from './roster.ts';

export const defaultConcurrency = 8;
export const defaultAccountTimeoutSeconds = 300;

export interface CohortRunOptions {
	targets: readonly RosterEntry[];
	gradeAccount: GradeAccount;
	concurrency: number;
	/** Per-account time limit; an account still running then is recorded as a timeout error. */
	timeoutMs: number;
	/**
	 * Called once per finished account, as soon as it finishes, before the next result is reported:
	 * the place to store it. If it throws, the run stops (a gradebook that cannot be written to is
	 * not worth grading into).
	 */
	onAccountDone: (done: AccountDone) => void | Promise<void>;
	/** Aborting stops the run: nothing new starts, and accounts in flight are not reported. */
	signal?: AbortSignal;
	now?: () => number;
}

/** What the run keeps of a finished account: everything but the snapshot, which is stored and dropped. */
export type AccountDoneSummary = Omit<AccountDone, 'outcome'> & {
	outcome:
		| { status: 'graded'; results: AccountGrade['results'] }
		| Extract<AccountDone['outcome'], { status: 'error' }>;
};

/** An account not recorded because of trouble on the instructor's side; `--resume` grades it. */
export interface AccountLeftForResume {
	target: RosterEntry;
	error: InstructorSideError;
}

export interface CohortRunSummary {
	/** Finished accounts, without their snapshots (memory stays flat however large the cohort). */
	completed: AccountDoneSummary[];
	/** Accounts not graded because the run was stopped; a resumed run grades them. */
	notGraded: RosterEntry[];
	/** Accounts whose role could not be assumed for a reason on the instructor's side (not recorded). */
	leftForResume: AccountLeftForResume[];
	/** Set when the instructor's own credentials failed: the run stopped there. */
	stoppedBy?: InstructorSideError;
	wallMs: number;
}

/**
 * Grades accounts concurrently, at most `concurrency` at a time. One account's failure — a role
 * that cannot be assumed, AccessDenied, a timeout — is that account's `error` outcome and never
 * stops the others. Trouble on the instructor's side (InstructorSideError) is nobody's outcome: the
 * account is left for `--resume`, and the instructor's own credentials failing stops the run.
 */
export async function runCohort(options: CohortRunOptions): Promise<CohortRunSummary> {
	const now = options.now ?? Date.now;
	const limit = pLimit(Math.max(1, Math.floor(options.concurrency)));
	const runStarted = now();
	const completed: AccountDoneSummary[] = [];
	const notGraded: RosterEntry[] = [];
	const leftForResume: AccountLeftForResume[] = [];
	let stoppedBy: InstructorSideError | undefined;
	// The instructor's own credentials failing stops the run: every other account would fail the same way.
	const stopOnInstructorFailure = new AbortController();
	// Reports are chained so the store sees one account at a time, in the order they finish.
	let reporting: Promise<void> = Promise.resolve();
	let reportFailure: unknown;
	const stopOnReportFailure = new AbortController();
	const runSignal = AbortSignal.any([
		...(options.signal ? [options.signal] : []),
		stopOnReportFailure.signal,
		stopOnInstructorFailure.signal,
	]);

	const gradeOne = async (target: RosterEntry): Promise<void> => {
		if (runSignal.aborted) {
			notGraded.push(target);
			return;
		}
		const started = now();
		const startedAt = new Date(started).toISOString();
		const outcome = await gradeWithinLimit(options.gradeAccount, target, options.timeoutMs, runSignal).then(
			(grade): AccountDone['outcome'] | InstructorSideError => ({ status: 'graded', ...grade }),
			(error: unknown): AccountDone['outcome'] | InstructorSideError | null => {
				if (error instanceof InstructorSideError) return error;
				return runSignal.aborted && !(error instanceof AccountTimedOut)
					? null
					: { status: 'error', error: describeAccountError(error, target) };
			},
		);
		if (outcome === null) {
			notGraded.push(target);
			return;
		}
		if (outcome instanceof InstructorSideError) {
			if (outcome.stopsRun) {
				stoppedBy ??= outcome;
				stopOnInstructorFailure.abort(outcome);
				notGraded.push(target);
			} else {
				leftForResume.push({ target, error: outcome });
			}
			return;
		}
		const finished = now();
		const done: AccountDone = {
			target,
			outcome,
			startedAt,
			finishedAt: new Date(finished).toISOString(),
			durationMs: finished - started,
		};
		reporting = reporting.then(async () => {
			if (reportFailure !== undefined) return;
			try {
				await options.onAccountDone(done);
				// Stored now; keeping the snapshot until the end would grow memory with every account.
				completed.push(withoutSnapshot(done));
			} catch (error) {
				reportFailure = error;
				stopOnReportFailure.abort(error);
			}
		});
		await reporting;
	};

	await Promise.all(options.targets.map((target) => limit(gradeOne, target)));
	await reporting;
	if (reportFailure !== undefined) throw reportFailure;
	return {
		completed,
		notGraded,
		leftForResume,
		...(stoppedBy ? { stoppedBy } : {}),
		wallMs: now() - runStarted,
	};
}

function withoutSnapshot(done: AccountDone): AccountDoneSummary {
	const { outcome, ...rest } = done;
	return {
		...rest,
		outcome: outcome.status === 'graded' ? { status: 'graded', results: outcome.results } : outcome,
	};
}

/**
 * Runs one account's grading with its own time limit. The signal asks the grader to stop its calls;
 * the race makes sure the run moves on even if a call ignores the signal.
 */
async function gradeWithinLimit(
	gradeAccount: GradeAccount,
	target: RosterEntry,
	timeoutMs: number,
	runSignal: AbortSignal,
): Promise<AccountGrade> {
	const timeout = new AbortController();
	const signal = AbortSignal.any([runSignal, timeout.signal]);
	let timer: NodeJS.Timeout | undefined;
	let onAbort: (() => void) | undefined;
	const interrupted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(signal.reason);
		timer = setTimeout(() => {
			timeout.abort(new AccountTimedOut(`grading did not finish within ${formatSeconds(timeoutMs)}`));
		}, timeoutMs);
		if (signal.aborted) onAbort();
		else signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([gradeAccount(target, signal), interrupted]);
	} catch (error) {
		// A grader that honours the signal rejects with its own AbortError; report the reason instead.
		throw signal.aborted ? signal.reason : error;
	} finally {
		clearTimeout(timer);
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}

function formatSeconds(ms: number): string {
	return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
