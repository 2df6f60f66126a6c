import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ReportOptions, reportFormat, runReport } from '../../../../graders/cli/commands/report.ts';
import { UsageError } from '../../../../graders/cli/io.ts';
import { ensureCohort, upsertLearners } from '../../../../graders/gradebook/cohorts.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import { recordQuizScores } from '../../../../graders/gradebook/quiz-results.ts';
import { recordAccountGrading } from '../../../../graders/gradebook/record-grading.ts';
import { startRun } from '../../../../graders/gradebook/runs.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';
import { fakeLabResult, fakeSnapshot } from '../../support/cohort-fixtures.ts';

const now = '2026-11-22T13:00:00.000Z';
let scratch: ReturnType<typeof scratchDirectory>;
let gradebook: string;

beforeEach(() => {
	scratch = scratchDirectory();
	gradebook = scratch.path('gradebook.sqlite');
	const db = openGradebook(gradebook);
	const cohort = ensureCohort(db, 'spring-2026', now);
	const ids = upsertLearners(
		db,
		cohort.id,
		[{ learnerId: 'ana', name: 'Ana', email: 'ana@example.org', accountId: '111111111111' }],
		now,
	);
	const runId = startRun(db, {
		cohortId: cohort.id,
		kind: 'grade',
		labs: ['lab1'],
		settings: {},
		plannedAccounts: 1,
		now,
	});
	recordAccountGrading(db, {
		runId,
		learnerRowId: ids.get('ana') as number,
		accountId: '111111111111',
		region: 'eu-west-1',
		startedAt: now,
		finishedAt: now,
		durationMs: 1,
		outcome: {
			status: 'graded',
			evidence: { snapshot: fakeSnapshot('111111111111', now) },
			results: [fakeLabResult('lab1', '111111111111', ['pass'], now)],
		},
	});
	recordQuizScores(
		db,
		ids.get('ana') as number,
		[{ quizId: 'day-1', score: 9, maxScore: 10, completedAt: now }],
		'ana.json',
		now,
	);
	db.close();
});
afterEach(() => scratch.remove());

function options(overrides: Partial<ReportOptions> = {}): ReportOptions {
	return { requireLabs: 'all', requireQuizzes: 'all', minQuizAverage: '70', gradebook, ...overrides };
}

describe('report', () => {
	it('prints CSV by default, with every registered lab as columns', async () => {
		const cli = fakeCliContext();
		await runReport(options({ cohort: 'spring-2026' }), cli.context);
		const [row] = parse(cli.stdout(), { columns: true }) as Record<string, string>[];
		expect(row).toMatchObject({
			learner_id: 'ana',
			lab1_status: 'pass',
			lab1_first_passed_on: '2026-11-22',
			'quiz_day-1_percent': '90',
		});
		expect(Object.keys(row ?? {}).filter((column) => column.endsWith('_status'))).toEqual([
			'lab1_status',
			'lab2_status',
			'lab3_status',
			'lab4_status',
		]);
		expect(row).toMatchObject({ lab4_status: 'not-attempted' });
	});

	it('applies the completion rule from the flags', async () => {
		const cli = fakeCliContext();
		await runReport(options({ requireLabs: 'lab1', minQuizAverage: '95', format: 'json' }), cli.context);
		const report = JSON.parse(cli.stdout());
		expect(report.ruleText).toBe('lab1 passed and quiz average ≥ 95 %');
		expect(report.rows[0].missing).toEqual(['quiz average 90 % < 95 %']);

		const lenient = fakeCliContext();
		await runReport(options({ requireLabs: 'lab1', minQuizAverage: '90', format: 'json' }), lenient.context);
		expect(JSON.parse(lenient.stdout()).rows[0].complete).toBe(true);
	});

	it('takes the at-risk window from --at-risk-days, and refuses one that is not a whole number of days', async () => {
		const cli = fakeCliContext();
		await runReport(options({ format: 'json', atRiskDays: '30' }), cli.context);
		expect(JSON.parse(cli.stdout()).atRiskDays).toBe(30);
		await expect(runReport(options({ atRiskDays: '0' }), fakeCliContext().context)).rejects.toThrow(
			/--at-risk-days expects a whole number of days from 1 to 365, got "0"/,
		);
	});

	it('writes an HTML file chosen by its extension', async () => {
		const output = scratch.path('spring.html');
		const cli = fakeCliContext();
		await runReport(options({ cohort: 'spring-2026', output }), cli.context);
		expect(readFileSync(output, 'utf8')).toContain('<title>Completion report: spring-2026</title>');
		expect(cli.stderr()).toContain(`Wrote ${output}: 0 of 1 learners complete`);
	});

	it('rejects unknown cohorts, formats and thresholds', async () => {
		await expect(runReport(options({ cohort: 'nope' }), fakeCliContext().context)).rejects.toThrow(
			'there is no cohort "nope"',
		);
		await expect(runReport(options({ minQuizAverage: 'lots' }), fakeCliContext().context)).rejects.toThrow(UsageError);
		await expect(runReport(options({ minQuizAverage: '150' }), fakeCliContext().context)).rejects.toThrow(UsageError);
		expect(() => reportFormat('pdf', undefined)).toThrow('--format expects csv, json or html');
		expect(reportFormat(undefined, 'out.HTM')).toBe('html');
		expect(reportFormat(undefined, undefined)).toBe('csv');
	});
});
