/**
 * Everything the course site publishes for learners to download, so that nothing in a lab needs a clone of
 * the repository or an `npm install`: the grader, and the tooling the labs use. Each file is versioned by the
 * package version and published with its SHA-256 beside it (`<path>.sha256`, the format `sha256sum -c` reads).
 * src/integrations/course-downloads.ts writes them into the built site; src/components/DownloadCommand.astro
 * renders the commands that fetch them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLearnerGrader, packageVersion } from './build-learner-grader.ts';
import { bundleForNode, sha256Hex } from './bundle-for-node.ts';
import { zipArchive } from './zip-archive.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The ids pages use to name a download (`<DownloadCommand file="lab3-load-generator" …/>`). */
export const downloadIds = [
	'grader',
	'lab2-seed-snapshots',
	'lab2-cleanup-function',
	'lab3-load-generator',
	'lab3-app-template',
] as const;
export type DownloadId = (typeof downloadIds)[number];

export interface CourseDownload {
	id: DownloadId;
	/** Path below the site's base, e.g. `labs/lab3/load-generator-0.1.0.mjs`. */
	path: string;
	fileName: string;
	bytes: Uint8Array;
	sha256: string;
}

/** What pages need to know about a download (no bytes): the virtual module `virtual:course-downloads`. */
export type CourseDownloadInfo = Omit<CourseDownload, 'bytes'> & { size: number };

function download(id: DownloadId, dir: string, fileName: string, bytes: Uint8Array): CourseDownload {
	return { id, path: dir ? `${dir}/${fileName}` : fileName, fileName, bytes, sha256: sha256Hex(bytes) };
}

async function bundled(id: DownloadId, dir: string, entry: string, fileName: string): Promise<CourseDownload> {
	const file = await bundleForNode({ entry: join(repoRoot, entry), fileName });
	return download(id, dir, fileName, file.bytes);
}

function cleanupFunctionZip(version: string): CourseDownload {
	const dir = join(repoRoot, 'labs/lab2/cleanup-function');
	const names = readdirSync(dir)
		.filter((name) => name.endsWith('.mjs'))
		.sort();
	const zip = zipArchive(names.map((name) => ({ name, content: readFileSync(join(dir, name)) })));
	return download('lab2-cleanup-function', 'labs/lab2', `cleanup-function-${version}.zip`, zip);
}

export async function buildCourseDownloads(): Promise<CourseDownload[]> {
	const version = packageVersion(repoRoot);
	const [grader, seedSnapshots, loadGenerator] = await Promise.all([
		buildLearnerGrader(repoRoot),
		bundled('lab2-seed-snapshots', 'labs/lab2', 'labs/lab2/seed-snapshots.mjs', `seed-snapshots-${version}.mjs`),
		bundled('lab3-load-generator', 'labs/lab3', 'labs/lab3/load-generator.ts', `load-generator-${version}.mjs`),
	]);
	const appTemplate = readFileSync(join(repoRoot, 'labs/lab3/app/template.yaml'));
	return [
		download('grader', '', grader.fileName, grader.bytes),
		seedSnapshots,
		cleanupFunctionZip(version),
		loadGenerator,
		download('lab3-app-template', 'labs/lab3', `app-template-${version}.yaml`, appTemplate),
	];
}

export function downloadInfo({ bytes, ...info }: CourseDownload): CourseDownloadInfo {
	return { ...info, size: bytes.length };
}
