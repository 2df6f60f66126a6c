import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureCohort, upsertLearners } from '../../../graders/gradebook/cohorts.ts';
import { loadCompletionData } from '../../../graders/gradebook/completion-data.ts';
import { type GradebookDb, openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { recordQuizScores } from '../../../graders/gradebook/quiz-results.ts';
import { recordAccountGrading } from '../../../graders/gradebook/record-grading.ts';
import { startRun } from '../../../graders/gradebook/runs.ts';
import { buildCompletionMatrix, type CompletionMatrix } from '../../../graders/report/completion-matrix.ts';
import { defaultCompletionRule } from '../../../graders/report/completion-rule.ts';
import { renderCompletionCsv } from '../../../graders/report/render-csv.ts';
import { renderCompletionHtml } from '../../../graders/report/render-html.ts';
import { renderCompletionJson } from '../../../graders/report/render-json.ts';
import { fakeLabResult, fakeSnapshot } from '../support/cohort-fixtures.ts';

const now = '2026-03-05T12:00:00.000Z';
const learners = [
	{ learnerId: 'ana', name: 'Ana Lima', email: 'ana@example.org', accountId: '111111111111' },
	{ learnerId: 'ben', name: '=cmd|" /C calc"!A0', email: 'ben@example.org', accountId: '222222222222' },
	{ learnerId: 'cy', name: 'Cy <script>alert(1)</script>', email: 'cy@example.org', accountId: '333333333333' },
];

let db: GradebookDb;
let matrix: CompletionMatrix;

/** Ana passes both labs and both quizzes; Ben passes lab1 only; Cy's account could not be graded. */
function seed(): void {
	const cohort = ensureCohort(db, 'spring-2026', now);
	const ids = upsertLearners(db, cohort.id, learners, now);
	const runId = startRun(db, {
		cohortId: cohort.id,
		kind: 'grade',
		labs: ['lab1', 'lab2'],
		settings: {},
		plannedAccounts: 3,
		now,
	});
	const graded = (
		learnerId: string,
		accountId: string,
		lab1: ('pass' | 'fail')[],
		lab2: ('pass' | 'fail')[],
		at: string,
	) =>
		recordAccountGrading(db, {
			runId,
			learnerRowId: ids.get(learnerId) as number,
			accountId,
			region: 'eu-west-1',
			startedAt: at,
			finishedAt: at,
			durationMs: 10,
			outcome: {
				status: 'graded',
				evidence: { snapshot: fakeSnapshot(accountId, at) },
				results: [fakeLabResult('lab1', accountId, lab1, at), fakeLabResult('lab2', accountId, lab2, at)],
			},
		});
	graded('ana', '111111111111', ['pass', 'pass'], ['pass', 'pass'], '2026-03-03T09:30:00.000Z');
	graded('ben', '222222222222', ['pass', 'pass'], ['fail', 'pass'], '2026-03-04T10:00:00.000Z');
	recordAccountGrading(db, {
		runId,
		learnerRowId: ids.get('cy') as number,
		accountId: '333333333333',
		region: 'eu-west-1',
		startedAt: now,
		finishedAt: now,
		durationMs: 10,
		outcome: {
			status: 'error',
			error: { kind: 'assume-role', message: 'cannot assume the role' },
			labs: [
				{ lab: 'lab1', title: 'Lab lab1', maxScore: 20 },
				{ lab: 'lab2', title: 'Lab lab2', maxScore: 20 },
			],
		},
	});
	recordQuizScores(
		db,
		ids.get('ana') as number,
		[
			{ quizId: 'day-1', score: 8, maxScore: 10, completedAt: '2026-03-02T16:00:00.000Z' },
			{ quizId: 'day-2', score: 9, maxScore: 12, completedAt: '2026-03-03T16:00:00.000Z' },
		],
		'ana.json',
		now,
	);
	recordQuizScores(
		db,
		ids.get('ben') as number,
		[{ quizId: 'day-1', score: 10, maxScore: 10, completedAt: '2026-03-02T16:00:00.000Z' }],
		'ben.json',
		now,
	);
}

beforeEach(() => {
	db = openGradebook(':memory:');
	seed();
	matrix = buildCompletionMatrix(loadCompletionData(db, 'spring-2026'), {
		rule: defaultCompletionRule,
		cohort: 'spring-2026',
		generatedAt: now,
		knownLabs: [
			{ id: 'lab1', title: 'SLIs, SLOs and error budgets' },
			{ id: 'lab2', title: 'Automating toil' },
			{ id: 'lab3', title: 'Monitoring a distributed application' },
		],
	});
});
afterEach(() => db.close());

describe('completion matrix', () => {
	it('shows every learner against every lab of the course and every quiz taken', () => {
		expect(matrix.labs.map((lab) => lab.id)).toEqual(['lab1', 'lab2', 'lab3']);
		expect(matrix.quizzes).toEqual(['day-1', 'day-2']);
		const ana = matrix.rows.find((row) => row.learnerId === 'ana');
		expect(ana?.labs.lab1).toEqual({
			status: 'pass',
			bestScore: 20,
			maxScore: 20,
			firstPassedAt: '2026-03-03T09:30:00.000Z',
			lastAttemptAt: '2026-03-03T09:30:00.000Z',
			attempts: 1,
		});
		expect(ana?.labs.lab3?.status).toBe('not-attempted');
		expect(ana?.quizAveragePercent).toBe(77.5);
		// lab3 has not been done by anyone, and "all labs" includes it.
		expect(ana?.missing).toEqual(['lab3 not passed']);
		const ben = matrix.rows.find((row) => row.learnerId === 'ben');
		expect(ben?.labs.lab2).toMatchObject({ status: 'fail', bestScore: 10, maxScore: 20, firstPassedAt: null });
		expect(ben?.missing).toEqual(['lab2 not passed', 'lab3 not passed', 'quiz average 50 % < 70 % (not taken: day-2)']);
		expect(matrix.rows.find((row) => row.learnerId === 'cy')?.labs.lab1?.status).toBe('error');
	});

	it('counts completion per lab and failures per check', () => {
		expect(matrix.labCompletion).toEqual([
			{ lab: 'lab1', title: 'SLIs, SLOs and error budgets', passed: 2, attempted: 3, learners: 3 },
			{ lab: 'lab2', title: 'Automating toil', passed: 1, attempted: 3, learners: 3 },
			{ lab: 'lab3', title: 'Monitoring a distributed application', passed: 0, attempted: 0, learners: 3 },
		]);
		expect(matrix.checkStruggles.find((struggle) => struggle.checkId === 'lab2-check-1')).toMatchObject({
			failed: 1,
			attempted: 2,
		});
	});

	it('completes a learner under a rule limited to the labs they did', () => {
		const limited = buildCompletionMatrix(loadCompletionData(db, 'spring-2026'), {
			rule: { labs: ['lab1', 'lab2'], quizzes: 'all', minQuizAveragePercent: 70 },
			cohort: 'spring-2026',
			generatedAt: now,
		});
		expect(limited.rows.filter((row) => row.complete).map((row) => row.learnerId)).toEqual(['ana']);
		expect(limited.completeCount).toBe(1);
	});
});

describe('CSV report', () => {
	it('has one row per learner with stable column names, dates of first pass and safe cells', () => {
		const rows = parse(renderCompletionCsv(matrix), { columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0] ?? {})).toEqual([
			'cohort',
			'learner_id',
			'name',
			'email',
			'account_id',
			'complete',
			'missing',
			'quiz_average_percent',
			'lab1_status',
			'lab1_score',
			'lab1_max_score',
			'lab1_first_passed_on',
			'lab2_status',
			'lab2_score',
			'lab2_max_score',
			'lab2_first_passed_on',
			'lab3_status',
			'lab3_score',
			'lab3_max_score',
			'lab3_first_passed_on',
			'quiz_day-1_percent',
			'quiz_day-1_completed_on',
			'quiz_day-2_percent',
			'quiz_day-2_completed_on',
		]);
		expect(rows[0]).toMatchObject({
			learner_id: 'ana',
			complete: 'no',
			lab1_status: 'pass',
			lab1_score: '20',
			lab1_first_passed_on: '2026-03-03',
			lab3_status: 'not-attempted',
			lab3_score: '',
			'quiz_day-2_percent': '75',
		});
		// The formula-shaped name is neutralised, not executed.
		expect(rows[1]?.name).toBe(`'=cmd|" /C calc"!A0`);
	});
});

