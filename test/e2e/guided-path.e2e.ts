/**
 * One guided path: following "Next" from the home page walks the agenda (Module 4 → Lab 1 → Module 5
 * → Lab 2 → Day 1 quiz …) and stops on "You have finished"; the home page shows the hero actions and
 * the course map above the fold; modules carry their place in the course, labs their badges; and
 * "Continue where you left off" points at the next step from the learner's progress.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage } from './support/browser.ts';
import { siteUrl } from './support/site.ts';

/** The agenda of the day pages, written out by hand, from the home page to the end. */
const learnerPath = [
	'/',
	'/prepare-sandbox/',
	'/labs/',
	'/quizzes/',
	'/day-1/',
	'/day-1/what-is-sre/',
	'/day-1/production-environment/',
	'/day-1/reliability-in-the-lifecycle/',
	'/day-1/slis-slos-error-budgets/',
	'/labs/lab1/',
	'/day-1/eliminating-toil/',
	'/labs/lab2/',
	'/quizzes/day-1/',
	'/day-2/',
	'/day-2/monitoring-distributed-systems/',
	'/day-2/cloudwatch-and-xray/',
	'/day-2/capacity-planning/',
	'/day-2/alerting/',
	'/labs/lab3/',
	'/quizzes/day-2/',
	'/day-3/',
	'/day-3/incident-response/',
	'/day-3/configuration-management/',
	'/labs/lab4/',
	'/day-3/release-engineering/',
	'/day-3/devops-culture/',
	'/quizzes/day-3/',
	'/finished/',
];

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('one guided path', () => {
	test('"Next" follows the agenda from the home page and ends on "You have finished", never on instructor pages', async () => {
		const { page, problems } = await newWatchedPage(browser);
		try {
			const visited: string[] = [];
			await page.goto(siteUrl('/'), { waitUntil: 'load' });
			for (let step = 0; step < 40; step++) {
				visited.push(new URL(page.url()).pathname);
				const next = page.locator('.pagination-links a[rel="next"]');
				if ((await next.count()) === 0) break;
				// "Previous" on this page is the page before it on the path.
				if (step > 0) {
					const previous = await page.locator('.pagination-links a[rel="prev"]').getAttribute('href');
					expect(new URL(previous ?? '', page.url()).pathname).toBe(visited.at(-2));
				}
				await Promise.all([page.waitForURL((url) => url.pathname !== visited.at(-1)), next.click()]);
			}
			expect(visited).toEqual(learnerPath);
			expect(await page.locator('h1').textContent()).toBe('You have finished');
			expect(problems.messages).toEqual([]);
		} finally {
			await page.close();
		}
	});

	test('the sidebar keeps labs and quizzes inside their day, with "Day 2 overview" and numbered modules', async () => {
		const { page } = await newWatchedPage(browser);
		try {
			await page.goto(siteUrl('/day-2/'), { waitUntil: 'load' });
			const day2 = page.locator('.sidebar-content details', { hasText: 'Day 2 · Monitoring and reliability' });
			const labels = (await day2.locator('a').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
			expect(labels).toEqual([
				'Day 2 overview',
				'6. Monitoring distributed systems',
				'7. CloudWatch and X-Ray in depth',
				'8. Capacity planning and efficiency',
				'9. Alerting best practices',
				'Lab 3: Monitoring a distributed application',
				'Day 2 quiz',
			]);
		} finally {
			await page.close();
		}
	});

	test('a module shows its day, number, time and services under the title; a lab opens with badges', async () => {
		const { page } = await newWatchedPage(browser);
		try {
			await page.goto(siteUrl('/day-2/cloudwatch-and-xray/'), { waitUntil: 'load' });
			expect(await page.locator('.sre-module-meta').textContent()).toMatch(
				/^Day 2 · Module 7 of 13 · \d+ min · CloudWatch, CloudWatch Logs, X-Ray and \d+ more$/,
			);
			await page.goto(siteUrl('/labs/lab1/'), { waitUntil: 'load' });
			const badges = await page.locator('.sre-lab-badges li').allTextContents();
			const names = badges.map((badge) => badge.trim().split(/\s+/)[0]);
			expect(names).toEqual(expect.arrayContaining(['Region', 'Services']));
			expect(badges.join(' ')).toContain('EC2');
		} finally {
			await page.close();
		}
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`home at 1280 × 800 (${colorScheme}): hero actions and the course map above the fold, axe clean`, async () => {
			const { page, problems } = await newWatchedPage(browser);
			try {
				await page.setViewportSize({ width: 1280, height: 800 });
				await page.goto(siteUrl('/'), { waitUntil: 'load' });
				await page.evaluate((value) => {
					document.documentElement.dataset.theme = value;
				}, colorScheme);
				const actions = page.locator('.sre-hero__actions a');
				expect((await actions.allTextContents()).map((text) => text.trim())).toEqual([
					'Prepare your sandbox',
					'Start Day 1',
				]);
				expect(await actions.first().getAttribute('class')).toMatch(/primary/);
				const map = page.locator('figure[data-diagram="course-map"] svg').first();
				const box = await map.boundingBox();
				expect(box).not.toBeNull();
				expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
				expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
				expect(await axeViolations(page)).toEqual([]);
				expect(problems.messages).toEqual([]);
			} finally {
				await page.close();
			}
		});
	}

	test('the site title fits in the header of a 320 px phone', async () => {
		const { page } = await newWatchedPage(browser);
		try {
			await page.setViewportSize({ width: 320, height: 640 });
			await page.goto(siteUrl('/'), { waitUntil: 'load' });
			const fits = await page.locator('.site-title').evaluate((element) => {
				const box = element.getBoundingClientRect();
				return box.right <= document.documentElement.clientWidth && element.scrollWidth <= element.clientWidth + 1;
			});
			expect(fits).toBe(true);
		} finally {
			await page.close();
		}
	});

	test('"Continue where you left off" appears with progress, on the home page and My progress', async () => {
		const { page, problems } = await newWatchedPage(browser);
		try {
			await page.goto(siteUrl('/'), { waitUntil: 'load' });
			const continueLink = page.locator('continue-link');
			expect(await continueLink.isHidden()).toBe(true);

			// Read module 4 the way a learner does: its "I have read this module" box.
			await page.goto(siteUrl('/day-1/slis-slos-error-budgets/'), { waitUntil: 'load' });
			await page.getByLabel('I have read this module').check();

			for (const path of ['/', '/progress/']) {
				await page.goto(siteUrl(path), { waitUntil: 'load' });
				const link = page.locator('continue-link a');
				await expect.poll(() => link.isVisible()).toBe(true);
				expect(await link.textContent()).toBe('Lab 1: SLIs, SLOs and error budgets');
				expect(new URL((await link.getAttribute('href')) ?? '', page.url()).pathname).toBe('/labs/lab1/');
				expect(await axeViolations(page, 'continue-link')).toEqual([]);
			}
			await page.locator('continue-link a').click();
			await page.waitForURL(/\/labs\/lab1\/$/);
			expect(problems.messages).toEqual([]);
		} finally {
			await page.close();
		}
	});
});
