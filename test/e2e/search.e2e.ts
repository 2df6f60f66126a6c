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

test.each(searches)('searching for "$query" finds $expected', async ({ query, expected }) => {
	const { page, problems } = await newWatchedPage(browser);
	await page.goto(siteUrl('/'));
	// Starlight opens search with Ctrl+K; typing goes straight into the dialog's input.
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await dialog.waitFor({ state: 'visible' });
	// Pagefind's UI mounts lazily when the dialog first opens, after Starlight tried to focus it.
	const input = dialog.locator('input.pagefind-ui__search-input');
	await input.waitFor({ state: 'visible' });
	await input.focus();
	await page.keyboard.type(query);
	const firstResult = dialog.locator('.pagefind-ui__result-link').first();
	await firstResult.waitFor({ timeout: 30_000 });
	const hrefs = await dialog
		.locator('.pagefind-ui__result-link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
	expect(hrefs).toContain(expected);
	expect(await axeViolations(page, 'dialog')).toEqual([]);
	expect(problems.messages).toEqual([]);
	await page.close();
});
