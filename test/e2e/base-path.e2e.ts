/**
 * The site must work when deployed under a sub-path (GitHub Pages, an S3/CloudFront prefix). This
 * builds a second copy with SITE_BASE=/sre-course/, serves it ONLY under that prefix, and checks that
 * every internal link and asset on every page resolves, then loads a page in Chromium.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { childProcessEnv } from '../support/child-env.ts';
import { launchChromium, newWatchedPage } from './support/browser.ts';
import { sitemapPathnames } from './support/sitemap.ts';
import { type StaticSite, serveStaticSite } from './support/static-server.ts';

const base = '/sre-course/';
const outDir = mkdtempSync(join(tmpdir(), 'sre-course-base-'));
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
	await promisify(execFile)(resolve('node_modules/.bin/astro'), ['build', '--silent'], {
		env: childProcessEnv({ SITE_BASE: base, SITE_OUT_DIR: outDir }),
		maxBuffer: 64 * 1024 * 1024,
	});
	site = await serveStaticSite(outDir, base);
	browser = await launchChromium();
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await site?.close();
	rmSync(outDir, { recursive: true, force: true });
});

/** Same-origin URLs referenced by `href`/`src` attributes in an HTML document. */
function internalReferences(html: string, pageUrl: string): string[] {
	const origin = new URL(pageUrl).origin;
	return [...html.matchAll(/\s(?:href|src)="([^"#]+)[^"]*"/g)]
		.map((match) => new URL((match[1] as string).replaceAll('&amp;', '&'), pageUrl))
		.filter((url) => url.origin === origin)
		.map((url) => url.href);
}

test('every page, link and asset resolves under the base path', async () => {
	const pathnames = sitemapPathnames(outDir);
	expect(pathnames.length).toBeGreaterThan(1);
	expect(pathnames.every((pathname) => pathname.startsWith(base))).toBe(true);

	const references = new Set<string>();
	for (const pathname of pathnames) {
		const pageUrl = new URL(pathname, site.url).href;
		const response = await fetch(pageUrl);
		expect(response.status, pageUrl).toBe(200);
		for (const reference of internalReferences(await response.text(), pageUrl)) references.add(reference);
	}
	const broken: string[] = [];
	for (const reference of references) {
		const response = await fetch(reference, { method: 'HEAD' });
		if (response.status !== 200) broken.push(`${response.status} ${reference}`);
	}
	expect(broken).toEqual([]);
	expect(references.size).toBeGreaterThan(10);
});

test('a page under the base path loads its styles and scripts and navigates', async () => {
	const { page, problems } = await newWatchedPage(browser);
	await page.goto(site.url);
	const sandboxLink = page.locator('nav[aria-label="Main"] a', { hasText: 'Prepare your AWS sandbox' });
	await sandboxLink.click();
	await page.waitForURL(/\/sre-course\/prepare-sandbox\/$/);
	// Starlight's stylesheet applied: the sidebar is laid out as a fixed-width pane, not raw HTML flow.
	const sidebarPosition = await page.locator('.sidebar-pane').evaluate((element) => getComputedStyle(element).position);
	expect(sidebarPosition).toBe('fixed');
	expect(problems.messages).toEqual([]);
	await page.close();
});
