import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../graders/manifest/load-manifest.ts';
import { formatChecklist } from '../../graders/output/checklist.ts';
import { sampleLabResult } from '../../src/components/labs/lab-check-sample.ts';
import { LabResultSchema } from '../../src/schemas/lab-result.ts';

describe.each(['lab1', 'lab2', 'lab3', 'lab4'])('the sample checklist of %s', (lab) => {
	const manifest = loadManifest(new URL(`../../labs/${lab}/manifest.yaml`, import.meta.url));
	const sample = sampleLabResult(manifest);

	it('has every check of the manifest, in order, with its step and points', () => {
		expect(sample.checks.map(({ id, step, points }) => ({ id, step, points }))).toEqual(
			manifest.checks.map(({ id, step, points }) => ({ id, step, points })),
		);
	});

	it('is part-way through: passes first, then a failure with its hint, and skips what builds on it', () => {
		const statuses = sample.checks.map((check) => check.status);
		expect(statuses[0]).toBe('pass');
		expect(statuses).toContain('fail');
		const failed = sample.checks.find((check) => check.status === 'fail');
		expect(failed?.hint).toBe(manifest.checks.find((check) => check.id === failed?.id)?.hint);
		for (const check of sample.checks.filter((candidate) => candidate.status === 'skipped')) {
			expect(check.message).toMatch(/^Complete step \d+ first \(".+" has not passed\)\.$/);
		}
		expect(sample.score).toBe(sample.checks.reduce((sum, check) => sum + check.earned, 0));
	});

	it('is a valid result document, printed exactly as the command prints it', () => {
		expect(LabResultSchema.safeParse(sample).success).toBe(true);
		const printed = formatChecklist(sample, { color: false });
		expect(printed).toContain(`✓ Step 1 ${manifest.checks[0]?.title}`);
		expect(printed).toMatch(/Score \d+\/\d+ · \d+ passed, \d+ failed, 0 could not be graded, \d+ skipped/);
	});
});
