import { type CouldNotGradeEntry, loadCouldNotGrade } from './could-not-grade.ts';
import type { GradebookDb } from './open-gradebook.ts';

export interface AttemptSummary {
	outcome: 'pass' | 'fail' | 'error';
	score: number;
	maxScore: number;
	/** When the account state was observed (the grading time for an account that could not be read). */
	observedAt: string;
}

export interface LabStanding {
	title: string;
	best: AttemptSummary;
	latest: AttemptSummary;
	firstPassedAt: string | null;
	attempts: number;
}

export interface QuizStanding {
	/** The best score reached, with when it was reached. */
	score: number;
	maxScore: number;
	completedAt: string;
}

export interface LearnerRecordForReport {
	cohort: string;
	learnerId: string;
	name: string;
	email: string;
	accountId: string;
	labs: Record<string, LabStanding>;
	quizzes: Record<string, QuizStanding>;
}

/** How many learners' latest attempt did not pass a check: where the cohort struggles. */
export interface CheckStruggle {
	lab: string;
	checkId: string;
	title: string;
	step: number;
	failed: number;
	errored: number;
	/** Learners whose latest attempt of the lab includes this check. */
	attempted: number;
}

export interface CompletionData {
	learners: LearnerRecordForReport[];
	labTitles: Record<string, string>;
	checkStruggles: CheckStruggle[];
	/** Learners whose latest attempt at a lab is `error`, with the account error (absent in older callers' data). */
	couldNotGrade?: CouldNotGradeEntry[];
}

interface AttemptViewRow {
	learner_id: number;
	lab: string;
	title: string;
	outcome: 'pass' | 'fail' | 'error';
	score: number;
	max_score: number;
	observed_at: string;
}

function summary(row: AttemptViewRow): AttemptSummary {
	return { outcome: row.outcome, score: row.score, maxScore: row.max_score, observedAt: row.observed_at };
}

/** Everything a completion report shows, read from the gradebook's views (never from raw history). */
export function loadCompletionData(db: GradebookDb, cohortName?: string): CompletionData {
	const cohortFilter = cohortName === undefined ? '' : 'WHERE c.name = ?';
	const args = cohortName === undefined ? [] : [cohortName];

	const learnerRows = db
		.prepare(
			`SELECT l.id, c.name AS cohort, l.learner_key, l.name, l.email, l.account_id
			FROM learners l JOIN cohorts c ON c.id = l.cohort_id ${cohortFilter} ORDER BY c.name, l.learner_key`,
		)
		.all(...args) as {
		id: number;
		cohort: string;
		learner_key: string;
		name: string;
		email: string;
		account_id: string;
	}[];

	const learners = new Map<number, LearnerRecordForReport>();
	for (const row of learnerRows) {
		learners.set(row.id, {
			cohort: row.cohort,
			learnerId: row.learner_key,
			name: row.name,
			email: row.email,
			accountId: row.account_id,
			labs: {},
			quizzes: {},
		});
	}

	const attemptColumns =
		'learner_id, lab, title, outcome, score, max_score, COALESCE(collected_at, graded_at) AS observed_at';
	const best = db.prepare(`SELECT ${attemptColumns} FROM best_attempts`).all() as unknown as AttemptViewRow[];
	const latest = new Map<string, AttemptViewRow>();
	for (const row of db.prepare(`SELECT ${attemptColumns} FROM latest_attempts`).all() as unknown as AttemptViewRow[]) {
		latest.set(`${row.learner_id}/${row.lab}`, row);
	}
	const firstPasses = new Map<string, string>();
	for (const row of db.prepare('SELECT learner_id, lab, first_passed_at FROM first_passes').all() as {
		learner_id: number;
		lab: string;
		first_passed_at: string;
	}[]) {
		firstPasses.set(`${row.learner_id}/${row.lab}`, row.first_passed_at);
	}
	const attemptCounts = new Map<string, number>();
	for (const row of db
		.prepare('SELECT learner_id, lab, COUNT(*) AS n FROM current_attempts GROUP BY learner_id, lab')
		.all() as {
		learner_id: number;
		lab: string;
		n: number;
	}[]) {
		attemptCounts.set(`${row.learner_id}/${row.lab}`, row.n);
	}

	const labTitles: Record<string, string> = {};
	for (const row of best) {
		const learner = learners.get(row.learner_id);
		if (!learner) continue;
		const key = `${row.learner_id}/${row.lab}`;
		const latestRow = latest.get(key) ?? row;
		labTitles[row.lab] = latestRow.title;
		learner.labs[row.lab] = {
			title: latestRow.title,
			best: summary(row),
			latest: summary(latestRow),
			firstPassedAt: firstPasses.get(key) ?? null,
			attempts: attemptCounts.get(key) ?? 1,
		};
	}

	for (const row of db
		.prepare('SELECT learner_id, quiz_id, score, max_score, completed_at FROM best_quiz_results')
		.all() as {
		learner_id: number;
		quiz_id: string;
		score: number;
		max_score: number;
		completed_at: string;
	}[]) {
		const learner = learners.get(row.learner_id);
		if (learner)
			learner.quizzes[row.quiz_id] = { score: row.score, maxScore: row.max_score, completedAt: row.completed_at };
	}

	const struggles = db
		.prepare(
			`SELECT a.lab, r.check_id, MIN(r.title) AS title, MIN(r.step) AS step,
				SUM(r.status = 'fail') AS failed, SUM(r.status = 'error') AS errored, COUNT(*) AS attempted
			FROM latest_attempts a
			JOIN check_results r ON r.attempt_id = a.id
			JOIN learners l ON l.id = a.learner_id JOIN cohorts c ON c.id = l.cohort_id
			${cohortFilter}
			GROUP BY a.lab, r.check_id ORDER BY a.lab, MIN(r.step), MIN(r.position)`,
		)
		.all(...args) as {
		lab: string;
		check_id: string;
		title: string;
		step: number;
		failed: number;
		errored: number;
		attempted: number;
	}[];

	return {
		learners: [...learners.values()],
		labTitles,
		checkStruggles: struggles.map((row) => ({
			lab: row.lab,
			checkId: row.check_id,
			title: row.title,
			step: row.step,
			failed: row.failed,
			errored: row.errored,
			attempted: row.attempted,
		})),
		couldNotGrade: loadCouldNotGrade(db, cohortName),
	};
}