describe('JSON report', () => {
	it('is the documented matrix', () => {
		const json = JSON.parse(renderCompletionJson(matrix));
		expect(json).toMatchObject({
			format: 'sre-completion-report',
			version: 1,
			cohort: 'spring-2026',
			completeCount: 0,
		});
		expect(json.rows).toHaveLength(3);
	});
});

describe('HTML report', () => {
	const html = () => renderCompletionHtml(matrix);

	it('is one self-contained file: inline style and script, nothing fetched', () => {
		expect(html()).toMatch(/^<!doctype html>/);
		expect(html()).toContain('<style>');
		expect(html()).not.toMatch(/<link\b|<script\s+src|<img\b|@import|url\(/);
		// Nothing that could reach the network: no absolute or protocol-relative address anywhere.
		expect(html()).not.toMatch(/https?:\/\/|\s(?:src|href|action)=|"\/\//i);
	});

	it('uses accessible table markup for a sortable matrix', () => {
		const text = html();
		expect(text).toContain('<caption id="learners-caption">Learners (3)</caption>');
		expect(text).toContain(
			'<th scope="col"><button type="button">Learner<span class="sort-icon" aria-hidden="true"></span></button></th>',
		);
		expect(text).toContain(
			'<th scope="col" data-type="number"><button type="button">Quiz average<span class="sort-icon" aria-hidden="true"></span></button></th>',
		);
		expect(text.match(/<th scope="row"/g)?.length).toBeGreaterThanOrEqual(3);
		expect(text).toContain('aria-sort');
		expect(text).toContain('aria-live="polite"');
	});

	it('charts completion per lab and lists where learners struggle', () => {
		const text = html();
		expect(text).toContain('2 of 3 passed (67 %), 1 still working');
		expect(text).toContain('0 of 3 passed (0 %)');
		expect(text).toContain("Checks not passed in each learner's latest attempt");
		expect(text).toContain('lab2-check-1');
	});

	it('escapes everything learners typed', () => {
		expect(html()).not.toContain('<script>alert(1)</script>');
		expect(html()).toContain('Cy &lt;script&gt;alert(1)&lt;/script&gt;');
	});
});

describe('summary figures and learners at risk', () => {
	it('gives completion %, the average quiz score and who is at risk', () => {
		expect(matrix.completionPercent).toBe(0);
		// Ana 77.5, Ben 50 (day-2 not taken counts 0), Cy 0.
		expect(matrix.averageQuizPercent).toBe(42.5);
		// Only Cy (no progress ever) is incomplete with no progress within 7 days of 2026-03-05.
		expect(matrix.rows.filter((row) => row.atRisk).map((row) => row.learnerId)).toEqual(['cy']);
		expect(matrix.rows.find((row) => row.learnerId === 'ana')?.lastProgressAt).toBe('2026-03-03T16:00:00.000Z');
	});

	it('takes the at-risk window from the options', () => {
		const strict = buildCompletionMatrix(loadCompletionData(db, 'spring-2026'), {
			rule: defaultCompletionRule,
			cohort: 'spring-2026',
			generatedAt: now,
			knownLabs: matrix.labs,
			atRiskDays: 1.5,
		});
		// Cut-off 2026-03-04T00:00: Ana's last step (03-03) is before it, Ben's (03-04 10:00) after.
		expect(strict.rows.filter((row) => row.atRisk).map((row) => row.learnerId)).toEqual(['ana', 'cy']);
		expect(strict.atRiskCount).toBe(2);
	});

	it('lists the attempts that could not be graded with the stored account error', () => {
		expect(matrix.couldNotGrade).toEqual([
			expect.objectContaining({ learnerId: 'cy', lab: 'lab1', kind: 'assume-role', message: 'cannot assume the role' }),
			expect.objectContaining({ learnerId: 'cy', lab: 'lab2', kind: 'assume-role' }),
		]);
	});
});

describe('HTML report for programme managers', () => {
	const html = () => renderCompletionHtml(matrix);

	it('puts the summary figures at the top', () => {
		const text = html();
		expect(text.indexOf('<dl class="figures">')).toBeLessThan(text.indexOf('<h2>Learners</h2>'));
		expect(text).toContain('<dt>Completion</dt><dd><span class="figure">0 %</span>');
		expect(text).toContain('<dt>Average quiz score</dt><dd><span class="figure">42.5 %</span>');
		expect(text).toContain('<dt>Learners at risk</dt><dd><span class="figure">1</span>');
	});

	it('heads lab columns "Lab 1" with the full title in a tip, and summarises quizzes in one column', () => {
		const text = html();
		expect(text).toContain(
			'<button type="button">Lab 1<span class="tip"><span class="visually-hidden">: </span>SLIs, SLOs and error budgets</span>',
		);
		expect(text).not.toContain('Quiz day-1</button>');
		expect(text).toContain('<summary>2 of 2 taken<span class="visually-hidden"> by Ana Lima</span></summary>');
	});

	it('sorts struggles by failures and hides checks nobody failed, saying how many', () => {
		const text = html();
		const struggles = text.slice(
			text.indexOf('<h2>Where the cohort struggles</h2>'),
			text.indexOf('<h2>Could not grade'),
		);
		expect(struggles).toContain('lab2-check-1');
		expect(struggles).not.toContain('lab1-check-1');
		expect(struggles).toContain('3 checks that every graded learner passed are not listed.');
	});

	it('says why an account could not be graded and what to do, grouped by cause', () => {
		const text = html();
		const section = text.slice(text.indexOf('<h2>Could not grade</h2>'));
		expect(section).toContain('Grader role not deployed, not trusting you, or ExternalId mismatch');
		expect(section).toContain('<strong>Fix:</strong> Ask the learner to deploy labs/grader-role/template.yaml');
		expect(section.match(/<h3 /g)).toHaveLength(1);
		expect(section).toContain('Cy &lt;script&gt;');
	});
});
