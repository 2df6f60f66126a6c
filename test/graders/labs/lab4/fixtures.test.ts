import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../../../graders/engine/snapshot.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { fixturePath, loadFixture } from './support/fixtures.ts';
import { lab4FixtureScenarios } from './support/lab4-scenarios.ts';
import { gradeLab4 } from './support/lab4-steps.ts';

const statuses = (name: 'passing' | 'failing' | 'access-denied') =>
	Object.fromEntries(gradeLab4(loadFixture(name)).map((check) => [check.id, check.status]));

describe('Lab 4 fixtures (steps 4–7)', () => {
	it.each(Object.keys(lab4FixtureScenarios))(
		'%s.json is what the real collectors produce (regenerate with generate.ts)',
		async (name) => {
			const scenario = lab4FixtureScenarios[name] as () => Promise<Snapshot>;
			expect(serializeSnapshot(await scenario())).toBe(readFileSync(fixturePath(name), 'utf8'));
		},
	);

	it('a learner who did steps 4–7 passes each of them', () => {
		expect(statuses('passing')).toEqual({
			'remediation-ran': 'pass',
			'drift-detected-and-fixed': 'pass',
			'config-rule-reports': 'pass',
			'postmortem-recorded': 'pass',
		});
	});

	it('a learner part-way fails each of them', () => {
		expect(statuses('failing')).toEqual({
			'remediation-ran': 'fail',
			'drift-detected-and-fixed': 'fail',
			'config-rule-reports': 'fail',
			'postmortem-recorded': 'fail',
		});
	});

	it('a denied read is could-not-grade naming the action, and leaves the other checks alone', () => {
		const checks = gradeLab4(loadFixture('access-denied'));
		const postmortem = checks.find((check) => check.id === 'postmortem-recorded');
		expect(postmortem?.status).toBe('error');
		expect(postmortem?.message).toContain('ssm:DescribeOpsItems');
		expect(checks.filter((check) => check.id !== 'postmortem-recorded').map((check) => check.status)).toEqual(
			Array(3).fill('pass'),
		);
	});
});
