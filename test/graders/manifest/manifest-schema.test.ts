import { describe, expect, it } from 'vitest';
import { loadManifest, ManifestError, parseManifest } from '../../../graders/manifest/load-manifest.ts';

const base = (checks: string) => `id: lab7\ntitle: T\nsummary: S\ndefaultSince: 24h\nchecks:\n${checks}`;

describe('lab manifest schema', () => {
	it('loads the Lab 1 manifest: ten checks, steps in order, prerequisites on earlier or same steps', () => {
		const manifest = loadManifest(new URL('../../../labs/lab1/manifest.yaml', import.meta.url));
		expect(manifest.checks).toHaveLength(10);
		const steps = manifest.checks.map((check) => check.step);
		expect(steps).toEqual([...steps].sort((a, b) => a - b));
		expect(manifest.checks.reduce((sum, check) => sum + check.points, 0)).toBe(100);
	});

	it.each([
		[
			'unknown prerequisites',
			base('  - { id: a, title: A, step: 1, points: 1, dependsOn: [b], hint: h }'),
			'depends on unknown check "b"',
		],
		[
			'cycles',
			base(
				'  - { id: a, title: A, step: 1, points: 1, dependsOn: [b], hint: h }\n  - { id: b, title: B, step: 1, points: 1, dependsOn: [a], hint: h }',
			),
			'dependency cycle',
		],
		[
			'prerequisites on a later step',
			base(
				'  - { id: a, title: A, step: 1, points: 1, dependsOn: [b], hint: h }\n  - { id: b, title: B, step: 2, points: 1, hint: h }',
			),
			'from a later step',
		],
		[
			'duplicate ids',
			base(
				'  - { id: a, title: A, step: 1, points: 1, hint: h }\n  - { id: a, title: B, step: 1, points: 1, hint: h }',
			),
			'unique',
		],
		['non-kebab ids', base('  - { id: Bad_Id, title: A, step: 1, points: 1, hint: h }'), 'kebab-case'],
		['unknown fields', base('  - { id: a, title: A, step: 1, points: 1, hint: h, severity: high }'), 'severity'],
		['a missing hint', base('  - { id: a, title: A, step: 1, points: 1 }'), 'hint'],
		[
			'bad durations',
			base('  - { id: a, title: A, step: 1, points: 1, hint: h }').replace('24h', 'a day'),
			'defaultSince',
		],
	])('rejects %s, naming the file', (_, text, message) => {
		expect(() => parseManifest(text, 'labs/lab7/manifest.yaml')).toThrow(ManifestError);
		expect(() => parseManifest(text, 'labs/lab7/manifest.yaml')).toThrow(message);
		expect(() => parseManifest(text, 'labs/lab7/manifest.yaml')).toThrow('labs/lab7/manifest.yaml');
	});

	it('rejects invalid YAML', () => {
		expect(() => parseManifest('id: [', 'x.yaml')).toThrow('not valid YAML');
	});
});
