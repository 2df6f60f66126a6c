/**
 * Learner progress in a real browser: marks and quiz results flowing to "My progress", the sidebar ✓,
 * export to a file that satisfies the documented contract, reset, import, a rejected import, and the
 * store surviving corrupt data and blocked storage. axe runs on the progress page before and after.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ProgressExportSchema } from '../../src/schemas/progress.ts';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage, type PageProblems } from './support/browser.ts';
import { siteUrl } from './support/site.ts';

let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const modulePath = '/day-1/production-environment/';
const modulePageId = 'day-1/production-environment';

const dashboard = (page: Page) => page.locator('sre-progress-dashboard');
const status = (page: Page) => dashboard(page).getByRole('status');
const readCell = (page: Page, pageId: string) => dashboard(page).locator(`[data-read="${pageId}"]`);
const quizCell = (page: Page, quizId: string) => dashboard(page).locator(`[data-quiz="${quizId}"]`);

async function openProgressPage(page: Page): Promise<void> {
	await page.goto(siteUrl('/progress/'), { waitUntil: 'load' });
	await dashboard(page).locator('[data-export]:not([disabled])').waitFor();
}

/** Marks the module read and answers its quiz fully correctly, with the mouse. Returns the question count. */
async function completeModule(page: Page): Promise<number> {
	await page.goto(siteUrl(modulePath), { waitUntil: 'load' });
	await page.getByLabel('I have read this module').check();
	const quiz = page.locator('sre-quiz[data-quiz-id="module-02"]');
	await quiz.locator('[data-actions]:not([hidden])').waitFor();
	const questions = quiz.locator('fieldset[data-question-id]');
	const count = await questions.count();
	for (let index = 0; index < count; index++) {
		const labels = questions.nth(index).locator('li[data-correct="true"] label');
		for (let option = 0; option < (await labels.count()); option++) await labels.nth(option).click();
	}
	await quiz.getByRole('button', { name: 'Check answers' }).click();
	await expect
		.poll(() => quiz.locator('[data-score]').textContent())
		.toBe(`Your score: ${count} out of ${count} (1 attempt).`);
	return count;
}

