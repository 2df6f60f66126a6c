import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../../../graders/engine/snapshot.ts';
import { collectLab2 } from './support/collect-lab2.ts';
import { completeLab2Account } from './support/lab2-account.ts';
import { gradeLab2, type Lab2FixtureName, lab2FixturePath, loadLab2Fixture } from './support/lab2-fixtures.ts';
import { lab2FixtureScenarios } from './support/lab2-scenarios.ts';

const statuses = (name: Lab2FixtureName) =>
	Object.fromEntries(gradeLab2(loadLab2Fixture(name)).checks.map((check) => [check.id, check.status]));

describe('lab2 snapshot fixtures', () => {
	it.each(Object.keys(lab2FixtureScenarios))('%s.json is what the collectors produce today', async (name) => {
		const scenario = lab2FixtureScenarios[name];
		if (!scenario) throw new Error(name);
		const committed = readFileSync(lab2FixturePath(name as Lab2FixtureName), 'utf8');
		expect(serializeSnapshot(await scenario())).toBe(committed);
	});

	it('collects the same data when every list comes back one item per page', async () => {
		const onePerPage = await collectLab2(completeLab2Account(), { pageSize: 1 });
		expect(onePerPage.reads).toEqual(loadLab2Fixture('passing').reads);
	});

	it('grades the finished lab as a full pass', () => {
		const result = gradeLab2(loadLab2Fixture('passing'));
		expect(result.outcome).toBe('pass');
		expect(result.score).toBe(result.maxScore);
	});

	it('grades the half-done lab with failures and skips', () => {
		expect(statuses('failing')).toEqual({
			'fleet-tagged': 'pass',
			'fleet-managed': 'pass',
			'patching-scheduled': 'fail',
			'patching-succeeded': 'skipped',
			'cleanup-function-permitted': 'fail',
			'cleanup-scheduled': 'skipped',
			'cleanup-ran-cleanly': 'skipped',
			'snapshots-cleaned': 'skipped',
		});
	});

	it('reports a denied read as an error of the check that needs it, never as a failure', () => {
		const result = gradeLab2(loadLab2Fixture('access-denied'));
		expect(result.outcome).toBe('error');
		expect(statuses('access-denied')['patching-succeeded']).toBe('error');
		expect(result.checks.find((check) => check.id === 'patching-succeeded')?.message).toContain(
			'ssm:DescribeInstancePatchStates',
		);
		expect(result.checks.filter((check) => check.status !== 'pass').map((check) => check.id)).toEqual([
			'patching-succeeded',
		]);
	});
});
