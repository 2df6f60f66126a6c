import type { GradebookDb } from './open-gradebook.ts';

export interface CohortRow {
	id: number;
	name: string;
	createdAt: string;
}

export interface LearnerDetails {
	learnerId: string;
	name: string;
	email: string;
	accountId: string;
}

export interface LearnerRow extends LearnerDetails {
	/** The gradebook's own key; `learnerId` is the roster's. */
	rowId: number;
	cohortId: number;
}

export function findCohort(db: GradebookDb, name: string): CohortRow | undefined {
	const row = db.prepare('SELECT id, name, created_at FROM cohorts WHERE name = ?').get(name) as
		| { id: number; name: string; created_at: string }
		| undefined;
	return row && { id: row.id, name: row.name, createdAt: row.created_at };
}

export function listCohorts(db: GradebookDb): CohortRow[] {
	return (
		db.prepare('SELECT id, name, created_at FROM cohorts ORDER BY name').all() as {
			id: number;
			name: string;
			created_at: string;
		}[]
	).map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
}

export function ensureCohort(db: GradebookDb, name: string, now: string): CohortRow {
	db.prepare('INSERT INTO cohorts (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, now);
	const cohort = findCohort(db, name);
	if (!cohort) throw new Error(`cohort ${name} could not be created`);
	return cohort;
}

/**
 * Adds the roster's learners to the cohort, or updates their details when the roster changed (a new
 * account, a corrected email). Returns the gradebook row id per roster learner id.
 */
export function upsertLearners(
	db: GradebookDb,
	cohortId: number,
	learners: readonly LearnerDetails[],
	now: string,
): Map<string, number> {
	const upsert = db.prepare(`
		INSERT INTO learners (cohort_id, learner_key, name, email, account_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (cohort_id, learner_key) DO UPDATE SET
			name = excluded.name, email = excluded.email, account_id = excluded.account_id, updated_at = excluded.updated_at
			WHERE name <> excluded.name OR email <> excluded.email OR account_id <> excluded.account_id
		RETURNING id`);
	const find = db.prepare('SELECT id FROM learners WHERE cohort_id = ? AND learner_key = ?');
	const rowIds = new Map<string, number>();
	for (const learner of learners) {
		const inserted = upsert.get(cohortId, learner.learnerId, learner.name, learner.email, learner.accountId, now) as
			| { id: number }
			| undefined;
		const row = inserted ?? (find.get(cohortId, learner.learnerId) as { id: number });
		rowIds.set(learner.learnerId, row.id);
	}
	return rowIds;
}

interface LearnerRecord {
	id: number;
	cohort_id: number;
	learner_key: string;
	name: string;
	email: string;
	account_id: string;
}

function toLearnerRow(row: LearnerRecord): LearnerRow {
	return {
		rowId: row.id,
		cohortId: row.cohort_id,
		learnerId: row.learner_key,
		name: row.name,
		email: row.email,
		accountId: row.account_id,
	};
}

const learnerColumns = 'id, cohort_id, learner_key, name, email, account_id';

/** Every cohort membership of a roster learner id (a person may be in several cohorts). */
export function findLearnersById(db: GradebookDb, learnerId: string): LearnerRow[] {
	return (
		db
			.prepare(`SELECT ${learnerColumns} FROM learners WHERE learner_key = ? ORDER BY id`)
			.all(learnerId) as unknown as LearnerRecord[]
	).map(toLearnerRow);
}

export function findLearnersByEmail(db: GradebookDb, email: string): LearnerRow[] {
	return (
		db
			.prepare(`SELECT ${learnerColumns} FROM learners WHERE lower(email) = lower(?) ORDER BY id`)
			.all(email) as unknown as LearnerRecord[]
	).map(toLearnerRow);
}

export function learnersOfCohort(db: GradebookDb, cohortId: number): LearnerRow[] {
	return (
		db
			.prepare(`SELECT ${learnerColumns} FROM learners WHERE cohort_id = ? ORDER BY learner_key`)
			.all(cohortId) as unknown as LearnerRecord[]
	).map(toLearnerRow);
}
