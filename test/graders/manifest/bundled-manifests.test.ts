import { describe, expect, it } from 'vitest';
import { loadManifest, ManifestError, manifestKey } from '../../../graders/manifest/load-manifest.ts';

const lab7 =
	'id: lab7\ntitle: T\nsummary: S\ndefaultSince: 24h\nchecks:\n  - { id: a, title: A, step: 1, points: 1, hint: h }\n';

describe('manifests compiled into the learner bundle', () => {
	it('names a manifest by its repository path, wherever the bundle resolved it', () => {
		expect(manifestKey('/home/cloudshell-user/labs/lab1/manifest.yaml')).toBe('labs/lab1/manifest.yaml');
		expect(manifestKey('/labs/lab2/manifest.yaml')).toBe('labs/lab2/manifest.yaml');
		expect(manifestKey('C:\\course\\labs\\lab3\\manifest.yaml')).toBe('labs/lab3/manifest.yaml');
		expect(manifestKey('/work/labs/lab1/other.yaml')).toBeUndefined();
	});

	it('uses the compiled text when the file is not on disk, and names the manifest by its key in errors', () => {
		const missingFile = new URL('file:///nowhere/labs/lab7/manifest.yaml');
		expect(loadManifest(missingFile, { 'labs/lab7/manifest.yaml': lab7 }).id).toBe('lab7');
		expect(() => loadManifest(missingFile, { 'labs/lab7/manifest.yaml': 'id: [' })).toThrow(ManifestError);
		expect(() => loadManifest(missingFile, { 'labs/lab7/manifest.yaml': 'id: [' })).toThrow(
			/^labs\/lab7\/manifest\.yaml: not valid YAML/,
		);
	});

	it('reads the file when nothing is compiled in (a checkout, the npm package)', () => {
		const lab1 = loadManifest(new URL('../../../labs/lab1/manifest.yaml', import.meta.url), {});
		expect(lab1.id).toBe('lab1');
		expect(() => loadManifest(new URL('file:///nowhere/labs/lab7/manifest.yaml'), {})).toThrow(/ENOENT/);
	});
});
