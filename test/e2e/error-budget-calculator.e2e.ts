/**
 * The error-budget calculator on the SLO module, driven by keyboard only: Tab to the fields, type,
 * read the live results, and check that axe finds nothing in either the valid or the error state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage, type PageProblems } from './support/browser.ts';
import { siteUrl } from './support/site.ts';

const pagePath = '/day-1/slis-slos-error-budgets/';
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** The accessible name of whatever has keyboard focus, read from its `<label>`. */
async function focusedLabel(page: Page): Promise<string | undefined> {
	return page.evaluate(() => {
		const active = document.activeElement;
		return active instanceof HTMLInputElement ? active.labels?.[0]?.textContent?.trim() : undefined;
	});
}

/** Press Tab from the top of the page until the field labelled `label` has focus. */
async function tabTo(page: Page, label: string, maxPresses = 400): Promise<number> {
	for (let presses = 1; presses <= maxPresses; presses++) {
		await page.keyboard.press('Tab');
		if ((await focusedLabel(page)) === label) return presses;
	}
	throw new Error(`"${label}" was not reachable within ${maxPresses} presses of Tab`);
}

/** Replace the focused field's value the way a keyboard user would. */
async function retype(page: Page, text: string): Promise<void> {
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Backspace');
	await page.keyboard.type(text);
}

const calculator = (page: Page) => page.locator('error-budget-calculator');
const result = (page: Page, key: string) => calculator(page).locator(`[data-result="${key}"]`);

describe('error-budget calculator', () => {
	let page: Page;
	let problems: PageProblems;

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
		await page.goto(siteUrl(pagePath), { waitUntil: 'load' });
		await calculator(page).and(page.locator('[data-ready]')).waitFor();
	});
	afterEach(async () => {
		expect(problems.messages).toEqual([]);
		await page.close();
	});

	test('is reached by Tab, fields in reading order, and recalculates as you type', async () => {
		await tabTo(page, 'SLO (%)');
		await retype(page, '99.9');
		await page.keyboard.press('Tab');
		expect(await focusedLabel(page)).toBe('Window (days)');
		await retype(page, '30');
		await expect.poll(() => result(page, 'downtime').textContent()).toBe('43.2 min');
		expect(await result(page, 'downtimeBreakdown').textContent()).toBe('43 min 12 s');

		await page.keyboard.press('Shift+Tab');
		expect(await focusedLabel(page)).toBe('SLO (%)');
		await retype(page, '99.95');
		await page.keyboard.press('Tab');
		await retype(page, '28');
		await expect.poll(() => result(page, 'downtime').textContent()).toBe('20.16 min');

		await page.keyboard.press('Tab');
		expect(await focusedLabel(page)).toBe('Expected requests in the window');
		await retype(page, '2000000');
		await expect.poll(() => result(page, 'failedRequests').textContent()).toBe('1,000 of 2,000,000 requests');

		await page.keyboard.press('Tab');
		expect(await focusedLabel(page)).toBe('Burn rate');
		await retype(page, '10');
		// 99.95 % leaves 0.05 %; ten times that is 0.5 % errors, and 28 days / 10 = 2.8 days = 2 d 19 h 12 min.
		await expect.poll(() => result(page, 'errorRate').textContent()).toBe('0.5 %');
		expect(await result(page, 'exhaustion').textContent()).toBe('2 d 19 h (4,032 min)');

		const liveRegion = calculator(page).getByRole('status');
		expect(await liveRegion.getAttribute('aria-live')).toBe('polite');
		expect(await liveRegion.textContent()).toContain('20.16 min');
	});

	test('reports a burn rate of 14.4 against 99.9 % over 30 days as a 50-hour exhaustion', async () => {
		await tabTo(page, 'SLO (%)');
		await retype(page, '99.9');
		await page.keyboard.press('Tab');
		await retype(page, '30');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await retype(page, '14.4');
		await expect.poll(() => result(page, 'exhaustion').textContent()).toBe('2 d 2 h (3,000 min)');
		expect(await result(page, 'errorRate').textContent()).toBe('1.44 %');
		expect(await result(page, 'spentPerHour').textContent()).toBe('2 %');
	});

	test('pressing Enter recalculates without leaving the page', async () => {
		await tabTo(page, 'SLO (%)');
		await retype(page, '99');
		await page.keyboard.press('Enter');
		await expect.poll(() => result(page, 'downtime').textContent()).toBe('432 min');
		expect(new URL(page.url()).pathname).toMatch(/\/day-1\/slis-slos-error-budgets\/$/);
		expect(new URL(page.url()).search).toBe('');
	});

	test('marks an impossible SLO as invalid, explains why, and stays accessible', async () => {
		await tabTo(page, 'SLO (%)');
		await retype(page, '100');
		const slo = calculator(page).getByLabel('SLO (%)');
		await expect.poll(() => slo.getAttribute('aria-invalid')).toBe('true');
		const describedBy = (await slo.getAttribute('aria-describedby')) ?? '';
		const messages = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
		expect(messages.join(' ')).toContain('less than 100');
		expect(await calculator(page).locator('[data-invalid-note]').isVisible()).toBe(true);
		expect(await calculator(page).locator('[data-results]').isVisible()).toBe(false);
		// The error colours must keep their contrast; the rest of the page is checked in the next test.
		expect(await axeViolations(page, 'error-budget-calculator')).toEqual([]);

		await retype(page, '99.9');
		await expect.poll(() => slo.getAttribute('aria-invalid')).toBe('false');
		expect(await calculator(page).locator('[data-results]').isVisible()).toBe(true);
	});

	test('has no axe violations on the page, in dark and in light theme', async () => {
		// Starlight keeps the active colour scheme in <html data-theme>; set each one explicitly.
		const useTheme = (theme: 'dark' | 'light') =>
			page.evaluate((value) => {
				document.documentElement.dataset.theme = value;
			}, theme);
		await useTheme('dark');
		expect(await axeViolations(page)).toEqual([]);
		await useTheme('light');
		expect(await axeViolations(page, 'error-budget-calculator')).toEqual([]);
	});
});

test('without JavaScript the page still shows results for the default values', async () => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	try {
		const page = await context.newPage();
		await page.goto(siteUrl(pagePath), { waitUntil: 'load' });
		const widget = page.locator('error-budget-calculator');
		expect(await widget.locator('[data-result="downtime"]').textContent()).toBe('43.2 min');
		const downtimeLine = await widget.locator('dd', { has: page.locator('[data-result="downtime"]') }).textContent();
		expect(downtimeLine?.replace(/\s+/g, ' ').trim()).toBe('43.2 min (43 min 12 s)');
		expect(await widget.locator('[data-result="failedRequests"]').textContent()).toBe('1,000 of 1,000,000 requests');
		expect(await widget.locator('.ebc-static-note').isVisible()).toBe(true);
	} finally {
		await context.close();
	}
});
