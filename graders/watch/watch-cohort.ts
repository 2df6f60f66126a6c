/**
 * `watch`: grades a cohort in rounds while a lab runs. Each round is an ordinary grading run (the
 * same module, limits, run lock and gradebook as `grade`) over the learners who have not yet passed
 * every watched lab. Between rounds it waits; the dashboard reads what the rounds recorded.
 */

import type { InstructorSideError } from '../cohort/account-errors.ts';
import type { AccountDone, GradeAccount } from '../cohort/account-outcome.ts';
import {
	cohortWatchLockName,
	gradeAccounts,
	type RegisteredCohort,
	startLockedRun,
	takeLock,
} from '../cohort/grade-cohort.ts';
import type { RosterEntry } from '../cohort/roster.ts';
import type { GradebookDb } from '../gradebook/open-gradebook.ts';
import type { LockOptions } from '../gradebook/run-lock.ts';
import { finishRun, type RunSettings } from '../gradebook/runs.ts';
import { type LiveColumn, learnersWhoPassedAll, loadLiveData } from './live-data.ts';
import { buildLiveView, type LearnerDetail, type LiveView, learnerDetail } from './live-model.ts';

export interface WatchOptions {
	db: GradebookDb;
	cohort: RegisteredCohort;
	roster: readonly RosterEntry[];
	labs: readonly string[];
	columns: readonly LiveColumn[];
	gradeAccount: GradeAccount;
	concurrency: number;
	timeoutMs: number;
	everyMs: number;
	stuckAfterMs: number;
	/** How long Ctrl-C waits for the round in flight before dropping its unfinished accounts. */
	graceMs: number;
	settings: RunSettings;
	/** Stop after this many rounds (the benchmark and tests); unlimited when absent. */
	maxRounds?: number;
	now?: () => Date;
	lockOptions?: LockOptions;
	/** Told after each round (the CLI prints a line, the benchmark measures). */
	onRound?: (round: RoundReport) => void;
	/** Told whenever the view changed (the dashboard pushes it). */
	onViewChanged?: () => void;
	onAccountRecorded?: (done: AccountDone) => void;
	onTakeover?: (message: string) => void;
}

export interface RoundReport {
	round: number;
	runId: number | null;
	/** Learners graded this round (the ones not yet complete). */
	targets: number;
	recorded: number;
	wallMs: number;
	/** The round was cut short by a stop after the grace ran out; its unfinished accounts were not recorded. */
	interrupted: boolean;
}

export interface WatchResult {
	rounds: number;
	/** Stopped (Ctrl-C) with a round cut short after the grace. */
	interrupted: boolean;
	/** The instructor's own credentials failed: nothing more can be graded. */
	stoppedBy?: InstructorSideError;
}

export interface Watch {
	run(): Promise<WatchResult>;
	/** Ctrl-C: no new round; the one in flight gets `graceMs` to finish. */
	stop(): void;
	view(): LiveView;
	detail(learnerId: string): LearnerDetail | null;
	/** Recomputes the view from the gradebook (after a round, and now and then for "time since"). */
	refresh(): void;
}

export function createWatch(options: WatchOptions): Watch {
	const now = options.now ?? (() => new Date());
	const cohortName = options.cohort.cohortName;
	let lastRoundAt: string | null = null;
	let nextRoundAt: string | null = null;
	let stopping = false;
	let wake: (() => void) | undefined;
	const roundAbort = new AbortController();
	let graceTimer: NodeJS.Timeout | undefined;

	const data = () => loadLiveData(options.db, cohortName, options.columns);
	let cached: LiveView = buildLiveView(data(), { now: now(), stuckAfterMs: options.stuckAfterMs });
	const refresh = () => {
		cached = buildLiveView(data(), { now: now(), stuckAfterMs: options.stuckAfterMs, lastRoundAt, nextRoundAt });
		options.onViewChanged?.();
	};

	const sleepUntilNextRound = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, ms);
			wake = () => {
				clearTimeout(timer);
				resolve();
			};
		});

	async function round(number: number): Promise<{ report: RoundReport; stoppedBy?: InstructorSideError }> {
		const started = now();
		const complete = learnersWhoPassedAll(options.db, cohortName, options.labs);
		const targets = options.roster.filter((entry) => !complete.has(entry.learnerId));
		if (targets.length === 0) {
			return { report: { round: number, runId: null, targets: 0, recorded: 0, wallMs: 0, interrupted: false } };
		}
		const { runId, lock } = startLockedRun(
			options.db,
			options.cohort,
			{
				labs: options.labs,
				settings: { ...options.settings, watchRound: number },
				plannedAccounts: targets.length,
				now: started.toISOString(),
			},
			{ ...options.lockOptions, now, onTakeover: options.onTakeover },
		);
		let recorded = 0;
		// The grid follows the round as it goes, at most every two seconds.
		let lastPush = 0;
		try {
			const result = await gradeAccounts({
				db: options.db,
				runId,
				cohort: options.cohort,
				targets,
				labs: options.labs,
				gradeAccount: options.gradeAccount,
				concurrency: options.concurrency,
				timeoutMs: options.timeoutMs,
				signal: roundAbort.signal,
				now,
				onAccountRecorded: (done) => {
					recorded += 1;
					options.onAccountRecorded?.(done);
					if (Date.now() - lastPush > 2000) {
						lastPush = Date.now();
						refresh();
					}
				},
			});
			// A round cut short is closed all the same: the next round (or watch started again) grades
			// whoever is still incomplete, so there is nothing to --resume.
			if (!result.complete) finishRun(options.db, runId, now().toISOString());
			return {
				report: {
					round: number,
					runId,
					targets: targets.length,
					recorded,
					wallMs: result.summary.wallMs,
					interrupted: roundAbort.signal.aborted,
				},
				stoppedBy: result.summary.stoppedBy,
			};
		} finally {
			lock.release();
		}
	}

	return {
		view: () => cached,
		detail: (learnerId) => learnerDetail(data(), learnerId),
		refresh,
		stop() {
			if (stopping) return;
			stopping = true;
			wake?.();
			graceTimer = setTimeout(() => roundAbort.abort(), options.graceMs);
			graceTimer.unref();
		},
		async run() {
			// One watch per cohort and gradebook; each round also takes its run's lock, as grade does.
			const cohortLock = takeLock(
				options.db,
				cohortWatchLockName(options.cohort.cohortId),
				{ busy: `cohort ${cohortName}`, takenOver: `Cohort ${cohortName}'s watch` },
				{ ...options.lockOptions, now, onTakeover: options.onTakeover },
			);
			let rounds = 0;
			let interrupted = false;
			try {
				while (!stopping && (options.maxRounds === undefined || rounds < options.maxRounds)) {
					const startedAt = now().getTime();
					rounds += 1;
					const { report, stoppedBy } = await round(rounds);
					interrupted ||= report.interrupted;
					lastRoundAt = now().toISOString();
					const last = stopping || (options.maxRounds !== undefined && rounds >= options.maxRounds);
					nextRoundAt = last || stoppedBy ? null : new Date(startedAt + options.everyMs).toISOString();
					refresh();
					options.onRound?.(report);
					if (stoppedBy) return { rounds, interrupted, stoppedBy };
					if (nextRoundAt) await sleepUntilNextRound(Math.max(0, Date.parse(nextRoundAt) - now().getTime()));
				}
				return { rounds, interrupted };
			} finally {
				clearTimeout(graceTimer);
				cohortLock.release();
			}
		},
	};
}
