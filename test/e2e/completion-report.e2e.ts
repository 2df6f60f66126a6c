/**
 * The instructor's HTML completion report, opened in Chromium: no WCAG 2.2 AA violations, and the
 * table sorts by mouse and by keyboard, saying so through aria-sort and the live region. A full-size
 * cohort report (four labs, eight quizzes, 33 checks) fits 1280 px with every column in view and
 * a 375 px phone without the page scrolling sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { CheckStruggle, CompletionData, LearnerRecordForReport } from '../../graders/gradebook/completion-data.ts';
import { buildCompletionMatrix } from '../../graders/report/completion-matrix.ts';
import { defaultCompletionRule } from '../../graders/report/completion-rule.ts';
import { renderCompletionHtml } from '../../graders/report/render-html.ts';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage, type PageProblems } from './support/browser.ts';

function learner(learnerId: string, name: string, quizPercent: number, passed: boolean): LearnerRecordForReport {
	const at = '2026-11-20T10:00:00.000Z';
	return {
		cohort: 'spring-2026',
		learnerId,
		name,
		email: `${learnerId}@example.org`,
		accountId: '123456789012',
		labs: {
			lab1: {
				title: 'SLIs, SLOs and error budgets',
				best: { outcome: passed ? 'pass' : 'fail', score: passed ? 100 : 40, maxScore: 100, observedAt: at },
				latest: { outcome: passed ? 'pass' : 'fail', score: passed ? 100 : 40, maxScore: 100, observedAt: at },
				firstPassedAt: passed ? at : null,
				attempts: 1,
			},
		},
		quizzes: { 'day-1': { score: quizPercent, maxScore: 100, completedAt: at } },
	};
}

const data: CompletionData = {
	learners: [
		learner('ben', 'Ben Okafor', 55, false),
		learner('ana', 'Ana Lima', 90, true),
		learner('cai', 'Cai Wen', 72, true),
	],
	labTitles: { lab1: 'SLIs, SLOs and error budgets' },
	checkStruggles: [
		{
			lab: 'lab1',
			checkId: 'lab1.error-filter',
			title: 'A metric filter counts server errors',
			step: 5,
			failed: 1,
			errored: 0,
			attempted: 3,
		},
	],
};
const html = renderCompletionHtml(
	buildCompletionMatrix(data, {
		rule: defaultCompletionRule,
		cohort: 'spring-2026',
		generatedAt: '2026-11-22T12:00:00.000Z',
		knownLabs: [{ id: 'lab1', title: 'SLIs, SLOs and error budgets' }],
	}),
);

let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	({ page, problems } = await newWatchedPage(browser));
	await page.setContent(html);
});

async function learnerNames(): Promise<string[]> {
	// The learners table is the first sortable table; its row headers carry the names.
	return page
		.locator('table[data-sortable]')
		.first()
		.locator('tbody th[scope="row"]')
		.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-sort') ?? ''));
}

async function sortState(label: string): Promise<string | null> {
	return page.getByRole('columnheader', { name: label, exact: true }).getAttribute('aria-sort');
}

describe('HTML completion report', () => {
	test('has no WCAG 2.2 AA violations and loads without errors', async () => {
		expect(await axeViolations(page)).toEqual([]);
		expect(problems.messages).toEqual([]);
	});

	test('sorts by a numeric column with the mouse, both ways', async () => {
		const button = page.getByRole('button', { name: 'Quiz average', exact: true });
		await button.click();
		expect(await sortState('Quiz average')).toBe('ascending');
		expect(await learnerNames()).toEqual(['Ben Okafor', 'Cai Wen', 'Ana Lima']);
		await button.click();
		expect(await sortState('Quiz average')).toBe('descending');
		expect(await learnerNames()).toEqual(['Ana Lima', 'Cai Wen', 'Ben Okafor']);
		await expect.poll(() => page.locator('#sort-status').textContent()).toContain('sorted by Quiz average, descending');
	});

	test('sorts by name from the keyboard, and only the sorted column carries aria-sort', async () => {
		await page.getByRole('button', { name: 'Quiz average', exact: true }).click();
		await page.getByRole('button', { name: 'Learner', exact: true }).focus();
		await page.keyboard.press('Enter');
		expect(await sortState('Learner')).toBe('ascending');
		expect(await sortState('Quiz average')).toBeNull();
		expect(await learnerNames()).toEqual(['Ana Lima', 'Ben Okafor', 'Cai Wen']);
	});
});

const labs = [
	{ id: 'lab1', title: 'SLIs, SLOs and error budgets with CloudWatch metric filters and alarms' },
	{ id: 'lab2', title: 'Automating toil with Systems Manager, EventBridge Scheduler and Lambda' },
	{ id: 'lab3', title: 'Monitoring a distributed application with X-Ray and Application Signals' },
	{ id: 'lab4', title: 'Game day: inject a fault, detect it, remediate it automatically and learn from it' },
];
const quizzes = ['day-1', 'day-2', 'day-3', 'module-01', 'module-02', 'module-03', 'module-04', 'module-05'];

function fullLearner(index: number): LearnerRecordForReport {
	const at = `2026-11-${String(10 + (index % 10)).padStart(2, '0')}T10:00:00.000Z`;
	// Every fourth learner has passed every lab; the others are part-way.
	const passes = index % 4 === 3 ? labs.length : index % 4;
	const standing = (passed: boolean) => ({
		title: 'x',
		best: {
			outcome: passed ? ('pass' as const) : ('fail' as const),
			score: passed ? 20 : 5,
			maxScore: 20,
			observedAt: at,
		},
		latest: {
			outcome: passed ? ('pass' as const) : ('fail' as const),
			score: passed ? 20 : 5,
			maxScore: 20,
			observedAt: at,
		},
		firstPassedAt: passed ? at : null,
		attempts: 2,
	});
	return {
		cohort: 'autumn-2026-workforce-programme',
		learnerId: `learner-${index}`,
		name: `Learner Number ${index} Long-Surname-Hyphenated`,
		email: `learner.number.${index}.with.a.long.address@training-provider.example.org`,
		accountId: '123456789012',
		labs: Object.fromEntries(labs.map((lab, position) => [lab.id, standing(position < passes)])),
		quizzes: Object.fromEntries(
			quizzes.slice(0, index % 9).map((quiz) => [quiz, { score: 7 + (index % 4), maxScore: 10, completedAt: at }]),
		),
	};
}

const struggles: CheckStruggle[] = Array.from({ length: 33 }, (_, index) => ({
	lab: labs[index % 4]?.id ?? 'lab1',
	checkId: `lab${(index % 4) + 1}.check-with-a-long-identifier-${index}`,
	title: `A check whose title is a whole sentence about what the learner built, number ${index}`,
	step: Math.floor(index / 4) + 1,
	failed: index < 5 ? 5 - index : 0,
	errored: 0,
	attempted: 12,
}));

const fullHtml = renderCompletionHtml(
	buildCompletionMatrix(
		{
			learners: Array.from({ length: 12 }, (_, index) => fullLearner(index)),
			labTitles: Object.fromEntries(labs.map((lab) => [lab.id, lab.title])),
			checkStruggles: struggles,
			couldNotGrade: [
				{
					cohort: 'autumn-2026-workforce-programme',
					learnerId: 'learner-0',
					name: 'Learner Number 0 <b>bold</b>',
					lab: 'lab1',
					kind: 'assume-role',
					message:
						'cannot assume arn:aws:iam::123456789012:role/SreLabGraderRoleWithAVeryLongNameThatDoesNotBreak: AccessDenied',
					observedAt: '2026-11-21T10:00:00.000Z',
				},
			],
		},
		{
			rule: defaultCompletionRule,
			cohort: 'autumn-2026-workforce-programme',
			generatedAt: '2026-11-22T12:00:00.000Z',
			knownLabs: labs,
			knownQuizzes: quizzes,
		},
	),
);

/** How far the page and the widest table (learners, struggles) reach beyond their boxes, in CSS pixels. */
async function overflow(target: Page) {
	return target.evaluate(() => ({
		page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
		table: Math.max(
			...[...document.querySelectorAll<HTMLElement>('.table-wrap')].map((wrap) => wrap.scrollWidth - wrap.clientWidth),
		),
	}));
}

