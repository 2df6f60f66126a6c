/**
 * Each lab page in the built site: its "what the grader verifies" list is the manifest, in order,
 * with every hint; each step has its section, with a console and a CLI variant where the step changes
 * something; the commands the lab relies on are shown; no axe violations.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadManifest } from '../../graders/manifest/load-manifest.ts';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage, type PageProblems } from './support/browser.ts';
import { siteUrl } from './support/site.ts';

interface LabPage {
	lab: string;
	/** Steps with "AWS Console" and "AWS CLI" tabs; a step that only inspects a result has none. */
	stepsWithVariants: number;
	/** Commands the learner must be able to copy from the page. */
	commands: string[];
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
/** The grader and lab tooling as the course site publishes them (learner-grader.e2e.ts runs these commands). */
const grader = `node sre-lab-${version}.mjs`;

const labPages: LabPage[] = [
	// Steps 1–6 and the ungraded "Break it on purpose" section, which fires the alarm.
	{ lab: 'lab1', stepsWithVariants: 7, commands: [`${grader} check lab1`] },
	// Step 8 only inspects the result, with one command and one console path in prose.
	{
		lab: 'lab2',
		stepsWithVariants: 7,
		commands: [`${grader} check lab2`, `node seed-snapshots-${version}.mjs`, `cleanup-function-${version}.zip`],
	},
	{
		lab: 'lab3',
		stepsWithVariants: 7,
		commands: [
			`${grader} check lab3`,
			`node load-generator-${version}.mjs`,
			`--template-file app-template-${version}.yaml`,
		],
	},
];

let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe.each(labPages)('$lab page', ({ lab, stepsWithVariants, commands }) => {
	const manifest = loadManifest(new URL(`../../labs/${lab}/manifest.yaml`, import.meta.url));
	let page: Page;
	let problems: PageProblems;

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
		await page.goto(siteUrl(`/labs/${lab}/`), { waitUntil: 'load' });
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

	test('has a section per step, the console and CLI variants, and the commands the lab relies on', async () => {
		const steps = Math.max(...manifest.checks.map((check) => check.step));
		expect(await page.locator('h2', { hasText: /^Step \d/ }).count()).toBe(steps);
		expect(await page.getByRole('tab', { name: 'AWS Console' }).count()).toBe(stepsWithVariants);
		expect(await page.getByRole('tab', { name: 'AWS CLI' }).count()).toBe(stepsWithVariants);
		for (const command of commands) {
			expect(await page.locator('pre', { hasText: command }).count(), command).toBeGreaterThan(0);
		}
	});

	test('has no WCAG 2.2 AA violations', async () => {
		expect(await axeViolations(page)).toEqual([]);
	});
});
