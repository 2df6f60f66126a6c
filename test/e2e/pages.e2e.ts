/**
 * Walks every page in the sitemap in real Chromium: the page loads without console errors or
 * failed requests, shows its title as the one h1, and has zero axe violations (WCAG 2.2 AA).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage } from './support/browser.ts';
import { siteUrl } from './support/site.ts';
import { sitemapPathnames } from './support/sitemap.ts';

const pathnames = sitemapPathnames(inject('distDir'));
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

test('the browser under test is a real Chromium', () => {
	expect(browser.version()).toMatch(/^\d+\.\d+/);
});

test('the sitemap lists the home page and the sandbox guide', () => {
	expect(pathnames).toContain('/');
	expect(pathnames).toContain('/prepare-sandbox/');
});

describe.each(pathnames)('%s', (pathname) => {
	test('renders its title, loads cleanly and has no axe violations', async () => {
		const { page, problems } = await newWatchedPage(browser);
		try {
			await page.goto(siteUrl(pathname), { waitUntil: 'load' });
			const headings = await page.locator('h1').allInnerTexts();
			expect(headings, 'exactly one h1').toHaveLength(1);
			const heading = (headings[0] ?? '').trim();
			expect(heading.length).toBeGreaterThan(0);
			expect(await page.title()).toContain(heading);
			expect(await axeViolations(page)).toEqual([]);
			expect(problems.messages).toEqual([]);
		} finally {
			await page.close();
		}
	});
});
