import type { GradebookDb } from './open-gradebook.ts';

/** A learner whose latest attempt at a lab could not be graded, with what the grader said. */
export interface CouldNotGradeEntry {
	cohort: string;
	learnerId: string;
	name: string;
	lab: string;
	/** The account error's kind (describeAccountError); null when the account was read but some reads failed. */
	kind: string | null;
	message: string | null;
	observedAt: string;
}

/**
 * Every (learner, lab) whose latest attempt is `error`, joined to the account grading that produced
 * it: the account error when the account could not be read at all, else the attempt's own message.
 */
export function loadCouldNotGrade(db: GradebookDb, cohortName?: string): CouldNotGradeEntry[] {
	const cohortFilter = cohortName === undefined ? '' : 'AND c.name = ?';
	const rows = db
		.prepare(
			`SELECT c.name AS cohort, l.learner_key, l.name, a.lab, g.error_kind,
				COALESCE(g.error_message, a.message) AS message, COALESCE(a.collected_at, a.graded_at) AS observed_at
			FROM latest_attempts a
			JOIN account_gradings g ON g.id = a.grading_id
			JOIN learners l ON l.id = a.learner_id JOIN cohorts c ON c.id = l.cohort_id
			WHERE a.outcome = 'error' ${cohortFilter}
			ORDER BY c.name, l.learner_key, a.lab`,
		)
		.all(...(cohortName === undefined ? [] : [cohortName])) as {
		cohort: string;
		learner_key: string;
		name: string;
		lab: string;
		error_kind: string | null;
		message: string | null;
		observed_at: string;
	}[];
	return rows.map((row) => ({
		cohort: row.cohort,
		learnerId: row.learner_key,
		name: row.name,
		lab: row.lab,
		kind: row.error_kind,
		message: row.message,
		observedAt: row.observed_at,
	}));
}
