/**
 * Each lab page in the built site: its "what the grader verifies" list is the manifest, in order,
 * with every hint; each step has its section, with a console and a CLI variant where the step changes
 * something; the commands the lab relies on are shown; no axe violations. On Lab 1: the sample
 * checklist is the manifest's, and the JSON of `sre-lab check --json` (file or paste) shows each check's
 * result in place, escaped, is recorded on My progress, and another lab's result or bad input is refused.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { evaluateLab } from '../../graders/engine/evaluate.ts';
import type { LabResult, Snapshot } from '../../graders/engine/types.ts';
import { loadManifest } from '../../graders/manifest/load-manifest.ts';
import { formatChecklist } from '../../graders/output/checklist.ts';
import { formatJson } from '../../graders/output/json.ts';
import { sampleLabResult } from '../../src/components/labs/lab-check-sample.ts';
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
	// Every step has both variants, the inspecting step 3 included (alarm history in the console or the CLI).
	{
		lab: 'lab4',
		stepsWithVariants: 7,
		commands: [
			`${grader} check lab4`,
			`node load-generator-${version}.mjs`,
			`--template-file app-template-${version}.yaml`,
			'FaultInjection=fis',
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

/** What `sre-lab check lab1 --json` writes for an account where nothing could be read: every check error or skipped. */
function graderResult(lab: string): LabResult {
	const snapshot: Snapshot = {
		format: 'sre-lab-snapshot',
		version: 1,
		accountId: '111122223333',
		region: 'eu-west-1',
		collectedAt: '2026-11-22T10:00:00.000Z',
		window: { since: '2026-11-21T10:00:00.000Z', until: '2026-11-22T10:00:00.000Z' },
		reads: {},
	};
	return evaluateLab(lab, snapshot, { now: () => new Date('2026-11-22T10:01:00.000Z') });
}

/** Every check passed, the first one with a message that is markup: the page must show it as text. */
function passingResult(): LabResult {
	const result = graderResult('lab1');
	const checks = result.checks.map((check, index) => ({
		...check,
		status: 'pass' as const,
		earned: check.points,
		message: index === 0 ? '<img src=x onerror="window.__injected = true">Found i-0abc' : `Found ${check.id}.`,
	}));
	return { ...result, checks, score: result.maxScore, outcome: 'pass' };
}

