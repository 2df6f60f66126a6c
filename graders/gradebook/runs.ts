import type { GradebookDb } from './open-gradebook.ts';

export type RunKind = 'grade' | 'regrade';

/** How a run was started, kept so a resumed run grades the same way. Never holds an external id. */
export interface RunSettings {
	roleName?: string;
	region?: string;
	concurrency?: number;
	timeoutSeconds?: number;
	endpointUrl?: string;
	[key: string]: unknown;
}

export interface RunRow {
	id: number;
	cohortId: number;
	cohortName: string;
	kind: RunKind;
	labs: string[];
	sourceRunId: number | null;
	settings: RunSettings;
	plannedAccounts: number;
	startedAt: string;
	finishedAt: string | null;
}

export interface StartRunInput {
	cohortId: number;
	kind: RunKind;
	labs: readonly string[];
	sourceRunId?: number;
	settings: RunSettings;
	plannedAccounts: number;
	now: string;
}

export function startRun(db: GradebookDb, input: StartRunInput): number {
	const result = db
		.prepare(
			'INSERT INTO runs (cohort_id, kind, labs, source_run_id, settings, planned_accounts, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
		)
		.run(
			input.cohortId,
			input.kind,
			JSON.stringify(input.labs),
			input.sourceRunId ?? null,
			JSON.stringify(input.settings),
			input.plannedAccounts,
			input.now,
		);
	return Number(result.lastInsertRowid);
}

export function finishRun(db: GradebookDb, runId: number, now: string): void {
	db.prepare('UPDATE runs SET finished_at = ? WHERE id = ?').run(now, runId);
}

interface RunRecord {
	id: number;
	cohort_id: number;
	cohort_name: string;
	kind: RunKind;
	labs: string;
	source_run_id: number | null;
	settings: string;
	planned_accounts: number;
	started_at: string;
	finished_at: string | null;
}

const runSelect = `SELECT r.id, r.cohort_id, c.name AS cohort_name, r.kind, r.labs, r.source_run_id, r.settings,
	r.planned_accounts, r.started_at, r.finished_at FROM runs r JOIN cohorts c ON c.id = r.cohort_id`;

function toRunRow(row: RunRecord): RunRow {
	return {
		id: row.id,
		cohortId: row.cohort_id,
		cohortName: row.cohort_name,
		kind: row.kind,
		labs: JSON.parse(row.labs) as string[],
		sourceRunId: row.source_run_id,
		settings: JSON.parse(row.settings) as RunSettings,
		plannedAccounts: row.planned_accounts,
		startedAt: row.started_at,
		finishedAt: row.finished_at,
	};
}

export function getRun(db: GradebookDb, runId: number): RunRow | undefined {
	const row = db.prepare(`${runSelect} WHERE r.id = ?`).get(runId) as RunRecord | undefined;
	return row && toRunRow(row);
}

/** The most recent grading run of a cohort: what --resume continues. */
export function findLatestGradeRun(db: GradebookDb, cohortId: number): RunRow | undefined {
	const row = db
		.prepare(`${runSelect} WHERE r.cohort_id = ? AND r.kind = 'grade' ORDER BY r.id DESC LIMIT 1`)
		.get(cohortId) as RunRecord | undefined;
	return row && toRunRow(row);
}

export function listRuns(db: GradebookDb, cohortId?: number): RunRow[] {
	const rows = (cohortId === undefined
		? db.prepare(`${runSelect} ORDER BY r.id`).all()
		: db.prepare(`${runSelect} WHERE r.cohort_id = ? ORDER BY r.id`).all(cohortId)) as unknown as RunRecord[];
	return rows.map(toRunRow);
}

/** Roster learner ids whose account already has a recorded grading in the run. */
export function learnersGradedInRun(db: GradebookDb, runId: number): Set<string> {
	const rows = db
		.prepare('SELECT l.learner_key FROM account_gradings g JOIN learners l ON l.id = g.learner_id WHERE g.run_id = ?')
		.all(runId) as { learner_key: string }[];
	return new Set(rows.map((row) => row.learner_key));
}

/** The name of the lock (run-lock.ts) a process holds while it grades `runId`. */
export function runLockName(runId: number): string {
	return `run:${runId}`;
}
