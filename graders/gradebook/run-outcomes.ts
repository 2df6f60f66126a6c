import type { GradebookDb } from './open-gradebook.ts';

export interface LabTally {
	lab: string;
	pass: number;
	fail: number;
	error: number;
}

export interface RunOutcomes {
	accounts: number;
	erroredAccounts: { learnerId: string; accountId: string; kind: string; message: string }[];
	/** Labs of accounts that were read, where some check could not be graded (e.g. one action denied). */
	erroredLabs: { learnerId: string; accountId: string; lab: string; message: string }[];
	labs: LabTally[];
}

/** How a run went, from what it recorded: counts per lab and the accounts that could not be graded. */
export function runOutcomes(db: GradebookDb, runId: number): RunOutcomes {
	const accounts = (
		db.prepare('SELECT COUNT(*) AS n FROM account_gradings WHERE run_id = ?').get(runId) as { n: number }
	).n;
	const erroredAccounts = (
		db
			.prepare(
				`SELECT l.learner_key, g.account_id, g.error_kind, g.error_message FROM account_gradings g
				JOIN learners l ON l.id = g.learner_id WHERE g.run_id = ? AND g.status = 'error' ORDER BY l.learner_key`,
			)
			.all(runId) as {
			learner_key: string;
			account_id: string;
			error_kind: string | null;
			error_message: string | null;
		}[]
	).map((row) => ({
		learnerId: row.learner_key,
		accountId: row.account_id,
		kind: row.error_kind ?? 'other',
		message: row.error_message ?? '',
	}));
	// The first check that errored says why: usually a read the role may not perform.
	const erroredLabs = (
		db
			.prepare(
				`SELECT l.learner_key, g.account_id, a.lab,
					(SELECT c.message FROM check_results c WHERE c.attempt_id = a.id AND c.status = 'error' ORDER BY c.position LIMIT 1) AS message
				FROM attempts a JOIN account_gradings g ON g.id = a.grading_id JOIN learners l ON l.id = a.learner_id
				WHERE a.run_id = ? AND g.status = 'graded' AND a.outcome = 'error' ORDER BY l.learner_key, a.lab`,
			)
			.all(runId) as { learner_key: string; account_id: string; lab: string; message: string | null }[]
	).map((row) => ({
		learnerId: row.learner_key,
		accountId: row.account_id,
		lab: row.lab,
		message: row.message ?? '',
	}));
	const labs = db
		.prepare(
			`SELECT lab, SUM(outcome = 'pass') AS pass, SUM(outcome = 'fail') AS fail, SUM(outcome = 'error') AS error
			FROM attempts WHERE run_id = ? GROUP BY lab ORDER BY lab`,
		)
		.all(runId) as unknown as LabTally[];
	return { accounts, erroredAccounts, erroredLabs, labs: labs.map((tally) => ({ ...tally })) };
}

/** 2 when anything could not be graded, 1 when something failed, 0 when everything passed. */
export function exitCodeForOutcomes(outcomes: RunOutcomes, complete: boolean): 0 | 1 | 2 {
	if (!complete || outcomes.labs.some((tally) => tally.error > 0)) return 2;
	return outcomes.labs.some((tally) => tally.fail > 0) ? 1 : 0;
}

export function formatRunOutcomes(outcomes: RunOutcomes): string {
	const lines = outcomes.labs.map(
		(tally) => `  ${tally.lab}: ${tally.pass} passed, ${tally.fail} not yet, ${tally.error} could not be graded`,
	);
	if (outcomes.erroredAccounts.length > 0) {
		lines.push(`Accounts that could not be graded (${outcomes.erroredAccounts.length}):`);
		for (const account of outcomes.erroredAccounts) {
			lines.push(`  ${account.learnerId} (${account.accountId}) ${account.kind}: ${account.message}`);
		}
	}
	if (outcomes.erroredLabs.length > 0) {
		lines.push(`Labs read but not fully gradable (${outcomes.erroredLabs.length}):`);
		for (const lab of outcomes.erroredLabs) {
			lines.push(`  ${lab.learnerId} (${lab.accountId}) ${lab.lab}: ${lab.message}`);
		}
	}
	return `${lines.join('\n')}\n`;
}
