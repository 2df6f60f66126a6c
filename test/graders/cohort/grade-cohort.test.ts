import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	gradeAccounts,
	LockHeldError,
	lockRun,
	registerCohort,
	startLockedRun,
} from '../../../graders/cohort/grade-cohort.ts';
import { type GradebookDb, openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { getRun } from '../../../graders/gradebook/runs.ts';
import { fakeLabResult, fakeRosterEntries, fakeSnapshot } from '../support/cohort-fixtures.ts';

let db: GradebookDb;
beforeEach(() => {
	db = openGradebook(':memory:');
});
afterEach(() => db.close());

const now = () => new Date('2026-03-02T10:00:00.000Z');

describe('gradeAccounts', () => {
	it('records every account as it finishes and marks the run finished when none is left', async () => {
		const roster = fakeRosterEntries(3);
		const cohort = registerCohort(db, 'spring', roster, now().toISOString());
		const { runId, lock } = startLockedRun(db, cohort, {
			labs: ['lab1'],
			settings: {},
			plannedAccounts: 3,
			now: now().toISOString(),
		});
		const recorded: string[] = [];
		const result = await gradeAccounts({
			db,
			runId,
			cohort,
			targets: roster,
			labs: ['lab1'],
			concurrency: 2,
			timeoutMs: 1000,
			now,
			gradeAccount: async (target) => ({
				snapshot: fakeSnapshot(target.accountId),
				results: [fakeLabResult('lab1', target.accountId, ['pass'])],
			}),
			// The account is in the gradebook by the time the callback hears of it.
			onAccountRecorded: (done) => {
				const row = db
					.prepare(
						'SELECT COUNT(*) AS n FROM attempts a JOIN learners l ON l.id = a.learner_id WHERE l.learner_key = ?',
					)
					.get(done.target.learnerId) as { n: number };
				if (row.n === 1) recorded.push(done.target.learnerId);
			},
		});
		lock.release();
		expect(result.complete).toBe(true);
		expect(recorded.sort()).toEqual(roster.map((entry) => entry.learnerId).sort());
		expect(getRun(db, runId)?.finishedAt).toBe('2026-03-02T10:00:00.000Z');
	});

	it('refuses a run whose lock another live process holds, naming it', () => {
		const roster = fakeRosterEntries(1);
		const cohort = registerCohort(db, 'spring', roster, now().toISOString());
		const { runId, lock } = startLockedRun(db, cohort, {
			labs: ['lab1'],
			settings: {},
			plannedAccounts: 1,
			now: now().toISOString(),
		});
		expect(() => lockRun(db, runId, 'spring', { pid: process.pid + 1, isAlive: () => true })).toThrow(LockHeldError);
		expect(() => lockRun(db, runId, 'spring', { pid: process.pid + 1, isAlive: () => true })).toThrow(
			/^run 1 of spring is being graded by process \d+/,
		);
		lock.release();
	});
});
