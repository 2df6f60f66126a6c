/**
 * Publishes the course's downloads (scripts/course-downloads.ts: the learner's grader, the lab tooling) with
 * the site, so the grader a page tells learners to run is always the one built with that page:
 * - `astro build` writes each file and its `.sha256` into the output folder, i.e. at `<base>/<path>`;
 * - `astro dev` serves them from memory at the same URLs (built on first use; restart it to pick up grader changes);
 * - pages read their paths and checksums from the virtual module `virtual:course-downloads`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sha256sumLine } from '../../scripts/bundle-for-node.ts';
import { buildCourseDownloads, type CourseDownload, downloadInfo } from '../../scripts/course-downloads.ts';

const virtualId = 'virtual:course-downloads';
const resolvedVirtualId = `\0${virtualId}`;

/** Every published file, by URL path below the base: the downloads and their `.sha256` files. */
function publishedFiles(downloads: readonly CourseDownload[]): Map<string, Uint8Array | string> {
	const files = new Map<string, Uint8Array | string>();
	for (const file of downloads) {
		files.set(file.path, file.bytes);
		files.set(`${file.path}.sha256`, sha256sumLine(file));
	}
	return files;
}

export function courseDownloads(): AstroIntegration {
	// Built once per process and shared by the pages (through the virtual module), the dev server and the build output.
	let built: Promise<CourseDownload[]> | undefined;
	const downloads = () => {
		built ??= buildCourseDownloads();
		return built;
	};
	let base = '/';
	return {
		name: 'sre-course-downloads',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'sre-course-downloads',
								resolveId: (id: string) => (id === virtualId ? resolvedVirtualId : undefined),
								load: async (id: string) =>
									id === resolvedVirtualId
										? `export default ${JSON.stringify((await downloads()).map(downloadInfo))};`
										: undefined,
							},
						],
					},
				});
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use(async (request, response, next) => {
					const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
					if (!pathname.startsWith(base)) return next();
					const file = publishedFiles(await downloads()).get(pathname.slice(base.length));
					if (file === undefined) return next();
					response.setHeader(
						'content-type',
						pathname.endsWith('.sha256') ? 'text/plain; charset=utf-8' : 'application/octet-stream',
					);
					response.end(file);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				for (const [path, content] of publishedFiles(await downloads())) {
					const target = join(outDir, path);
					mkdirSync(dirname(target), { recursive: true });
					writeFileSync(target, content);
				}
				const grader = (await downloads()).find((file) => file.id === 'grader');
				logger.info(
					`learner's grader ${base}${grader?.path} (${grader?.bytes.length} bytes, sha256 ${grader?.sha256})`,
				);
			},
		},
	};
}