describe('grader results on the lab 1 page', () => {
	const manifest = loadManifest(new URL('../../labs/lab1/manifest.yaml', import.meta.url));
	let page: Page;
	let problems: PageProblems;
	const panel = (page: Page) => page.locator('sre-lab-results');
	const resultLines = (page: Page) => page.locator('.sre-lab-checks__list [data-result]');

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
		await page.goto(siteUrl('/labs/lab1/'), { waitUntil: 'load' });
		await panel(page).locator('h3').waitFor();
	});
	afterEach(async () => {
		expect(problems.messages).toEqual([]);
		await page.close();
	});

	test('"Check your progress" shows a sample of the checklist, generated from the manifest', async () => {
		const expected = formatChecklist(sampleLabResult(manifest), { color: false }).trimEnd();
		expect(await page.locator('.sre-lab-checks__sample pre').textContent()).toBe(expected);
		expect(expected).toContain(`✓ Step 1 ${manifest.checks[0]?.title}`);
	});

	test('a result file shows every check in place and is recorded as the grader verdict', async () => {
		const path = join(tmpdir(), `lab1-result-${process.pid}-${Date.now()}.json`);
		await writeFile(path, formatJson(graderResult('lab1')));
		await panel(page).getByLabel('Result file').setInputFiles(path);
		await expect
			.poll(() =>
				resultLines(page).evaluateAll((lines) => lines.filter((line) => !(line as HTMLElement).hidden).length),
			)
			.toBe(manifest.checks.length);
		const result = graderResult('lab1');
		for (const [index, check] of result.checks.entries()) {
			const line = resultLines(page).nth(index);
			expect(await line.getAttribute('data-status')).toBe(check.status);
			expect(await line.textContent()).toContain(check.message);
		}
		expect(await panel(page).locator('[data-summary]').textContent()).toContain(
			`Grader result: 0 of ${result.maxScore} points, some checks could not be graded`,
		);
		await page.goto(siteUrl('/progress/'), { waitUntil: 'load' });
		await expect
			.poll(() => page.locator('[data-lab-grader="lab1"]').textContent())
			.toBe(`Grader: 0 of ${result.maxScore} points, some checks could not be graded (22 Nov 2026)`);
		// The learner's own mark is not set by a grader result.
		expect(await page.getByLabel('Lab 1: SLIs, SLOs and error budgets done').isChecked()).toBe(false);
	});

	test('a pasted result, by keyboard only, with markup in a message shown as text', async () => {
		const textarea = panel(page).getByLabel('Or paste the JSON');
		let presses = 0;
		while (!(await textarea.evaluate((element) => element === document.activeElement))) {
			await page.keyboard.press('Tab');
			if (++presses > 600) throw new Error('the paste box is not reachable with Tab');
		}
		await textarea.fill(`$ node sre-lab.mjs check lab1 --json\n${formatJson(passingResult())}`);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show my result');
		await page.keyboard.press('Enter');
		const first = resultLines(page).first();
		await expect.poll(() => first.getAttribute('data-status')).toBe('pass');
		expect(await first.textContent()).toBe(
			`✓ Passed (${manifest.checks[0]?.points}/${manifest.checks[0]?.points}): <img src=x onerror="window.__injected = true">Found i-0abc`,
		);
		expect(await page.locator('.sre-lab-checks__list img').count()).toBe(0);
		expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
		expect(await panel(page).locator('[data-summary]').textContent()).toContain('every check passes');
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
			expect(await axeViolations(page, '.sre-lab-checks'), scheme).toEqual([]);
			// The summary's link is made by the element's script, outside Astro's scoped styles: it must
			// still take the site's accent, not the browser's visited/unvisited colours.
			const [linkColour, accent] = await panel(page)
				.locator('[data-summary] a')
				.evaluate((link) => [
					getComputedStyle(link).color,
					getComputedStyle(document.documentElement).getPropertyValue('--sl-color-text-accent').trim(),
				]);
			const probe = await page.evaluate((colour) => {
				const element = document.createElement('span');
				element.style.color = colour ?? '';
				document.body.append(element);
				const resolved = getComputedStyle(element).color;
				element.remove();
				return resolved;
			}, accent);
			expect(linkColour, scheme).toBe(probe);
		}
		// The sidebar counts a lab the grader passed as done; My progress says it was verified.
		await expect.poll(() => page.locator('.sidebar-content a[href$="/labs/lab1/"] .sre-done-mark').count()).toBe(1);
		await page.goto(siteUrl('/progress/'), { waitUntil: 'load' });
		await expect
			.poll(() => page.locator('[data-lab-grader="lab1"]').textContent())
			.toMatch(/^Verified by the grader: (\d+) of \1 points \(22 Nov 2026\)$/);
		// Back on the lab page after a reload, the recorded score is shown.
		await page.goto(siteUrl('/labs/lab1/'), { waitUntil: 'load' });
		await expect.poll(() => panel(page).locator('[data-summary]').textContent()).toMatch(/^Your last grader result/);
	});

	test("refuses another lab's result and input that is not a result, saying why", async () => {
		const alert = panel(page).getByRole('alert');
		const paste = panel(page).getByLabel('Or paste the JSON');
		await paste.fill(formatJson(graderResult('lab2')));
		await panel(page).getByRole('button', { name: 'Show my result' }).click();
		await expect
			.poll(() => alert.textContent())
			.toMatch(/^The pasted text was not used\. This result is for lab2, not lab1\./);
		await paste.fill('✓ Step 1 A running EC2 instance');
		await panel(page).getByRole('button', { name: 'Show my result' }).click();
		await expect.poll(() => alert.textContent()).toMatch(/This is not JSON\./);
		const path = join(tmpdir(), `lab1-damaged-${process.pid}-${Date.now()}.json`);
		await writeFile(path, JSON.stringify({ ...graderResult('lab1'), checks: 'none' }));
		await panel(page).getByLabel('Result file').setInputFiles(path);
		await expect
			.poll(() => alert.textContent())
			.toMatch(/^lab1-damaged-.*\.json was not used\. This grader result is damaged at "checks"/);
		expect(
			await resultLines(page).evaluateAll((lines) => lines.filter((line) => !(line as HTMLElement).hidden).length),
		).toBe(0);
		expect(await page.evaluate(() => localStorage.getItem('sre-course:progress'))).toBeNull();
		expect(await axeViolations(page, '.sre-lab-checks')).toEqual([]);
	});

	test('fits a 320 px phone with a result shown', async () => {
		await page.setViewportSize({ width: 320, height: 740 });
		await panel(page)
			.getByLabel('Or paste the JSON')
			.fill(formatJson(graderResult('lab1')));
		await panel(page).getByRole('button', { name: 'Show my result' }).click();
		await expect.poll(() => resultLines(page).first().isVisible()).toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	});
});
