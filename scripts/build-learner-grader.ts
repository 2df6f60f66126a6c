/**
 * Builds the learner's grader: ONE ES module, `sre-lab-<version>.mjs`, that runs with plain `node` (20 and
 * newer) and carries the learner commands (check, labs, policy, doctor), the lab manifests, the version and the
 * AWS SDK clients, plus `sre-lab-<version>.mjs.sha256`. The course site publishes both at its base path
 * (src/integrations/course-downloads.ts); this script also writes them on their own:
 *
 *   node scripts/build-learner-grader.ts [out-dir]      (default: build/learner-grader)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { type BundledFile, bundleForNode, sha256sumLine } from './bundle-for-node.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function packageVersion(root = repoRoot): string {
	return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

export function learnerGraderFileName(version: string): string {
	return `sre-lab-${version}.mjs`;
}

/** Every `labs/<id>/manifest.yaml`, keyed by that repository path (see graders/manifest/bundled-manifests.ts). */
export function labManifests(root = repoRoot): Record<string, string> {
	const manifests: Record<string, string> = {};
	for (const entry of readdirSync(join(root, 'labs'), { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const key = `labs/${entry.name}/manifest.yaml`;
		try {
			manifests[key] = readFileSync(join(root, key), 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	return manifests;
}

/**
 * Replaces the two modules that read repository files at run time with their content, so the bundle needs
 * nothing beside it.
 */
export function inlineRepositoryFiles(root = repoRoot): Plugin {
	return {
		name: 'inline-repository-files',
		setup(build) {
			build.onLoad({ filter: /[\\/]graders[\\/]manifest[\\/]bundled-manifests\.ts$/ }, () => ({
				contents: `export const bundledManifests = ${JSON.stringify(labManifests(root))};`,
				loader: 'js',
			}));
			build.onLoad({ filter: /[\\/]graders[\\/]cli[\\/]package-version\.ts$/ }, () => ({
				contents: `export const packageVersion = ${JSON.stringify(packageVersion(root))};`,
				loader: 'js',
			}));
		},
	};
}

export function buildLearnerGrader(root = repoRoot): Promise<BundledFile> {
	return bundleForNode({
		entry: join(root, 'graders/cli/learner-bin.ts'),
		fileName: learnerGraderFileName(packageVersion(root)),
		plugins: [inlineRepositoryFiles(root)],
		// The gradebook's node:sqlite does not exist on Node 20: a learner command that pulled it in would crash.
		forbiddenImports: ['node:sqlite'],
	});
}

/** Writes `<file>` and `<file>.sha256` into `dir`; returns their paths. */
export function writeWithChecksum(dir: string, file: BundledFile): string[] {
	mkdirSync(dir, { recursive: true });
	const path = join(dir, file.fileName);
	writeFileSync(path, file.bytes);
	writeFileSync(`${path}.sha256`, sha256sumLine(file));
	return [path, `${path}.sha256`];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const outDir = resolve(process.argv[2] ?? 'build/learner-grader');
	const grader = await buildLearnerGrader();
	const [path] = writeWithChecksum(outDir, grader);
	console.log(`${path}: ${(grader.bytes.length / 1024 / 1024).toFixed(2)} MiB, sha256 ${grader.sha256}`);
}
