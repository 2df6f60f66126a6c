import type { Snapshot } from '../engine/types.ts';
import { decodeEvidence } from './evidence-codec.ts';
import type { GradebookDb } from './open-gradebook.ts';

/** An account of a run that was graded from evidence, with what a regrade needs to grade it again. */
export interface StoredEvidenceRef {
	evidenceId: number;
	learnerRowId: number;
	learnerId: string;
	accountId: string;
	region: string;
	collectedAt: string;
}

export function evidenceOfRun(db: GradebookDb, runId: number): StoredEvidenceRef[] {
	const rows = db
		.prepare(
			`SELECT g.evidence_id, g.learner_id, l.learner_key, g.account_id, g.region, e.collected_at
			FROM account_gradings g JOIN learners l ON l.id = g.learner_id JOIN evidence e ON e.id = g.evidence_id
			WHERE g.run_id = ? ORDER BY l.learner_key`,
		)
		.all(runId) as {
		evidence_id: number;
		learner_id: number;
		learner_key: string;
		account_id: string;
		region: string;
		collected_at: string;
	}[];
	return rows.map((row) => ({
		evidenceId: row.evidence_id,
		learnerRowId: row.learner_id,
		learnerId: row.learner_key,
		accountId: row.account_id,
		region: row.region,
		collectedAt: row.collected_at,
	}));
}

/** Learners of a run whose account could not be graded: no evidence to regrade them from. */
export function erroredAccountsOfRun(db: GradebookDb, runId: number): { learnerId: string; message: string }[] {
	const rows = db
		.prepare(
			`SELECT l.learner_key, g.error_message FROM account_gradings g JOIN learners l ON l.id = g.learner_id
			WHERE g.run_id = ? AND g.evidence_id IS NULL ORDER BY l.learner_key`,
		)
		.all(runId) as { learner_key: string; error_message: string | null }[];
	return rows.map((row) => ({ learnerId: row.learner_key, message: row.error_message ?? '' }));
}

export function loadEvidence(db: GradebookDb, evidenceId: number): Snapshot {
	const row = db.prepare('SELECT snapshot FROM evidence WHERE id = ?').get(evidenceId) as
		| { snapshot: Uint8Array }
		| undefined;
	if (!row) throw new Error(`evidence ${evidenceId} is not in the gradebook`);
	return decodeEvidence(row.snapshot, `evidence ${evidenceId}`);
}
