import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Pathnames of every page in the built sitemap (`sitemap-*.xml`), e.g. `/day-1/`. The sitemap's
 * absolute URLs carry the build-time `site`, so only their paths are kept and joined to the URL the
 * tests actually serve.
 */
export function sitemapPathnames(distDir: string): string[] {
	const files = readdirSync(distDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
	if (files.length === 0) throw new Error(`No sitemap-N.xml in ${distDir}; is \`site\` set in astro.config.mjs?`);
	const paths = files.flatMap((name) =>
		[...readFileSync(join(distDir, name), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(match) => new URL(match[1] as string).pathname,
		),
	);
	return [...new Set(paths)].sort();
}
