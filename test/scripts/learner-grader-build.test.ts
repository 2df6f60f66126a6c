import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildLearnerGrader, labManifests } from '../../scripts/build-learner-grader.ts';
import { bundleForNode, sha256sumLine } from '../../scripts/bundle-for-node.ts';
import { zipArchive } from '../../scripts/zip-archive.ts';
import { downloadCommand, downloadUrl } from '../../src/utils/download-command.ts';

describe("the learner's single-file grader", () => {
	it('carries the learner commands and the lab manifests, and none of the gradebook', async () => {
		const grader = await buildLearnerGrader();
		expect(grader.fileName).toMatch(/^sre-lab-\d+\.\d+\.\d+.*\.mjs$/);
		expect(grader.inputs).toEqual(
			expect.arrayContaining([
				'graders/cli/commands/check.ts',
				'graders/cli/commands/labs.ts',
				'graders/cli/commands/doctor.ts',
				'graders/labs/lab4/index.ts',
			]),
		);
		// Lab 4 reads AWS FIS, whose client (3.523.0) carries its own older SDK core: bundled with it.
		expect(grader.inputs.some((input) => input.startsWith('node_modules/@aws-sdk/client-fis/'))).toBe(true);
		// The gradebook's database modules and the cohort commands stay out (pure helpers such as redact-secrets may come in).
		const cohort = grader.inputs.filter((input) =>
			/^graders\/(cohort|report)\/|^graders\/gradebook\/(open-gradebook|load-sqlite|transaction)\.ts$|commands\/(grade|regrade|report|import-progress)\.ts$/.test(
				input,
			),
		);
		expect(cohort).toEqual([]);
		const text = new TextDecoder().decode(grader.bytes);
		expect(text).toContain('labs/lab1/manifest.yaml');
		expect(text).not.toContain('node:sqlite');
		// A learner's download stays small (the budget is 5 MB).
		expect(grader.bytes.length).toBeLessThan(5 * 1024 * 1024);
	}, 60_000);

	it('finds every lab manifest', () => {
		expect(Object.keys(labManifests()).sort()).toEqual([
			'labs/lab1/manifest.yaml',
			'labs/lab2/manifest.yaml',
			'labs/lab3/manifest.yaml',
			'labs/lab4/manifest.yaml',
		]);
	});

	it('refuses to bundle a module that needs node:sqlite (Node 20 has none)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sre-lab-bundle-'));
		const entry = join(dir, 'entry.mjs');
		writeFileSync(entry, "import { DatabaseSync } from 'node:sqlite';\nconsole.log(new DatabaseSync(':memory:'));\n");
		await expect(bundleForNode({ entry, fileName: 'x.mjs', forbiddenImports: ['node:sqlite'] })).rejects.toThrow(
			/x\.mjs would import node:sqlite/,
		);
	});
});

/** Reads back the entries of a ZIP archive through its central directory, as unzip does. */
function readZip(bytes: Uint8Array): Record<string, string> {
	const buffer = Buffer.from(bytes);
	const end = buffer.length - 22;
	expect(buffer.readUInt32LE(end)).toBe(0x06054b50);
	const count = buffer.readUInt16LE(end + 10);
	let position = buffer.readUInt32LE(end + 16);
	const entries: Record<string, string> = {};
	for (let index = 0; index < count; index += 1) {
		expect(buffer.readUInt32LE(position)).toBe(0x02014b50);
		const compressedSize = buffer.readUInt32LE(position + 20);
		const nameLength = buffer.readUInt16LE(position + 28);
		const localOffset = buffer.readUInt32LE(position + 42);
		const name = buffer.toString('utf8', position + 46, position + 46 + nameLength);
		const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26);
		entries[name] = inflateRawSync(buffer.subarray(dataStart, dataStart + compressedSize)).toString('utf8');
		position += 46 + nameLength;
	}
	return entries;
}

describe('the Lab 2 function package', () => {
	it('holds each file deflated and readable, and is byte-identical on every build', () => {
		const files = [
			{ name: 'index.mjs', content: new TextEncoder().encode('export const handler = async () => 1;\n') },
			{ name: 'delete-after.mjs', content: new TextEncoder().encode('x'.repeat(5000)) },
		];
		const zip = zipArchive(files);
		expect(readZip(zip)).toEqual({
			'index.mjs': 'export const handler = async () => 1;\n',
			'delete-after.mjs': 'x'.repeat(5000),
		});
		expect(Buffer.from(zipArchive(files)).equals(Buffer.from(zip))).toBe(true);
	});
});

describe('download commands', () => {
	it('put the base path between the origin and the file', () => {
		expect(downloadUrl('https://course.example.org', '/', 'sre-lab-0.1.0.mjs')).toBe(
			'https://course.example.org/sre-lab-0.1.0.mjs',
		);
		expect(
			downloadUrl(new URL('https://example.github.io'), '/sre-course/', 'labs/lab3/load-generator-0.1.0.mjs'),
		).toBe('https://example.github.io/sre-course/labs/lab3/load-generator-0.1.0.mjs');
		expect(downloadUrl('https://example.github.io', '/sre-course', 'sre-lab-0.1.0.mjs')).toBe(
			'https://example.github.io/sre-course/sre-lab-0.1.0.mjs',
		);
	});

	it('download, verify and run, each step only if the one before succeeded', () => {
		const sha256 = 'a'.repeat(64);
		expect(
			downloadCommand({
				url: 'https://c.example/sre-lab-0.1.0.mjs',
				fileName: 'sre-lab-0.1.0.mjs',
				sha256,
				run: 'node {file} check lab1',
			}),
		).toBe(
			`curl -fsSLO https://c.example/sre-lab-0.1.0.mjs &&\n  echo "${sha256}  sre-lab-0.1.0.mjs" | sha256sum -c &&\n  node sre-lab-0.1.0.mjs check lab1`,
		);
		expect(downloadCommand({ url: 'https://c.example/t.yaml', fileName: 't.yaml', sha256 })).toBe(
			`curl -fsSLO https://c.example/t.yaml &&\n  echo "${sha256}  t.yaml" | sha256sum -c`,
		);
	});

	it('publish the checksum in the format sha256sum -c reads', () => {
		expect(sha256sumLine({ fileName: 'sre-lab-0.1.0.mjs', sha256: 'b'.repeat(64) })).toBe(
			`${'b'.repeat(64)}  sre-lab-0.1.0.mjs\n`,
		);
	});
});
