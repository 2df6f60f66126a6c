/**
 * The Lab 1 page in the built site: its "what the grader verifies" list is the manifest, in order;
 * every step offers a console and a CLI variant; the self-check command is shown; no axe violations.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadManifest } from '../../graders/manifest/load-manifest.ts';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage, type PageProblems } from './support/browser.ts';
import { siteUrl } from './support/site.ts';

const manifest = loadManifest(new URL('../../labs/lab1/manifest.yaml', import.meta.url));
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('Lab 1 page', () => {
	let page: Page;
	let problems: PageProblems;

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
		await page.goto(siteUrl('/labs/lab1/'), { waitUntil: 'load' });
	});
	afterEach(async () => {
		expect(problems.messages).toEqual([]);
		await page.close();
	});

	test('lists the manifest checks in order, with step, points and hint', async () => {
		const items = page.locator('.sre-lab-checks__list > li');
		expect(await items.count()).toBe(manifest.checks.length);
		for (const [index, check] of manifest.checks.entries()) {
			const item = items.nth(index);
			expect(await item.locator('.sre-lab-checks__title').textContent()).toBe(check.title);
			expect(await item.locator('.sre-lab-checks__meta').textContent()).toContain(
				`Step ${check.step} · ${check.points} points`,
			);
			await item.locator('summary').click();
			await expect.poll(() => item.locator('details p').isVisible()).toBe(true);
		}
	});

	test('shows the self-check command and a console and CLI variant for every step', async () => {
		expect(await page.locator('pre', { hasText: 'npx sre-lab check lab1' }).count()).toBeGreaterThan(0);
		const stepHeadings = page.locator('h2', { hasText: /^Step \d/ });
		expect(await stepHeadings.count()).toBe(Math.max(...manifest.checks.map((check) => check.step)));
		expect(await page.getByRole('tab', { name: 'AWS Console' }).count()).toBe(6);
		expect(await page.getByRole('tab', { name: 'AWS CLI' }).count()).toBe(6);
	});

	test('has no WCAG 2.2 AA violations', async () => {
		expect(await axeViolations(page)).toEqual([]);
	});
});
