import { type CauseAdvice, groupByCause } from '../cohort/account-error-causes.ts';
import { columnKey, type LiveColumn, type LiveData, type LiveLearner } from './live-data.ts';

/** A grid cell: the latest result of one check for one learner. */
export type CellState = 'pass' | 'fail' | 'error' | 'skipped' | 'not-yet';

export interface LiveRow {
	learnerId: string;
	name: string;
	email: string;
	cells: CellState[];
	/** Checks passed in the latest attempts, and how many there are. */
	passed: number;
	total: number;
	/** When the number of checks passed last went up; null when it never has. */
	lastProgressAt: string | null;
	/** Milliseconds since the last progress (or since the first attempt, when none yet); null before any attempt. */
	sinceProgressMs: number | null;
	complete: boolean;
	stuck: boolean;
	/** The first check (column index) not yet passed: where a stuck learner is stuck. */
	stuckOn: number | null;
	/** The account could not be read in its latest attempt at some lab. */
	couldNotGrade: boolean;
}

export interface CauseGroupView extends CauseAdvice {
	learners: { learnerId: string; name: string; lab: string; message: string }[];
}

export interface LiveView {
	cohort: string;
	generatedAt: string;
	stuckAfterMs: number;
	columns: LiveColumn[];
	rows: LiveRow[];
	/** Per column: how many stuck learners are stuck on it. */
	stuckPerCheck: number[];
	causes: CauseGroupView[];
	/** When the last round finished (null before the first). */
	lastRoundAt: string | null;
	/** When the next round starts (null when stopping). */
	nextRoundAt: string | null;
}

function cellOf(learner: LiveLearner, column: LiveColumn): CellState {
	return learner.latest[columnKey(column.lab, column.checkId)]?.status ?? 'not-yet';
}

/**
 * When the learner last got further: walking their attempts oldest first, the latest moment the
 * checks passed (latest attempt per lab, summed) went above every earlier total.
 */
export function lastProgressOf(learner: LiveLearner): string | null {
	const passedPerLab = new Map<string, number>();
	let best = 0;
	let at: string | null = null;
	for (const attempt of learner.attempts) {
		// An account that could not be read says nothing about progress.
		if (attempt.errorKind !== null) continue;
		passedPerLab.set(attempt.lab, attempt.passedChecks);
		const total = [...passedPerLab.values()].reduce((sum, value) => sum + value, 0);
		if (total > best) {
			best = total;
			at = attempt.observedAt;
		}
	}
	return at;
}

/** The latest attempt per lab that could not read the account, with its error. */
function accountErrors(learner: LiveLearner): { lab: string; kind: string | null; message: string | null }[] {
	const latest = new Map<string, LiveLearner['attempts'][number]>();
	for (const attempt of learner.attempts) latest.set(attempt.lab, attempt);
	return [...latest.values()]
		.filter((attempt) => attempt.errorKind !== null)
		.map((attempt) => ({ lab: attempt.lab, kind: attempt.errorKind, message: attempt.errorMessage }));
}

export interface LiveViewOptions {
	now: Date;
	stuckAfterMs: number;
	lastRoundAt?: string | null;
	nextRoundAt?: string | null;
}

/** The dashboard's whole state: pure, so the grid, stuck flags and causes are tested without a server. */
export function buildLiveView(data: LiveData, options: LiveViewOptions): LiveView {
	const now = options.now.getTime();
	const done = (state: CellState) => state === 'pass' || state === 'skipped';
	const rows = data.learners.map((learner): LiveRow => {
		const cells = data.columns.map((column) => cellOf(learner, column));
		const passed = cells.filter((state) => state === 'pass').length;
		const complete = cells.length > 0 && cells.every(done);
		const lastProgressAt = lastProgressOf(learner);
		const since = lastProgressAt ?? learner.attempts[0]?.observedAt ?? null;
		const sinceProgressMs = since === null ? null : Math.max(0, now - Date.parse(since));
		const firstOpen = cells.findIndex((state) => !done(state));
		const errors = accountErrors(learner);
		// A learner whose account cannot be read is the grader's trouble, shown under causes, not "stuck".
		const stuck =
			!complete && errors.length === 0 && sinceProgressMs !== null && sinceProgressMs >= options.stuckAfterMs;
		return {
			learnerId: learner.learnerId,
			name: learner.name,
			email: learner.email,
			cells,
			passed,
			total: cells.length,
			lastProgressAt,
			sinceProgressMs,
			complete,
			stuck,
			stuckOn: firstOpen === -1 ? null : firstOpen,
			couldNotGrade: errors.length > 0,
		};
	});
	const stuckPerCheck = data.columns.map(() => 0);
	for (const row of rows)
		if (row.stuck && row.stuckOn !== null) stuckPerCheck[row.stuckOn] = (stuckPerCheck[row.stuckOn] ?? 0) + 1;

	const failures = data.learners.flatMap((learner) => accountErrors(learner).map((error) => ({ learner, ...error })));
	const causes = groupByCause(failures, (failure) => failure).map(
		(group): CauseGroupView => ({
			...group.advice,
			learners: group.items.map((item) => ({
				learnerId: item.learner.learnerId,
				name: item.learner.name,
				lab: item.lab,
				message: item.message ?? '',
			})),
		}),
	);
	return {
		cohort: data.cohort,
		generatedAt: options.now.toISOString(),
		stuckAfterMs: options.stuckAfterMs,
		columns: data.columns,
		rows,
		stuckPerCheck,
		causes,
		lastRoundAt: options.lastRoundAt ?? null,
		nextRoundAt: options.nextRoundAt ?? null,
	};
}

export interface LearnerDetail {
	learnerId: string;
	name: string;
	email: string;
	checks: (LiveColumn & { state: CellState; message: string | null; hint: string | null })[];
	attempts: LiveLearner['attempts'];
}

/** One learner's drill-down: each check's latest message and hint, and their attempt history (newest first). */
export function learnerDetail(data: LiveData, learnerId: string): LearnerDetail | null {
	const learner = data.learners.find((candidate) => candidate.learnerId === learnerId);
	if (!learner) return null;
	return {
		learnerId: learner.learnerId,
		name: learner.name,
		email: learner.email,
		checks: data.columns.map((column) => {
			const result = learner.latest[columnKey(column.lab, column.checkId)];
			return {
				...column,
				state: result?.status ?? 'not-yet',
				message: result?.message ?? null,
				hint: result?.hint ?? null,
			};
		}),
		attempts: [...learner.attempts].reverse(),
	};
}
