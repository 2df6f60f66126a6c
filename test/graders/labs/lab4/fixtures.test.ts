import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../../../graders/engine/snapshot.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { fixturePath, loadFixture } from './support/fixtures.ts';
import { type Lab4FixtureName, lab4FixtureScenarios } from './support/lab4-scenarios.ts';
import { gradeLab4 } from './support/lab4-steps.ts';

const statuses = (name: Lab4FixtureName) =>
	Object.fromEntries(gradeLab4(loadFixture(name)).map((check) => [check.id, check.status]));

const stepsFourToSeven = {
	'remediation-ran': 'pass',
	'drift-detected-and-fixed': 'pass',
	'config-rule-reports': 'pass',
	'postmortem-recorded': 'pass',
};

describe('Lab 4 fixtures', () => {
	it.each(Object.keys(lab4FixtureScenarios))(
		'%s.json is what the real collectors produce (regenerate with generate.ts)',
		async (name) => {
			const scenario = lab4FixtureScenarios[name] as () => Promise<Snapshot>;
			expect(serializeSnapshot(await scenario())).toBe(readFileSync(fixturePath(name), 'utf8'));
		},
	);

	it('a learner who did every step passes each of them', () => {
		expect(statuses('passing')).toEqual({
			'experiment-template-ready': 'pass',
			'experiment-ran': 'pass',
			'fault-detected': 'pass',
			...stepsFourToSeven,
		});
	});

	it('a learner part-way fails each step they can be graded on, and the game day waits for its template', () => {
		expect(statuses('failing')).toEqual({
			'experiment-template-ready': 'fail',
			'experiment-ran': 'skipped',
			'fault-detected': 'skipped',
			'remediation-ran': 'fail',
			'drift-detected-and-fixed': 'fail',
			'config-rule-reports': 'fail',
			'postmortem-recorded': 'fail',
		});
	});

	it('an experiment that failed fails step 2, and step 3 waits for it', () => {
		expect(statuses('experiment-failed')).toEqual({
			'experiment-template-ready': 'pass',
			'experiment-ran': 'fail',
			'fault-detected': 'skipped',
			...stepsFourToSeven,
		});
	});

	it('an experiment no alarm noticed fails step 3 only', () => {
		expect(statuses('not-detected')).toEqual({
			'experiment-template-ready': 'pass',
			'experiment-ran': 'pass',
			'fault-detected': 'fail',
			...stepsFourToSeven,
		});
	});

	it('a denied read is could-not-grade naming the action, and leaves the other checks alone', () => {
		const checks = gradeLab4(loadFixture('access-denied'));
		const byId = new Map(checks.map((check) => [check.id, check]));
		expect(byId.get('experiment-template-ready')?.status).toBe('error');
		expect(byId.get('experiment-template-ready')?.message).toContain('iam:SimulatePrincipalPolicy');
		expect(byId.get('postmortem-recorded')?.status).toBe('error');
		expect(byId.get('postmortem-recorded')?.message).toContain('ssm:DescribeOpsItems');
		expect(['experiment-ran', 'fault-detected'].map((id) => byId.get(id)?.status)).toEqual(['skipped', 'skipped']);
		expect(
			['remediation-ran', 'drift-detected-and-fixed', 'config-rule-reports'].map((id) => byId.get(id)?.status),
		).toEqual(['pass', 'pass', 'pass']);
	});
});
