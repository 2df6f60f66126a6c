/**
 * Diagrams (src/components/Diagram.astro): drawn at build time, so every page that shows one carries
 * an inline SVG with a name and a text alternative and ships no diagram script; legible and axe-clean
 * in both themes; no page wider than a 320 px phone. Plus the calculator's burn-down chart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage } from './support/browser.ts';
import { phoneLayout } from './support/phone-layout.ts';
import { inject, siteUrl } from './support/site.ts';

/** Page → the diagrams it must show (data-diagram = the DOT file's name). */
const pagesWithDiagrams: Record<string, string[]> = {
	'/': ['course-map'],
	'/labs/lab1/': ['lab1-architecture'],
	'/labs/lab2/': ['lab2-architecture'],
	'/labs/lab3/': ['lab3-architecture'],
	'/labs/lab4/': ['lab4-game-day'],
	'/day-1/production-environment/': ['production-layers'],
	'/day-1/slis-slos-error-budgets/': ['sli-slo-sla', 'burn-rate-alerting'],
	'/day-3/incident-response/': ['incident-lifecycle'],
	'/day-3/release-engineering/': ['canary-rollback'],
};

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const useTheme = (page: Page, theme: 'dark' | 'light') =>
	page.evaluate((value) => {
		document.documentElement.dataset.theme = value;
	}, theme);

