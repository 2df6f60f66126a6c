import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRegrade } from '../../../../graders/cli/commands/regrade.ts';
import { UsageError } from '../../../../graders/cli/io.ts';
import { parseSnapshot } from '../../../../graders/engine/snapshot.ts';
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

	it('rejects a run that does not exist', async () => {
		await expect(runRegrade({ run: '42', gradebook }, fakeCliContext().context)).rejects.toThrow(UsageError);
		await expect(runRegrade({ run: 'last', gradebook }, fakeCliContext().context)).rejects.toThrow(
			'--run expects a run number',
		);
	});
});
