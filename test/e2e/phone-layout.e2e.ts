/**
 * Every page in the sitemap on phone-sized screens (320 and 360 CSS px wide): nothing makes the page
 * wider than the screen (wide tables scroll inside their own keyboard-reachable region), and no word
 * is broken inside (no "S/i/g/n/a/l" table headers). The measurement is geometric, so it holds for
 * whatever fonts the machine has. No code block scrolls sideways at 320 px. On a touch screen, code
 * copy buttons show without a hover.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium, newWatchedPage } from './support/browser.ts';
import { phoneLayout } from './support/phone-layout.ts';
import { siteUrl } from './support/site.ts';
import { sitemapPathnames } from './support/sitemap.ts';

const pathnames = sitemapPathnames(inject('distDir'));
const phoneWidths = [320, 360];
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe.each(pathnames)('%s', (pathname) => {
	test.each(phoneWidths)('fits a %i px screen with every word whole', async (width) => {
		const { page, problems } = await newWatchedPage(browser);
		try {
			await page.setViewportSize({ width, height: 740 });
			await page.goto(siteUrl(pathname), { waitUntil: 'load' });
			await page.evaluate(() => document.fonts.ready);
			expect(await phoneLayout(page)).toEqual({ overflowPx: 0, overflowing: [], brokenWords: [] });
			expect(problems.messages).toEqual([]);
		} finally {
			await page.close();
		}
	});
});

test('no code block scrolls sideways on a 320 px phone (a scrolling <pre> is not reachable by keyboard)', async () => {
	const { page } = await newWatchedPage(browser);
	try {
		await page.setViewportSize({ width: 320, height: 740 });
		const scrolling: string[] = [];
		for (const pathname of pathnames) {
			await page.goto(siteUrl(pathname), { waitUntil: 'load' });
			const widths = await page.evaluate(() =>
				[...document.querySelectorAll('pre')]
					.filter((pre) => pre.scrollWidth > pre.clientWidth + 1 && !pre.hasAttribute('tabindex'))
					.map((pre) => pre.scrollWidth - pre.clientWidth),
			);
			if (widths.length > 0) scrolling.push(`${pathname}: ${widths.join(', ')} px too wide`);
		}
		// Before the phone rule in src/styles/theme.css, deeply indented wrapped lines kept a 20ch minimum.
		expect(scrolling).toEqual([]);
	} finally {
		await page.close();
	}
});

test('code copy buttons show without hovering on a touch screen, and wait for the pointer on a desktop', async () => {
	const opacityOfCopyButton = async (touch: boolean) => {
		const context = await browser.newContext({
			viewport: { width: 360, height: 740 },
			hasTouch: touch,
			isMobile: touch,
		});
		try {
			const page = await context.newPage();
			await page.goto(siteUrl('/labs/lab1/'), { waitUntil: 'load' });
			return Number(
				await page
					.locator('.expressive-code .copy button')
					.first()
					.evaluate((b) => getComputedStyle(b).opacity),
			);
		} finally {
			await context.close();
		}
	};
	expect(await opacityOfCopyButton(true)).toBeGreaterThanOrEqual(0.75);
	expect(await opacityOfCopyButton(false)).toBe(0);
});

test('measures what it claims: a squeezed table header and a too-wide box are reported', async () => {
	const { page } = await newWatchedPage(browser);
	try {
		await page.setViewportSize({ width: 320, height: 740 });
		await page.setContent(`<!doctype html><html><body style="margin:0">
			<table style="width:100%"><tr><th style="overflow-wrap:anywhere;width:1px">Signal</th><td>Other cells take the room</td></tr></table>
			<p style="overflow-wrap:break-word">A whole long identifier, <code>AmazonSSMManagedInstanceCoreAndMoreAndMoreToBeLonger</code>, may wrap in prose.</p>
			<div style="width:400px">too wide</div>
		</body></html>`);
		const layout = await phoneLayout(page);
		expect(layout.overflowPx).toBe(80);
		expect(layout.overflowing).toEqual(['div reaches 400 px']);
		expect(layout.brokenWords).toEqual(['th "Signal" in "Signal"']);
	} finally {
		await page.close();
	}
});
