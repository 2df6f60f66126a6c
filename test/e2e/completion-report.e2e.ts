/**
 * The instructor's HTML completion report, opened in Chromium: no WCAG 2.2 AA violations, and the
 * table sorts by mouse and by keyboard, saying so through aria-sort and the live region.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { CompletionData, LearnerRecordForReport } from '../../graders/gradebook/completion-data.ts';
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
