import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRegrade } from '../../../../graders/cli/commands/regrade.ts';
import { UsageError } from '../../../../graders/cli/io.ts';
import { parseSnapshot } from '../../../../graders/engine/snapshot.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { ensureCohort, upsertLearners } from '../../../../graders/gradebook/cohorts.ts';
import { loadCompletionData } from '../../../../graders/gradebook/completion-data.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import { recordAccountGrading } from '../../../../graders/gradebook/record-grading.ts';
import { finishRun, startRun } from '../../../../graders/gradebook/runs.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';
import { fakeLabResult } from '../../support/cohort-fixtures.ts';

const passingSnapshot = parseSnapshot(
	readFileSync(new URL('../../../fixtures/snapshots/lab1/passing.json', import.meta.url), 'utf8'),
	'passing.json',
);
const now = '2026-11-22T13:00:00.000Z';

let scratch: ReturnType<typeof scratchDirectory>;
let gradebook: string;

/**
 * Run 1 as a buggy grader left it: Ana's account really completed Lab 1 (the committed passing
 * snapshot), but the recorded result says two checks failed. Ben's role could not be assumed.
 */
function seedBuggyRun(): void {
	const db = openGradebook(gradebook);
	const cohort = ensureCohort(db, 'spring-2026', now);
	const ids = upsertLearners(
		db,
		cohort.id,
		[
			{ learnerId: 'ana', name: 'Ana', email: 'ana@example.org', accountId: '123456789012' },
			{ learnerId: 'ben', name: 'Ben', email: 'ben@example.org', accountId: '222222222222' },
		],
		now,
	);
	const runId = startRun(db, {
		cohortId: cohort.id,
		kind: 'grade',
		labs: ['lab1'],
		settings: {},
		plannedAccounts: 2,
		now,
	});
	recordAccountGrading(db, {
		runId,
		learnerRowId: ids.get('ana') as number,
		accountId: '123456789012',
		region: 'eu-west-1',
		startedAt: now,
		finishedAt: now,
		durationMs: 1,
		outcome: {
			status: 'graded',
			evidence: { snapshot: passingSnapshot },
			results: [fakeLabResult('lab1', '123456789012', ['pass', 'fail', 'fail'], passingSnapshot.collectedAt)],
		},
	});
	recordAccountGrading(db, {
		runId,
		learnerRowId: ids.get('ben') as number,
		accountId: '222222222222',
		region: 'eu-west-1',
		startedAt: now,
		finishedAt: now,
		durationMs: 1,
		outcome: {
			status: 'error',
			error: { kind: 'assume-role', message: 'cannot assume the role' },
			labs: [{ lab: 'lab1', title: 'Lab 1', maxScore: 100 }],
		},
	});
	finishRun(db, runId, now);
	db.close();
}

/**
 * Run 2: Cy's evidence was collected before the `ssm.sre-lab-parameters` read existed (and under a
 * collector id that has since been renamed), and Dee's evidence is in a format this version cannot read.
 */
function seedOutdatedRun(): void {
	const db = openGradebook(gradebook);
	const cohort = ensureCohort(db, 'spring-2026', now);
	const ids = upsertLearners(
		db,
		cohort.id,
		[
			{ learnerId: 'cy', name: 'Cy', email: 'cy@example.org', accountId: '333333333333' },
			{ learnerId: 'dee', name: 'Dee', email: 'dee@example.org', accountId: '444444444444' },
		],
		now,
	);
	const runId = startRun(db, {
		cohortId: cohort.id,
		kind: 'grade',
		labs: ['lab1'],
		settings: {},
		plannedAccounts: 2,
		now,
	});
	const { 'ssm.sre-lab-parameters': parameters, ...otherReads } = passingSnapshot.reads;
	const older: Snapshot = { ...passingSnapshot, reads: { ...otherReads, 'ssm.parameters': parameters as never } };
	for (const [learner, accountId] of [
		['cy', '333333333333'],
		['dee', '444444444444'],
	] as const) {
		recordAccountGrading(db, {
			runId,
			learnerRowId: ids.get(learner) as number,
			accountId,
			region: 'eu-west-1',
			startedAt: now,
			finishedAt: now,
			durationMs: 1,
			outcome: {
				status: 'graded',
				evidence: { snapshot: older },
				results: [fakeLabResult('lab1', accountId, ['pass', 'pass', 'pass'], older.collectedAt)],
			},
		});
	}
	db.prepare(
		'UPDATE evidence SET snapshot = ? WHERE id = (SELECT evidence_id FROM account_gradings WHERE run_id = ? AND account_id = ?)',
	).run(gzipSync(JSON.stringify({ format: 'sre-lab-snapshot', version: 0, reads: {} })), runId, '444444444444');
	finishRun(db, runId, now);
	db.close();
}

