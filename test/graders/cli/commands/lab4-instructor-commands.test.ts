/**
 * Lab 4 on the instructor path with the real engine: roster → assume-role credentials → Lab 4's
 * collectors (AWS FIS through its own, older SDK core, Config, Automation, OpsCenter…) against a
 * simulated account → gradebook → regrade without AWS → report with Lab 4's columns; and a watch
 * round over the same account, whose grid has a column per Lab 4 check.
 */
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GradeDependencies, runGrade } from '../../../../graders/cli/commands/grade.ts';
import { runRegrade } from '../../../../graders/cli/commands/regrade.ts';
import { runReport } from '../../../../graders/cli/commands/report.ts';
import { liveColumns, runWatch } from '../../../../graders/cli/commands/watch.ts';
import { createEngineGrader } from '../../../../graders/cohort/engine-grader.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import { accountId, collectedAt, completeLab4Account, mockLab4Account } from '../../labs/lab4/support/lab4-account.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';
import { testCredentials } from '../../support/collect-lab1.ts';

type Lab4Mocks = ReturnType<typeof mockLab4Account>;

let scratch: ReturnType<typeof scratchDirectory>;
let mocks: Lab4Mocks;
beforeEach(() => {
	scratch = scratchDirectory();
	mocks = mockLab4Account(completeLab4Account());
});
afterEach(() => {
	mocks.restore();
	scratch.remove();
});

/** Every SDK call the simulated account answered, over all its mocked clients. */
function totalCalls(account: Lab4Mocks): number {
	return Object.values(account as object)
		.filter((mock): mock is { calls(): unknown[] } => typeof mock === 'object' && mock !== null && 'calls' in mock)
		.reduce((sum, mock) => sum + mock.calls().length, 0);
}

const realEngine: GradeDependencies = {
	createGrader: async ({ labs, windowMs }) =>
		createEngineGrader({
			labs,
			windowMs,
			now: () => collectedAt,
			credentialsFor: () => async () => testCredentials,
		}),
	onInterrupt: () => () => {},
	progressStream: () => ({ write: () => true }),
};

const rosterText = `learner_id,name,email,account_id\nana,Ana Lima,ana@example.org,${accountId}\n`;

describe('grade lab4 with the real engine', () => {
	it('grades a learner who did the game day, stores the evidence, regrades it without AWS and reports the pass', async () => {
		const roster = scratch.file('spring-2026.csv', rosterText);
		const gradebook = scratch.path('gradebook.sqlite');
		const grade = fakeCliContext();
		await runGrade(
			undefined,
			{
				labs: 'lab4',
				roster,
				gradebook,
				roleName: 'SreLabGrader',
				externalId: 'spring',
				region: 'eu-west-1',
				concurrency: '2',
				timeout: '30',
			},
			grade.context,
			realEngine,
		);
		expect(grade.stdout()).toContain('lab4: 1 passed, 0 not yet, 0 could not be graded');
		expect(grade.exitCode()).toBe(0);
		// The FIS client is mocked like the others: its reads reached the simulated account.
		expect(mocks.fis.calls().length).toBeGreaterThan(0);

		const callsAfterGrading = totalCalls(mocks);
		expect(callsAfterGrading).toBeGreaterThan(mocks.fis.calls().length);
		const regrade = fakeCliContext();
		await runRegrade({ run: '1', gradebook }, regrade.context);
		expect(regrade.stdout()).toContain('No result changed.');
		expect(totalCalls(mocks)).toBe(callsAfterGrading);

		const report = fakeCliContext();
		await runReport({ gradebook, requireLabs: 'lab4', requireQuizzes: 'none', minQuizAverage: '70' }, report.context);
		const [row] = parse(report.stdout(), { columns: true }) as Record<string, string>[];
		expect(row).toMatchObject({
			learner_id: 'ana',
			complete: 'yes',
			lab4_status: 'pass',
			lab4_score: '70',
			lab4_max_score: '70',
			lab4_first_passed_on: collectedAt.toISOString().slice(0, 10),
			lab1_status: 'not-attempted',
		});
	});
});

describe('watch lab4', () => {
	it('has a grid column per Lab 4 check, in step order, after the other watched labs', () => {
		const columns = liveColumns(['lab1', 'lab4']);
		const lab4 = columns.filter((column) => column.lab === 'lab4');
		expect(lab4.map((column) => column.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(lab4[0]?.checkId).toBe('experiment-template-ready');
		expect(lab4.at(-1)?.checkId).toBe('postmortem-recorded');
		expect(columns.findIndex((column) => column.lab === 'lab4')).toBe(liveColumns(['lab1']).length);
	});

	it('grades the cohort with the real engine and records the pass of every Lab 4 check', async () => {
		const cli = fakeCliContext();
		await runWatch(
			'lab4',
			{
				roster: scratch.file('spring.csv', rosterText),
				roleName: 'SreLabGrader',
				externalId: 'spring-2026',
				region: 'eu-west-1',
				concurrency: '1',
				timeout: '30',
				gradebook: scratch.path('gradebook.sqlite'),
				every: '1s',
				stuckAfter: '15m',
				port: '0',
				host: '127.0.0.1',
				grace: '5s',
				rounds: '1',
			},
			cli.context,
			realEngine,
		);
		expect(cli.exitCode()).toBe(0);
		expect(cli.stderr()).toContain('(lab4)');
		const db = openGradebook(scratch.path('gradebook.sqlite'));
		try {
			const attempts = db.prepare('SELECT lab, outcome, score, max_score FROM attempts').all();
			expect(attempts).toEqual([{ lab: 'lab4', outcome: 'pass', score: 70, max_score: 70 }]);
			const checks = db.prepare('SELECT check_id, status FROM check_results ORDER BY position').all();
			expect(checks).toEqual(liveColumns(['lab4']).map((column) => ({ check_id: column.checkId, status: 'pass' })));
		} finally {
			db.close();
		}
	});
});
