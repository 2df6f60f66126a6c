import type { LabResult, Snapshot } from '../engine/types.ts';
import { encodeEvidence } from './evidence-codec.ts';
import type { GradebookDb } from './open-gradebook.ts';
import { redactSecrets } from './redact-secrets.ts';
import { inTransaction } from './transaction.ts';

/** A lab that could not be graded still gets an attempt row, so "error" shows in every view. */
export interface UngradedLab {
	lab: string;
	title: string;
	maxScore: number;
}

export type GradingEvidence = { snapshot: Snapshot } | { evidenceId: number };

export type RecordedOutcome =
	| { status: 'graded'; evidence: GradingEvidence; results: readonly LabResult[] }
	| { status: 'error'; error: { kind: string; message: string }; labs: readonly UngradedLab[] };

export interface GradingRecord {
	runId: number;
	learnerRowId: number;
	accountId: string;
	region: string;
	startedAt: string;
	finishedAt: string;
	durationMs: number;
	outcome: RecordedOutcome;
}

export interface RecordedGrading {
	gradingId: number;
	evidenceId: number | null;
}

/**
 * Writes everything about one account's grading — evidence, the account outcome, one attempt per lab
 * and every check result — in a single transaction, as soon as that account is done. A run killed
 * half-way therefore keeps every account it finished and none it did not.
 */
export function recordAccountGrading(db: GradebookDb, record: GradingRecord): RecordedGrading {
	// Compress outside the transaction: it is the slow part and needs no lock.
	const outcome = record.outcome;
	const encoded =
		outcome.status === 'graded' && 'snapshot' in outcome.evidence
			? encodeEvidence(redactSecrets(outcome.evidence.snapshot))
			: null;

	return inTransaction(db, () => {
		let evidenceId: number | null = null;
		if (outcome.status === 'graded') {
			if ('evidenceId' in outcome.evidence) {
				evidenceId = outcome.evidence.evidenceId;
			} else if (encoded) {
				const snapshot = outcome.evidence.snapshot;
				evidenceId = Number(
					db
						.prepare(
							`INSERT INTO evidence (learner_id, account_id, region, collected_at, encoding, sha256, json_bytes, snapshot)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
						)
						.run(
							record.learnerRowId,
							snapshot.accountId,
							snapshot.region,
							snapshot.collectedAt,
							encoded.encoding,
							encoded.sha256,
							encoded.jsonBytes,
							encoded.blob,
						).lastInsertRowid,
				);
			}
		}

		const gradingId = Number(
			db
				.prepare(
					`INSERT INTO account_gradings (run_id, learner_id, account_id, region, status, error_kind, error_message,
					evidence_id, started_at, finished_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				)
				.run(
					record.runId,
					record.learnerRowId,
					record.accountId,
					record.region,
					outcome.status,
					outcome.status === 'error' ? outcome.error.kind : null,
					outcome.status === 'error' ? outcome.error.message : null,
					evidenceId,
					record.startedAt,
					record.finishedAt,
					Math.round(record.durationMs),
				).lastInsertRowid,
		);

		const insertAttempt = db.prepare(
			`INSERT INTO attempts (grading_id, run_id, learner_id, lab, title, outcome, score, max_score, message, collected_at,
			graded_at, evidence_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		);
		const insertCheck = db.prepare(
			`INSERT INTO check_results (attempt_id, position, check_id, title, step, points, earned, status, message, hint, evidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		);

		if (outcome.status === 'error') {
			for (const lab of outcome.labs) {
				insertAttempt.run(
					gradingId,
					record.runId,
					record.learnerRowId,
					lab.lab,
					lab.title,
					'error',
					0,
					lab.maxScore,
					outcome.error.message,
					null,
					record.finishedAt,
					null,
				);
			}
		} else {
			for (const result of outcome.results) {
				const attemptId = Number(
					insertAttempt.run(
						gradingId,
						record.runId,
						record.learnerRowId,
						result.lab,
						result.title,
						result.outcome,
						result.score,
						result.maxScore,
						null,
						result.collectedAt,
						result.gradedAt,
						evidenceId,
					).lastInsertRowid,
				);
				result.checks.forEach((check, position) => {
					insertCheck.run(
						attemptId,
						position,
						check.id,
						check.title,
						check.step,
						check.points,
						check.earned,
						check.status,
						check.message,
						check.hint ?? null,
						JSON.stringify(check.evidence),
					);
				});
			}
		}
		return { gradingId, evidenceId };
	});
}
