import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchChromium } from './browser.ts';
import { serveStaticSite } from './static-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Root URL of the built site under test, ending in `/`. */
		siteUrl: string;
		/** Absolute path of the built site (`dist/`). */
		distDir: string;
	}
}

/**
 * Serve the already-built `dist/` once for every e2e file, and prove up front that Chromium starts:
 * if it cannot, the whole run fails here with one clear message instead of skipping anything.
 */
export default async function setup(project: TestProject) {
	const distDir = resolve('dist');
	if (!existsSync(resolve(distDir, 'index.html'))) {
		throw new Error(`No built site in ${distDir}. Run \`npm run build\` before the browser tests.`);
	}
	const browser = await launchChromium();
	await browser.close();

	const site = await serveStaticSite(distDir);
	project.provide('siteUrl', site.url);
	project.provide('distDir', distDir);
	return () => site.close();
}