beforeEach(() => {
	scratch = scratchDirectory();
	gradebook = scratch.path('gradebook.sqlite');
	seedBuggyRun();
});
afterEach(() => scratch.remove());

describe('regrade', () => {
	it('grades the stored evidence again and lets the new result count', async () => {
		const cli = fakeCliContext();
		await runRegrade({ run: '1', gradebook }, cli.context);
		expect(cli.stdout()).toContain(
			'Run 2 regraded 1 account of run 1 (cohort spring-2026) from stored evidence, without calling AWS.',
		);
		expect(cli.stdout()).toMatch(/ana lab1: fail 10 → pass \d+\/\d+/);
		expect(cli.stdout()).toContain('1 account of run 1 could not be graded then and have no evidence: ben.');
		// Ben still has no result, so the regrade run is not a clean pass.
		expect(cli.exitCode()).toBe(2);

		const db = openGradebook(gradebook);
		const ana = loadCompletionData(db).learners.find((learner) => learner.learnerId === 'ana');
		expect(ana?.labs.lab1?.best.outcome).toBe('pass');
		expect(ana?.labs.lab1?.firstPassedAt).toBe(passingSnapshot.collectedAt);
		expect(db.prepare('SELECT kind, source_run_id FROM runs WHERE id = 2').get()).toEqual({
			kind: 'regrade',
			source_run_id: 1,
		});
		db.close();
	});

	it('says so when nothing changed', async () => {
		await runRegrade({ run: '1', gradebook }, fakeCliContext().context);
		const again = fakeCliContext();
		await runRegrade({ run: '2', gradebook }, again.context);
		expect(again.stdout()).toContain('No result changed.');
		expect(again.exitCode()).toBe(0);
	});

	it('records evidence that lacks reads or cannot be read as could-not-grade, never as a failure', async () => {
		seedOutdatedRun();
		const cli = fakeCliContext();
		await runRegrade({ run: '2', gradebook }, cli.context);
		expect(cli.exitCode()).toBe(2);
		expect(cli.stdout()).toContain('  lab1: 0 passed, 0 not yet, 2 could not be graded');
		expect(cli.stdout()).toContain(
			'Evidence collected by an older sre-lab lacks reads the current graders need (1); checks that need them and do not pass are recorded as could not grade. Grade these accounts again with `sre-lab grade`:\n  cy: no ssm.sre-lab-parameters',
		);
		expect(cli.stdout()).toMatch(
			/dee \(444444444444\) other: evidence \d+ is not an sre-lab snapshot .*`sre-lab grade`/,
		);

		const db = openGradebook(gradebook);
		const attempts = db
			.prepare(
				`SELECT l.learner_key AS learner, a.outcome FROM attempts a JOIN learners l ON l.id = a.learner_id
				WHERE a.run_id = 3 ORDER BY l.learner_key`,
			)
			.all();
		expect(attempts).toEqual([
			{ learner: 'cy', outcome: 'error' },
			{ learner: 'dee', outcome: 'error' },
		]);
		const checks = db
			.prepare(
				`SELECT c.check_id, c.status, c.message FROM check_results c JOIN attempts a ON a.id = c.attempt_id
				WHERE a.run_id = 3 AND c.check_id = 'slo-recorded'`,
			)
			.all() as { check_id: string; status: string; message: string }[];
		expect(checks).toEqual([
			{
				check_id: 'slo-recorded',
				status: 'error',
				message: expect.stringMatching(/^The snapshot has no "ssm\.sre-lab-parameters".* older sre-lab/),
			},
		]);
		// Checks whose reads are all there are still graded from the evidence.
		const statuses = db
			.prepare(
				`SELECT DISTINCT c.status FROM check_results c JOIN attempts a ON a.id = c.attempt_id
				WHERE a.run_id = 3 ORDER BY c.status`,
			)
			.all()
			.map((row) => (row as { status: string }).status);
		expect(statuses).not.toContain('fail');
		expect(statuses).toContain('pass');
		db.close();
	});

	it('rejects a run that does not exist', async () => {
		await expect(runRegrade({ run: '42', gradebook }, fakeCliContext().context)).rejects.toThrow(UsageError);
		await expect(runRegrade({ run: 'last', gradebook }, fakeCliContext().context)).rejects.toThrow(
			'--run expects a run number',
		);
	});
});
