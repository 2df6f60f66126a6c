import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { findChromium } from './find-chromium.ts';

/** The installed playwright-core's folder (where PLAYWRIGHT_BROWSERS_PATH=0 keeps its browsers). */
function playwrightCoreDir(): string | undefined {
	try {
		return dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
	} catch {
		return undefined;
	}
}

/** This machine's Chromium for the tests: CHROMIUM_PATH, Debian's package or Playwright's (find-chromium.ts). */
export function locateChromium(): string {
	const lookup = findChromium({
		env: process.env,
		platform: process.platform,
		homeDir: homedir(),
		cwd: process.cwd(),
		playwrightCoreDir: playwrightCoreDir(),
		exists: existsSync,
		list: (dir) => {
			try {
				return readdirSync(dir);
			} catch {
				return [];
			}
		},
	});
	if (!lookup.found) throw new Error(lookup.message);
	return lookup.path;
}

/**
 * Launch headless Chromium. The flags keep it from reaching out to Google services, which this
 * environment's closed network refuses (and which would only slow the tests down).
 */
export async function launchChromium(): Promise<Browser> {
	const chromiumPath = locateChromium();
	try {
		return await chromium.launch({
			executablePath: chromiumPath,
			headless: true,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage',
			],
		});
	} catch (error) {
		throw new Error(`Chromium at ${chromiumPath} could not start: ${(error as Error).message}`);
	}
}

/** Problems a page reported while it was open: console errors, uncaught exceptions, failed requests. */
export interface PageProblems {
	messages: string[];
}

/**
 * Open a new page that records every console error, uncaught exception and failed or 4xx/5xx
 * request, so a test can assert that a page loaded cleanly.
 */
export async function newWatchedPage(browser: Browser): Promise<{ page: Page; problems: PageProblems }> {
	// axe-core/playwright needs a page that belongs to an explicit context.
	const context = await browser.newContext();
	const page = await context.newPage();
	page.on('close', () => {
		context.close().catch(() => {});
	});
	const problems: PageProblems = { messages: [] };
	page.on('console', (message: ConsoleMessage) => {
		if (message.type() === 'error') problems.messages.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.messages.push(`exception: ${error.message}`));
	page.on('requestfailed', (request) => {
		const reason = request.failure()?.errorText ?? 'unknown';
		// ERR_ABORTED is the page cancelling its own request (a link prefetch overtaken by the
		// navigation it anticipated), not a resource that failed to load.
		if (reason === 'net::ERR_ABORTED') return;
		problems.messages.push(`request failed: ${request.url()} (${reason})`);
	});
	page.on('response', (response) => {
		if (response.status() >= 400) problems.messages.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	return { page, problems };
}
