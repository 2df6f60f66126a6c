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

test('searching for a word finds the page that teaches it', async () => {
	const { page, problems } = await newWatchedPage(browser);
	await page.goto(siteUrl('/'));
	// Starlight opens search with Ctrl+K; typing goes straight into the dialog's input.
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog');
	await expect.poll(() => dialog.isVisible()).toBe(true);
	await page.keyboard.type('sandbox');
	const firstResult = dialog.locator('.pagefind-ui__result-link').first();
	await firstResult.waitFor({ timeout: 15_000 });
	const hrefs = await dialog.locator('.pagefind-ui__result-link').evaluateAll((links) =>
		links.map((link) => link.getAttribute('href')),
	);
	expect(hrefs).toContain('/prepare-sandbox/');
	expect(await axeViolations(page, 'dialog')).toEqual([]);
	expect(problems.messages).toEqual([]);
	await page.close();
});
