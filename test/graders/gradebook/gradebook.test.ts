import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureCohort, findLearnersById, upsertLearners } from '../../../graders/gradebook/cohorts.ts';
import { loadCompletionData } from '../../../graders/gradebook/completion-data.ts';
import { erroredAccountsOfRun, evidenceOfRun, loadEvidence } from '../../../graders/gradebook/evidence-store.ts';
import { type GradebookDb, openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { recordQuizScores } from '../../../graders/gradebook/quiz-results.ts';
import { recordAccountGrading } from '../../../graders/gradebook/record-grading.ts';
import {
	findLatestGradeRun,
	finishRun,
	getRun,
	learnersGradedInRun,
	startRun,
} from '../../../graders/gradebook/runs.ts';
import { migrations } from '../../../graders/gradebook/schema.ts';
import { fakeLabResult, fakeSnapshot } from '../support/cohort-fixtures.ts';

const now = '2026-03-02T12:00:00.000Z';
const ana = { learnerId: 'ana', name: 'Ana Lima', email: 'ana@example.org', accountId: '111111111111' };
const ben = { learnerId: 'ben', name: 'Ben Okafor', email: 'ben@example.org', accountId: '222222222222' };

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function tempGradebook(): { db: GradebookDb; path: string } {
	const dir = mkdtempSync(join(tmpdir(), 'gradebook-'));
	const path = join(dir, 'nested', 'gradebook.sqlite');
	const db = openGradebook(path);
	cleanup = () => {
		db.close();
		rmSync(dir, { recursive: true, force: true });
	};
	return { db, path };
}

function setUp(db: GradebookDb) {
	const cohort = ensureCohort(db, 'spring-2026', now);
	const ids = upsertLearners(db, cohort.id, [ana, ben], now);
	const runId = startRun(db, {
		cohortId: cohort.id,
		kind: 'grade',
		labs: ['lab1'],
		settings: { roleName: 'SreLabGrader' },
		plannedAccounts: 2,
		now,
	});
	return { cohort, ids, runId };
}

function grade(
	db: GradebookDb,
	runId: number,
	learnerRowId: number,
	accountId: string,
	statuses: ('pass' | 'fail')[],
	collectedAt: string,
) {
	return recordAccountGrading(db, {
		runId,
		learnerRowId,
		accountId,
		region: 'eu-west-1',
		startedAt: collectedAt,
		finishedAt: collectedAt,
		durationMs: 1234,
		outcome: {
			status: 'graded',
			evidence: { snapshot: fakeSnapshot(accountId, collectedAt) },
			results: [fakeLabResult('lab1', accountId, statuses, collectedAt)],
		},
	});
}

describe('gradebook', () => {
	it('creates its file with WAL and the current schema, and reopens without migrating again', () => {
		const { db, path } = tempGradebook();
		expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
		// Names and emails inside: readable by its owner only.
		expect(statSync(path).mode & 0o777).toBe(0o600);
		const reopened = openGradebook(path);
		expect(reopened.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
		reopened.close();
	});

	it('keeps learners per cohort and updates their details from a newer roster', () => {
		const { db } = tempGradebook();
		const cohort = ensureCohort(db, 'spring-2026', now);
		const first = upsertLearners(db, cohort.id, [ana], now);
		const again = upsertLearners(db, cohort.id, [{ ...ana, email: 'ana.lima@example.org' }], now);
		expect(again.get('ana')).toBe(first.get('ana'));
		expect(findLearnersById(db, 'ana')).toEqual([
			{
				rowId: first.get('ana'),
				cohortId: cohort.id,
				learnerId: 'ana',
				name: 'Ana Lima',
				email: 'ana.lima@example.org',
				accountId: '111111111111',
			},
		]);
		expect(ensureCohort(db, 'spring-2026', now).id).toBe(cohort.id);
	});

	it('records a graded account with its attempts, check results and compressed evidence', () => {
		const { db } = tempGradebook();
		const { ids, runId } = setUp(db);
		const { evidenceId } = grade(
			db,
			runId,
			ids.get('ana') as number,
			ana.accountId,
			['pass', 'fail'],
			'2026-03-02T10:00:00.000Z',
		);
		expect(evidenceId).not.toBeNull();
		expect(loadEvidence(db, evidenceId as number)).toEqual(fakeSnapshot(ana.accountId));
		expect(db.prepare('SELECT check_id, status, evidence FROM check_results ORDER BY position').all()).toEqual([
			{ check_id: 'lab1-check-1', status: 'pass', evidence: '["resource-of-lab1-check-1"]' },
			{ check_id: 'lab1-check-2', status: 'fail', evidence: '["resource-of-lab1-check-2"]' },
		]);
		expect(learnersGradedInRun(db, runId)).toEqual(new Set(['ana']));
		expect(evidenceOfRun(db, runId)).toEqual([
			expect.objectContaining({ learnerId: 'ana', accountId: ana.accountId, evidenceId }),
		]);
	});

	it('redacts secrets before the evidence is stored', () => {
		const { db } = tempGradebook();
		const { ids, runId } = setUp(db);
		const snapshot = fakeSnapshot(ana.accountId, '2026-03-02T10:00:00.000Z', {
			'lambda.functions': {
				ok: true,
				data: [{ FunctionName: 'cleanup', Environment: { Variables: { DB_PASSWORD: 'hunter2' } } }],
			},
		});
		const { evidenceId } = recordAccountGrading(db, {
			runId,
			learnerRowId: ids.get('ana') as number,
			accountId: ana.accountId,
			region: 'eu-west-1',
			startedAt: now,
			finishedAt: now,
			durationMs: 1,
			outcome: { status: 'graded', evidence: { snapshot }, results: [fakeLabResult('lab1', ana.accountId, ['pass'])] },
		});
		expect(JSON.stringify(loadEvidence(db, evidenceId as number))).not.toContain('hunter2');
	});

	it('records an account that could not be graded as an error attempt for every lab, without evidence', () => {
		const { db } = tempGradebook();
		const { ids, runId } = setUp(db);
		recordAccountGrading(db, {
			runId,
			learnerRowId: ids.get('ben') as number,
			accountId: ben.accountId,
			region: 'eu-west-1',
			startedAt: now,
			finishedAt: now,
			durationMs: 5,
			outcome: {
				status: 'error',
				error: { kind: 'assume-role', message: 'cannot assume arn:aws:iam::222222222222:role/SreLabGrader' },
				labs: [{ lab: 'lab1', title: 'Lab 1', maxScore: 100 }],
			},
		});
		expect(db.prepare('SELECT lab, outcome, score, max_score, message FROM attempts').all()).toEqual([
			{
				lab: 'lab1',
				outcome: 'error',
				score: 0,
				max_score: 100,
				message: 'cannot assume arn:aws:iam::222222222222:role/SreLabGrader',
			},
		]);
		expect(erroredAccountsOfRun(db, runId)).toEqual([
			{ learnerId: 'ben', message: 'cannot assume arn:aws:iam::222222222222:role/SreLabGrader' },
		]);
	});

	it('writes nothing of an account when a write fails half-way', () => {
		const { db } = tempGradebook();
		const { ids, runId } = setUp(db);
		grade(db, runId, ids.get('ana') as number, ana.accountId, ['pass'], '2026-03-02T10:00:00.000Z');
		// The same account twice in one run violates UNIQUE (run_id, learner_id) after the evidence insert.
		expect(() =>
			grade(db, runId, ids.get('ana') as number, ana.accountId, ['pass'], '2026-03-02T11:00:00.000Z'),
		).toThrow();
		expect(db.prepare('SELECT COUNT(*) AS n FROM evidence').get()).toEqual({ n: 1 });
		expect(db.prepare('SELECT COUNT(*) AS n FROM attempts').get()).toEqual({ n: 1 });
	});

	it('keeps every attempt and derives best, latest and first pass from them', () => {
		const { db } = tempGradebook();
		const { cohort, ids, runId } = setUp(db);
		const anaRow = ids.get('ana') as number;
		grade(db, runId, anaRow, ana.accountId, ['pass', 'fail'], '2026-03-02T10:00:00.000Z');
		finishRun(db, runId, now);
		const second = startRun(db, {
			cohortId: cohort.id,
			kind: 'grade',
			labs: ['lab1'],
			settings: {},
			plannedAccounts: 2,
			now,
		});
		grade(db, second, anaRow, ana.accountId, ['pass', 'pass'], '2026-03-03T10:00:00.000Z');
		const third = startRun(db, {
			cohortId: cohort.id,
			kind: 'grade',
			labs: ['lab1'],
			settings: {},
			plannedAccounts: 2,
			now,
		});
		grade(db, third, anaRow, ana.accountId, ['fail', 'fail'], '2026-03-04T10:00:00.000Z');

		const data = loadCompletionData(db, 'spring-2026');
		const standing = data.learners.find((learner) => learner.learnerId === 'ana')?.labs.lab1;
		expect(standing).toEqual({
			title: 'Lab lab1',
			best: { outcome: 'pass', score: 20, maxScore: 20, observedAt: '2026-03-03T10:00:00.000Z' },
			latest: { outcome: 'fail', score: 0, maxScore: 20, observedAt: '2026-03-04T10:00:00.000Z' },
			firstPassedAt: '2026-03-03T10:00:00.000Z',
			attempts: 3,
		});
		expect(findLatestGradeRun(db, cohort.id)?.id).toBe(third);
		expect(getRun(db, runId)?.finishedAt).toBe(now);
		// Ben was never graded: he is listed, with no labs.
		expect(data.learners.find((learner) => learner.learnerId === 'ben')?.labs).toEqual({});
		// The latest attempt failed both checks.
		expect(data.checkStruggles).toEqual([
			{
				lab: 'lab1',
				checkId: 'lab1-check-1',
				title: 'Check lab1-check-1',
				step: 1,
				failed: 1,
				errored: 0,
				attempted: 1,
			},
			{
				lab: 'lab1',
				checkId: 'lab1-check-2',
				title: 'Check lab1-check-2',
				step: 2,
				failed: 1,
				errored: 0,
				attempted: 1,
			},
		]);
	});

	it('lets a regrade of the same evidence supersede the earlier evaluation', () => {
		const { db } = tempGradebook();
		const { cohort, ids, runId } = setUp(db);
		const anaRow = ids.get('ana') as number;
		const { evidenceId } = grade(db, runId, anaRow, ana.accountId, ['pass', 'pass'], '2026-03-02T10:00:00.000Z');
		const regrade = startRun(db, {
			cohortId: cohort.id,
			kind: 'regrade',
			labs: ['lab1'],
			sourceRunId: runId,
			settings: {},
			plannedAccounts: 1,
			now,
		});
		recordAccountGrading(db, {
			runId: regrade,
			learnerRowId: anaRow,
			accountId: ana.accountId,
			region: 'eu-west-1',
			startedAt: now,
			finishedAt: now,
			durationMs: 1,
			outcome: {
				status: 'graded',
				evidence: { evidenceId: evidenceId as number },
				results: [fakeLabResult('lab1', ana.accountId, ['pass', 'fail'], '2026-03-02T10:00:00.000Z', now)],
			},
		});
		const standing = loadCompletionData(db).learners.find((learner) => learner.learnerId === 'ana')?.labs.lab1;
		expect(standing?.best.outcome).toBe('fail');
		expect(standing?.firstPassedAt).toBeNull();
		expect(standing?.attempts).toBe(1);
		// History is still there.
		expect(db.prepare('SELECT COUNT(*) AS n FROM attempts').get()).toEqual({ n: 2 });
		expect(db.prepare('SELECT COUNT(*) AS n FROM evidence').get()).toEqual({ n: 1 });
	});

	it('imports quiz scores idempotently and reports the best one', () => {
		const { db } = tempGradebook();
		const { ids } = setUp(db);
		const anaRow = ids.get('ana') as number;
		const scores = [
			{ quizId: 'day-1', score: 6, maxScore: 10, completedAt: '2026-03-02T09:00:00.000Z' },
			{ quizId: 'day-1', score: 9, maxScore: 10, completedAt: '2026-03-03T09:00:00.000Z' },
		];
		expect(recordQuizScores(db, anaRow, scores, 'progress.json', now)).toBe(2);
		expect(recordQuizScores(db, anaRow, scores, 'progress.json', now)).toBe(0);
		expect(loadCompletionData(db).learners.find((learner) => learner.learnerId === 'ana')?.quizzes).toEqual({
			'day-1': { score: 9, maxScore: 10, completedAt: '2026-03-03T09:00:00.000Z' },
		});
	});
});
