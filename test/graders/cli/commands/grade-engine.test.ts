/**
 * The whole instructor path with the real engine: roster → assume-role credentials per account →
 * Lab 1 collectors against a simulated account (aws-sdk-client-mock) → gradebook → regrade → report.
 */
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGrade } from '../../../../graders/cli/commands/grade.ts';
import { runRegrade } from '../../../../graders/cli/commands/regrade.ts';
import { runReport } from '../../../../graders/cli/commands/report.ts';
import { createEngineGrader } from '../../../../graders/cohort/engine-grader.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';
import { testCredentials } from '../../support/collect-lab1.ts';
import {
	accountId,
	collectedAt,
	completeLab1Account,
	type MockedClients,
	mockLab1Account,
} from '../../support/lab1-account.ts';

let scratch: ReturnType<typeof scratchDirectory>;
let mocks: MockedClients;
beforeEach(() => {
	scratch = scratchDirectory();
	mocks = mockLab1Account(completeLab1Account());
});
afterEach(() => {
	mocks.restore();
	scratch.remove();
});

describe('grade with the real engine', () => {
	it('grades, stores evidence, regrades it without AWS and reports the pass', async () => {
		const roster = scratch.file(
			'spring-2026.csv',
			`learner_id,name,email,account_id\nana,Ana Lima,ana@example.org,${accountId}\n`,
		);
		const gradebook = scratch.path('gradebook.sqlite');
		const credentialRequests: string[] = [];
		const grade = fakeCliContext();
		await runGrade(
			'lab1',
			{
				roster,
				gradebook,
				roleName: 'SreLabGrader',
				externalId: 'spring',
				region: 'eu-west-1',
				concurrency: '2',
				timeout: '30',
			},
			grade.context,
			{
				createGrader: async ({ labs, windowMs }) =>
					createEngineGrader({
						labs,
						windowMs,
						now: () => collectedAt,
						credentialsFor: (target) => async () => {
							credentialRequests.push(target.roleArn);
							return testCredentials;
						},
					}),
				onInterrupt: () => () => {},
				progressStream: () => ({ write: () => true }),
			},
		);
		expect(grade.stdout()).toContain('lab1: 1 passed, 0 not yet, 0 could not be graded');
		expect(grade.exitCode()).toBe(0);
		expect(new Set(credentialRequests)).toEqual(new Set([`arn:aws:iam::${accountId}:role/SreLabGrader`]));

		const callsAfterGrading = mocks.totalCalls();
		const regrade = fakeCliContext();
		await runRegrade({ run: '1', gradebook }, regrade.context);
		expect(regrade.stdout()).toContain('No result changed.');
		expect(mocks.totalCalls()).toBe(callsAfterGrading);

		const report = fakeCliContext();
		await runReport({ gradebook, requireLabs: 'lab1', requireQuizzes: 'none', minQuizAverage: '70' }, report.context);
		const [row] = parse(report.stdout(), { columns: true }) as Record<string, string>[];
		expect(row).toMatchObject({
			learner_id: 'ana',
			complete: 'yes',
			lab1_status: 'pass',
			lab1_first_passed_on: collectedAt.toISOString().slice(0, 10),
		});
	});
});