describe('My progress', () => {
	let page: Page;
	let problems: PageProblems;

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
	});
	afterEach(async () => {
		expect(problems.messages).toEqual([]);
		await page.close();
	});

	test('shows reading, quiz scores and labs; exports, resets and imports them back', async () => {
		const questionCount = await completeModule(page);
		// The sidebar marks the module as done once it is marked read.
		const sidebarLink = page.locator(`.sidebar-content a[href$="${modulePath}"]`);
		await expect.poll(() => sidebarLink.locator('.sre-done-mark').textContent()).toBe('✓ (done)');

		await openProgressPage(page);
		expect(await axeViolations(page, 'sre-progress-dashboard')).toEqual([]);
		expect(await readCell(page, modulePageId).textContent()).toMatch(/^Read \(\d{1,2} \w{3} \d{4}\)$/);
		expect(await quizCell(page, 'module-02').textContent()).toBe(`${questionCount} of ${questionCount} (1 attempt)`);
		expect(await quizCell(page, 'module-01').textContent()).toBe('Not taken');
		expect(await readCell(page, 'day-1/what-is-sre').textContent()).toBe('Not yet');

		// Lab marks and learner details, as a keyboard or mouse user would enter them.
		await page.getByLabel('Lab 1: SLIs, SLOs and error budgets done').check();
		await page.getByLabel('Learner ID').fill('E-1042');
		await page.getByLabel('E-mail').fill('ada@example.com');
		await page.getByRole('button', { name: 'Save details' }).click();
		await expect.poll(() => status(page).textContent()).toMatch(/^Your details are saved/);
		expect(await dashboard(page).locator('[data-summary]').textContent()).toMatch(
			/^You have read 1 of \d+ modules, taken 1 of 16 quizzes and completed 1 of 3 labs\.$/,
		);

		// Export: a file in the documented format.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download my progress' }).click(),
		]);
		expect(download.suggestedFilename()).toMatch(/^sre-course-progress-e-1042-\d{4}-\d{2}-\d{2}\.json$/);
		const exportPath = join(tmpdir(), `progress-e2e-${process.pid}-${Date.now()}.json`);
		await download.saveAs(exportPath);
		const exported = ProgressExportSchema.parse(JSON.parse(await readFile(exportPath, 'utf8')));
		expect(exported.learner).toEqual({ id: 'E-1042', email: 'ada@example.com' });
		expect(Object.keys(exported.pages)).toEqual([modulePageId]);
		expect(exported.quizzes['module-02']).toMatchObject({ score: questionCount, maxScore: questionCount, attempts: 1 });
		expect(Object.keys(exported.quizzes['module-02']?.answers ?? {})).toHaveLength(questionCount);
		expect(Object.keys(exported.labs)).toEqual(['lab1']);

		// Reset is a two-step action, and then everything reads as not done.
		await page.getByRole('button', { name: 'Reset my progress…' }).click();
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel');
		await page.getByRole('button', { name: 'Erase my progress' }).click();
		await expect.poll(() => status(page).textContent()).toBe('Your progress in this browser has been erased.');
		expect(await quizCell(page, 'module-02').textContent()).toBe('Not taken');
		expect(await page.getByLabel('Learner ID').inputValue()).toBe('');

		// Import restores it all, and survives a reload.
		await page.getByLabel('Import a progress file').setInputFiles(exportPath);
		await expect
			.poll(() => status(page).textContent())
			.toMatch(/^Imported progress-e2e-.*\.json: 1 page read, 1 quiz taken, 1 lab done\.$/);
		await page.reload({ waitUntil: 'load' });
		await dashboard(page).locator('[data-export]:not([disabled])').waitFor();
		expect(await quizCell(page, 'module-02').textContent()).toBe(`${questionCount} of ${questionCount} (1 attempt)`);
		expect(await readCell(page, modulePageId).textContent()).toMatch(/^Read /);
		expect(await page.getByLabel('Lab 1: SLIs, SLOs and error budgets done').isChecked()).toBe(true);
		expect(await page.getByLabel('Learner ID').inputValue()).toBe('E-1042');
		expect(await axeViolations(page, 'sre-progress-dashboard')).toEqual([]);

		// The quiz page shows the imported answers.
		await page.goto(siteUrl(modulePath), { waitUntil: 'load' });
		expect(await page.locator('sre-quiz[data-quiz-id="module-02"]').getAttribute('data-state')).toBe('submitted');
		expect(await page.getByLabel('I have read this module').isChecked()).toBe(true);
	}, 120_000);

	test('a lab page records the lab as done, for My progress and the sidebar', async () => {
		await page.goto(siteUrl('/labs/lab1/'), { waitUntil: 'load' });
		await page.getByLabel('I have completed this lab').check();
		await expect.poll(() => page.locator('.sidebar-content a[href$="/labs/lab1/"] .sre-done-mark').count()).toBe(1);
		await openProgressPage(page);
		expect(await page.getByLabel('Lab 1: SLIs, SLOs and error budgets done').isChecked()).toBe(true);
		// Unchecking it here is seen by the lab page too.
		await page.getByLabel('Lab 1: SLIs, SLOs and error budgets done').uncheck();
		await page.goto(siteUrl('/labs/lab1/'), { waitUntil: 'load' });
		await page.locator('sre-progress-toggle:not([hidden])').waitFor();
		expect(await page.getByLabel('I have completed this lab').isChecked()).toBe(false);
	});

	test('works on a phone-sized screen without accessibility violations', async () => {
		await page.setViewportSize({ width: 360, height: 740 });
		await openProgressPage(page);
		expect(await axeViolations(page, 'sre-progress-dashboard')).toEqual([]);
		// The tables scroll sideways inside their own box instead of widening the page.
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await page.goto(siteUrl(modulePath), { waitUntil: 'load' });
		await page.locator('sre-quiz [data-actions]:not([hidden])').waitFor();
		expect(await axeViolations(page, 'sre-quiz')).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	});

	test('refuses a file that is not a valid export, and keeps the current progress', async () => {
		await openProgressPage(page);
		await page.getByLabel('Lab 2: Automating toil done').check();
		const badPath = join(tmpdir(), `bad-progress-${process.pid}.json`);
		await writeFile(badPath, JSON.stringify({ format: 'sre-course-progress', version: 9, quizzes: {} }));
		await page.getByLabel('Import a progress file').setInputFiles(badPath);
		await expect.poll(() => status(page).textContent()).toMatch(/was not imported\. This file has format version 9/);
		expect(await page.getByLabel('Lab 2: Automating toil done').isChecked()).toBe(true);

		await writeFile(badPath, 'not json at all');
		await page.getByLabel('Import a progress file').setInputFiles(badPath);
		await expect.poll(() => status(page).textContent()).toMatch(/is not a JSON file\. Nothing was imported\.$/);
	});

	test('drops corrupt saved data instead of breaking the page', async () => {
		await page.addInitScript(() => {
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem('sre-course:progress', '{"version":1,"quizzes":{"module-01":');
				sessionStorage.setItem('seeded', '1');
			}
		});
		await openProgressPage(page);
		expect(await dashboard(page).locator('[data-storage-note]').textContent()).toBe(
			'The progress saved in this browser could not be read and has been cleared.',
		);
		expect(await quizCell(page, 'module-01').textContent()).toBe('Not taken');
		await page.getByLabel('Lab 3: Monitoring a distributed application done').check();
		await page.reload({ waitUntil: 'load' });
		await dashboard(page).locator('[data-export]:not([disabled])').waitFor();
		expect(await page.getByLabel('Lab 3: Monitoring a distributed application done').isChecked()).toBe(true);
		expect(await dashboard(page).locator('[data-storage-note]').isVisible()).toBe(false);
	});

	test('keeps working in memory when the browser blocks storage (private mode)', async () => {
		// Like Safari's private mode of old: localStorage is there, but every write throws.
		await page.addInitScript(() => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
				if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				setItem.call(this, key, value);
			};
		});
		const stacks: string[] = [];
		page.on('pageerror', (error) => stacks.push(error.stack ?? error.message));
		await completeModule(page);
		// Navigating within the tab loses in-memory progress; the page says so up front.
		await openProgressPage(page);
		expect(await dashboard(page).locator('[data-storage-note]').textContent()).toMatch(
			/does not let the site store data/,
		);
		await page.getByLabel('Lab 1: SLIs, SLOs and error budgets done').check();
		expect(await dashboard(page).locator('[data-summary]').textContent()).toMatch(/completed 1 of 3 labs\.$/);
		// Starlight's inline theme script saves the colour theme without a try/catch and throws here;
		// that is upstream code. None of the bundled scripts (quiz, progress) may throw.
		expect(stacks.filter((stack) => stack.includes('/_astro/'))).toEqual([]);
		const quotaError: string = 'exception: The quota has been exceeded.';
		expect(problems.messages.filter((message) => message === quotaError).length).toBe(stacks.length);
		problems.messages = problems.messages.filter((message) => message !== quotaError);
	}, 120_000);
});
