/**
 * The Lab 2 page in the built site: its "what the grader verifies" list is the manifest, in order;
 * every step has a console and a CLI variant; the self-check and seeding commands are shown; no axe violations.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadManifest } from '../../graders/manifest/load-manifest.ts';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage, type PageProblems } from './support/browser.ts';
import { siteUrl } from './support/site.ts';

const manifest = loadManifest(new URL('../../labs/lab2/manifest.yaml', import.meta.url));
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('Lab 2 page', () => {
	let page: Page;
	let problems: PageProblems;

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
		await page.goto(siteUrl('/labs/lab2/'), { waitUntil: 'load' });
	});
	afterEach(async () => {
		expect(problems.messages).toEqual([]);
		await page.close();
	});

	test('lists the manifest checks in order, with step and points', async () => {
		const items = page.locator('.sre-lab-checks__list > li');
		expect(await items.count()).toBe(manifest.checks.length);
		for (const [index, check] of manifest.checks.entries()) {
			const item = items.nth(index);
			expect(await item.locator('.sre-lab-checks__title').textContent()).toBe(check.title);
			expect(await item.locator('.sre-lab-checks__meta').textContent()).toContain(
				`Step ${check.step} · ${check.points} points`,
			);
		}
	});

	test('has a numbered section per step, with console and CLI variants except for the outcome step', async () => {
		const steps = Math.max(...manifest.checks.map((check) => check.step));
		expect(await page.locator('h2', { hasText: /^Step \d/ }).count()).toBe(steps);
		// Step 8 only inspects the result, with one command and one console path in prose.
		expect(await page.getByRole('tab', { name: 'AWS Console' }).count()).toBe(steps - 1);
		expect(await page.getByRole('tab', { name: 'AWS CLI' }).count()).toBe(steps - 1);
		expect(await page.locator('pre', { hasText: 'npx sre-lab check lab2' }).count()).toBeGreaterThan(0);
		expect(await page.locator('pre', { hasText: 'node labs/lab2/seed-snapshots.mjs' }).count()).toBeGreaterThan(0);
	});

	test('has no WCAG 2.2 AA violations', async () => {
		expect(await axeViolations(page)).toEqual([]);
	});
});
