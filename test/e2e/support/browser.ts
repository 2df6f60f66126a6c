import { existsSync } from 'node:fs';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launch headless Chromium. The flags keep it from reaching out to Google services, which this
 * environment's closed network refuses (and which would only slow the tests down).
 */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(chromiumPath)) {
		throw new Error(
			`Chromium not found at ${chromiumPath}. Install it with \`sudo apt-get install -y chromium\` ` +
				'(or set CHROMIUM_PATH). The browser tests never skip.',
		);
	}
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