describe('HTML completion report at full size', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`at 1280 px every lab and quiz column is in view, and axe passes (${colorScheme})`, async () => {
			await page.emulateMedia({ colorScheme });
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.setContent(fullHtml);
			expect(await overflow(page)).toEqual({ page: 0, table: 0 });
			expect(await axeViolations(page)).toEqual([]);
			expect(problems.messages).toEqual([]);
		});
	}

	test('a short lab header shows its full title when focused', async () => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.setContent(fullHtml);
		const header = page.getByRole('button', { name: /^Lab 3\W+Monitoring a distributed application/ });
		await header.focus();
		const tip = header.locator('.tip');
		expect((await tip.boundingBox())?.width ?? 0).toBeGreaterThan(100);
		await page.getByRole('button', { name: 'Learner', exact: true }).focus();
		expect((await tip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
	});

	test('struggles list only the five failing checks, most failures first, and count the rest', async () => {
		await page.setContent(fullHtml);
		const rows = page.locator('#struggles-caption').locator('xpath=..').locator('tbody tr');
		expect(await rows.count()).toBe(5);
		expect(await rows.first().locator('td.num').first().getAttribute('data-sort')).toBe('5');
		await expect
			.poll(() => page.getByText('28 checks that every graded learner passed are not listed.').count())
			.toBe(1);
	});

	test('"Incomplete only" hides the complete learners and says how many are shown', async () => {
		await page.setContent(fullHtml);
		const rows = page.locator('#learners tbody tr');
		const complete = await page.locator('#learners tbody tr[data-complete="true"]').count();
		expect(complete).toBeGreaterThan(0);
		await page.getByLabel('Incomplete only').check();
		expect(await rows.filter({ visible: true }).count()).toBe(12 - complete);
		await expect
			.poll(() => page.locator('#filter-status').textContent())
			.toBe(`Showing ${12 - complete} of 12 learners, incomplete only.`);
	});

	test('on a 375 px phone the page does not scroll sideways; the table scrolls by keyboard with the learner column frozen', async () => {
		await page.setViewportSize({ width: 375, height: 800 });
		await page.setContent(fullHtml);
		expect((await overflow(page)).page).toBe(0);
		// Reach the table's scroll region with Tab from the filter checkbox, then scroll it with the arrow key.
		await page.getByLabel('Incomplete only').focus();
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'));
		expect(focused).toBe('learners-caption');
		const region = page.getByRole('region', { name: /^Learners/ });
		const learnerCell = page.locator('#learners tbody th').first();
		const before = await learnerCell.boundingBox();
		for (let press = 0; press < 10; press += 1) await page.keyboard.press('ArrowRight');
		await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(50);
		expect((await learnerCell.boundingBox())?.x).toBe(before?.x);
		expect(await axeViolations(page)).toEqual([]);
		expect(problems.messages).toEqual([]);
	});
});
