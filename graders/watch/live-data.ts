import type { GradebookDb } from '../gradebook/open-gradebook.ts';

/** One check of a lab: a column of the live grid, in lab and step order. */
export interface LiveColumn {
	lab: string;
	checkId: string;
	title: string;
	step: number;
}

export interface LiveAttempt {
	lab: string;
	outcome: 'pass' | 'fail' | 'error';
	score: number;
	maxScore: number;
	observedAt: string;
	/** Checks passed in this attempt. */
	passedChecks: number;
	/** The account error when the account could not be read at all (null when graded). */
	errorKind: string | null;
	errorMessage: string | null;
}

export interface LiveCheckResult {
	status: 'pass' | 'fail' | 'error' | 'skipped';
	message: string;
	hint: string | null;
}

export interface LiveLearner {
	learnerId: string;
	name: string;
	email: string;
	/** Every counted attempt at the watched labs, oldest first. */
	attempts: LiveAttempt[];
	/** The latest attempt's result per `lab/checkId`. */
	latest: Record<string, LiveCheckResult>;
}

export interface LiveData {
	cohort: string;
	columns: LiveColumn[];
	learners: LiveLearner[];
}

export const columnKey = (lab: string, checkId: string) => `${lab}/${checkId}`;

/**
 * What the live dashboard shows, read from the gradebook's views (never from AWS): the cohort's
 * learners, each one's attempts at the watched labs and the latest result of every check.
 */
export function loadLiveData(db: GradebookDb, cohortName: string, columns: readonly LiveColumn[]): LiveData {
	const labs = [...new Set(columns.map((column) => column.lab))];
	const labList = labs.map(() => '?').join(', ');
	const learnerRows = db
		.prepare(
			`SELECT l.id, l.learner_key, l.name, l.email FROM learners l JOIN cohorts c ON c.id = l.cohort_id
			WHERE c.name = ? ORDER BY l.learner_key`,
		)
		.all(cohortName) as { id: number; learner_key: string; name: string; email: string }[];
	const learners = new Map<number, LiveLearner>();
	for (const row of learnerRows) {
		learners.set(row.id, { learnerId: row.learner_key, name: row.name, email: row.email, attempts: [], latest: {} });
	}
	if (labs.length === 0 || learners.size === 0)
		return { cohort: cohortName, columns: [...columns], learners: [...learners.values()] };

	const attempts = db
		.prepare(
			`SELECT a.learner_id, a.lab, a.outcome, a.score, a.max_score, COALESCE(a.collected_at, a.graded_at) AS observed_at,
				(SELECT COUNT(*) FROM check_results r WHERE r.attempt_id = a.id AND r.status = 'pass') AS passed,
				g.error_kind, g.error_message
			FROM current_attempts a
			JOIN account_gradings g ON g.id = a.grading_id
			JOIN learners l ON l.id = a.learner_id JOIN cohorts c ON c.id = l.cohort_id
			WHERE c.name = ? AND a.lab IN (${labList})
			ORDER BY observed_at, a.id`,
		)
		.all(cohortName, ...labs) as {
		learner_id: number;
		lab: string;
		outcome: LiveAttempt['outcome'];
		score: number;
		max_score: number;
		observed_at: string;
		passed: number;
		error_kind: string | null;
		error_message: string | null;
	}[];
	for (const row of attempts) {
		learners.get(row.learner_id)?.attempts.push({
			lab: row.lab,
			outcome: row.outcome,
			score: row.score,
			maxScore: row.max_score,
			observedAt: row.observed_at,
			passedChecks: row.passed,
			errorKind: row.error_kind,
			errorMessage: row.error_message,
		});
	}

	const results = db
		.prepare(
			`SELECT a.learner_id, a.lab, r.check_id, r.status, r.message, r.hint
			FROM latest_attempts a
			JOIN check_results r ON r.attempt_id = a.id
			JOIN learners l ON l.id = a.learner_id JOIN cohorts c ON c.id = l.cohort_id
			WHERE c.name = ? AND a.lab IN (${labList})`,
		)
		.all(cohortName, ...labs) as {
		learner_id: number;
		lab: string;
		check_id: string;
		status: LiveCheckResult['status'];
		message: string;
		hint: string | null;
	}[];
	for (const row of results) {
		const learner = learners.get(row.learner_id);
		if (learner)
			learner.latest[columnKey(row.lab, row.check_id)] = { status: row.status, message: row.message, hint: row.hint };
	}
	return { cohort: cohortName, columns: [...columns], learners: [...learners.values()] };
}

/** Learner ids that have passed every one of the labs at least once: a watch round skips them. */
export function learnersWhoPassedAll(db: GradebookDb, cohortName: string, labs: readonly string[]): Set<string> {
	if (labs.length === 0) return new Set();
	const rows = db
		.prepare(
			`SELECT l.learner_key FROM first_passes f
			JOIN learners l ON l.id = f.learner_id JOIN cohorts c ON c.id = l.cohort_id
			WHERE c.name = ? AND f.lab IN (${labs.map(() => '?').join(', ')})
			GROUP BY l.id HAVING COUNT(DISTINCT f.lab) = ?`,
		)
		.all(cohortName, ...labs, labs.length) as { learner_key: string }[];
	return new Set(rows.map((row) => row.learner_key));
}
