/** Pagefind search, as a keyboard user would reach it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage } from './support/browser.ts';
import { siteUrl } from './support/site.ts';

let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const searches = [
	{ query: 'sandbox', expected: '/prepare-sandbox/' },
	{ query: 'error budget', expected: '/day-1/slis-slos-error-budgets/' },
];

test.each(searches)('searching for "$query" finds $expected', { timeout: 150_000 }, async ({ query, expected }) => {
	const { page, problems } = await newWatchedPage(browser);
	await page.goto(siteUrl('/'));
	// Starlight mounts Pagefind's UI when the browser is first idle after load, which on a busy
	// two-core machine can take a while; a reader who opens search sooner gets an empty dialog.
	const input = page.locator('#starlight__search input.pagefind-ui__search-input');
	await input.waitFor({ state: 'attached', timeout: 60_000 });
	// Starlight opens search with Ctrl+K and focuses the input; typing goes straight into it.
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await dialog.waitFor({ state: 'visible' });
	await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
	await page.keyboard.type(query);
	const firstResult = dialog.locator('.pagefind-ui__result-link').first();
	await firstResult.waitFor({ timeout: 60_000 });
	const hrefs = await dialog
		.locator('.pagefind-ui__result-link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
	expect(hrefs).toContain(expected);
	expect(await axeViolations(page, 'dialog')).toEqual([]);
	expect(problems.messages).toEqual([]);
	await page.close();
});