describe('diagrams rendered at build time', () => {
	for (const [path, names] of Object.entries(pagesWithDiagrams)) {
		test(`${path} carries ${names.join(', ')} as inline SVG with a text alternative and no diagram script`, () => {
			const html = readFileSync(join(inject('distDir'), path, 'index.html'), 'utf8');
			for (const name of names) {
				const figure = new RegExp(`<figure[^>]*data-diagram="${name}"[\\s\\S]*?</figure>`).exec(html)?.[0];
				expect(figure, `${name} on ${path}`).toBeDefined();
				expect(figure).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"[^>]*aria-describedby="([^"]+)"/);
				const [, titleId, descriptionId] =
					/aria-labelledby="([^"]+)"[^>]*aria-describedby="([^"]+)"/.exec(figure ?? '') ?? [];
				expect(figure).toContain(`<title id="${titleId}">`);
				expect(figure).toMatch(new RegExp(`id="${descriptionId}"[^>]*>\\s*<?[^<]{0,10}\\w`));
				expect(figure).toContain('<summary>Describe this diagram in words</summary>');
				expect(figure).not.toMatch(/"(black|white)"/);
			}
			expect(html).not.toMatch(/mermaid|viz-js|graphviz|@hpcc/i);
		});
	}

	for (const path of Object.keys(pagesWithDiagrams)) {
		test(`${path}: the diagram is visible, takes the theme colour, and axe finds nothing in light or dark`, async () => {
			const { page, problems } = await newWatchedPage(browser);
			try {
				await page.goto(siteUrl(path), { waitUntil: 'load' });
				const svg = page.locator('.course-diagram svg').first();
				expect(await svg.isVisible()).toBe(true);
				const colours: string[] = [];
				for (const theme of ['light', 'dark'] as const) {
					await useTheme(page, theme);
					colours.push(await svg.evaluate((element) => getComputedStyle(element).color));
					expect(await axeViolations(page), theme).toEqual([]);
				}
				// The drawing follows the theme's text colour rather than fixed black.
				expect(colours[0]).not.toBe(colours[1]);
				expect(problems.messages).toEqual([]);
			} finally {
				await page.close();
			}
		});
	}

	test('the text alternative opens from the keyboard and the drawing scrolls in a focusable region', async () => {
		const { page } = await newWatchedPage(browser);
		try {
			await page.setViewportSize({ width: 320, height: 700 });
			await page.goto(siteUrl('/day-3/incident-response/'), { waitUntil: 'load' });
			const figure = page.locator('figure[data-diagram="incident-lifecycle"]');
			const region = figure.locator('[role="region"]');
			expect(await region.getAttribute('tabindex')).toBe('0');
			expect(await region.getAttribute('aria-label')).toBe('Diagram: The incident lifecycle and its roles');
			await figure.locator('summary').focus();
			await page.keyboard.press('Enter');
			expect(await figure.locator('details').getAttribute('open')).not.toBeNull();
			expect(await figure.locator('details').textContent()).toContain('incident commander');
		} finally {
			await page.close();
		}
	});

	/** Every diagram has a phone layout (src/diagrams/NAME.narrow.dot); the page that shows each. */
	const phoneLayouts: Record<string, string> = {
		'course-map': '/',
		'lab1-architecture': '/labs/lab1/',
		'lab2-architecture': '/labs/lab2/',
		'lab3-architecture': '/labs/lab3/',
		'lab4-game-day': '/labs/lab4/',
		'sli-slo-sla': '/day-1/slis-slos-error-budgets/',
		'burn-rate-alerting': '/day-1/slis-slos-error-budgets/',
		'incident-lifecycle': '/day-3/incident-response/',
		'production-layers': '/day-1/production-environment/',
		'canary-rollback': '/day-3/release-engineering/',
	};

	/**
	 * The smallest text in an SVG as drawn, in CSS px: each text's font size times the scale the SVG is
	 * drawn at (its screen matrix), since a drawing shrunk to fit a column shrinks its text too.
	 */
	const smallestTextPx = (svg: SVGSVGElement) =>
		Math.min(
			...[...svg.querySelectorAll('text')].map(
				(text) => Number.parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 0),
			),
		);

	test('on 320 and 375 px phones every diagram shows its phone layout, whole, without sideways scrolling, its text at 11 px or more', async () => {
		const { page } = await newWatchedPage(browser);
		try {
			for (const width of [320, 375]) {
				await page.setViewportSize({ width, height: 812 });
				for (const [name, path] of Object.entries(phoneLayouts)) {
					await page.goto(siteUrl(path), { waitUntil: 'load' });
					const figure = page.locator(`figure[data-diagram="${name}"]`);
					const narrow = figure.locator('.course-diagram__narrow svg');
					expect(await narrow.isVisible(), `${name} at ${width} px`).toBe(true);
					expect(await figure.locator('.course-diagram__wide svg').isVisible(), name).toBe(false);
					const canvas = await figure
						.locator('[role="region"]')
						.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
					expect(canvas.scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(canvas.clientWidth);
					expect(await figure.locator('figcaption').textContent(), name).not.toContain('scroll sideways');
					// Below 11 px a phone reader has to zoom; a layout that shrinks that far needs shorter labels or
					// fewer boxes per row in src/diagrams/NAME.narrow.dot.
					expect(await narrow.evaluate(smallestTextPx), `${name} at ${width} px`).toBeGreaterThanOrEqual(11);
					if (width === 375) {
						expect(await axeViolations(page, `figure[data-diagram="${name}"]`), name).toEqual([]);
					}
				}
			}
			// On a desktop the wide layouts come back, the home page's map beside the title included.
			await page.setViewportSize({ width: 1280, height: 800 });
			for (const [name, path] of Object.entries(phoneLayouts)) {
				await page.goto(siteUrl(path), { waitUntil: 'load' });
				const figure = page.locator(`figure[data-diagram="${name}"]`);
				expect(await figure.locator('.course-diagram__wide svg').isVisible(), name).toBe(true);
				expect(await figure.locator('.course-diagram__narrow svg').isVisible(), name).toBe(false);
			}
		} finally {
			await page.close();
		}
	});

	for (const width of [320, 375]) {
		test(`no page with a diagram is wider than a ${width} px screen`, async () => {
			const { page } = await newWatchedPage(browser);
			try {
				await page.setViewportSize({ width, height: 800 });
				for (const path of Object.keys(pagesWithDiagrams)) {
					await page.goto(siteUrl(path), { waitUntil: 'load' });
					const layout = await phoneLayout(page);
					expect({ path, overflowPx: layout.overflowPx, overflowing: layout.overflowing }).toEqual({
						path,
						overflowPx: 0,
						overflowing: [],
					});
				}
			} finally {
				await page.close();
			}
		});
	}
});

describe('error-budget calculator chart', () => {
	test('redraws the burn-down line and its description when the burn rate changes', async () => {
		const { page, problems } = await newWatchedPage(browser);
		try {
			await page.goto(siteUrl('/day-1/slis-slos-error-budgets/'), { waitUntil: 'load' });
			const widget = page.locator('error-budget-calculator[data-ready]');
			await widget.waitFor();
			const line = widget.locator('[data-chart-line]');
			const summary = widget.locator('[data-chart-summary]');
			const before = await line.getAttribute('d');
			// The server drew the starting value (14.4); the element redraws for each new one.
			expect(await summary.textContent()).toBe(
				'At burn rate 14.4, the error budget is gone after 2.08 days, 6.94 % of the way through the 30-day window.',
			);
			const field = widget.getByRole('textbox', { name: 'Burn rate' });
			await field.fill('2');
			await expect.poll(() => line.getAttribute('d')).not.toBe(before);
			expect(await summary.textContent()).toBe(
				'At burn rate 2, the error budget is gone after 15 days, 50 % of the way through the 30-day window.',
			);
			await field.fill('0.5');
			await expect.poll(() => summary.textContent()).toContain('50 % of the error budget is left');
			await field.fill('oops');
			await expect.poll(() => widget.locator('[data-chart]').isHidden()).toBe(true);
			const svg = widget.locator('[data-chart] svg');
			expect(await svg.getAttribute('role')).toBe('img');
			expect(problems.messages).toEqual([]);
		} finally {
			await page.close();
		}
	});
});
