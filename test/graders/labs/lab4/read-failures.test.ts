import { describe, expect, it } from 'vitest';
import type { CheckStatus, Snapshot } from '../../../../graders/engine/types.ts';
import { betweenSnapshots, withOneReadLost } from '../../support/lose-a-read.ts';
import { loadFixture } from './support/fixtures.ts';
import { gradeLab4 } from './support/lab4-steps.ts';

/**
 * The rule of docs/graders.md for Lab 4: losing any one read may turn a pass (or a skip) into an
 * error, never into a fail. test/graders/labs/read-failures.test.ts checks every registered lab's
 * fixtures; this adds the learners part-way between Lab 4's passing and failing fixtures, both ways,
 * and between not-detected and passing.
 */
function passesLostToFail(snapshot: Snapshot): string[] {
	const before = new Map<string, CheckStatus>(gradeLab4(snapshot).map((check) => [check.id, check.status]));
	const turned: string[] = [];
	for (const lost of withOneReadLost(snapshot, 'rotate')) {
		for (const check of gradeLab4(lost.snapshot)) {
			const was = before.get(check.id);
			if ((was === 'pass' || was === 'skipped') && check.status === 'fail')
				turned.push(`${lost.what}: ${check.id} ${was} → fail ("${check.message}")`);
		}
	}
	return turned;
}

const passing = loadFixture('passing');
const failing = loadFixture('failing');
const notDetected = loadFixture('not-detected');
const cases = [
	{ name: 'passing', snapshot: passing },
	{ name: 'failing', snapshot: failing },
	{ name: 'access-denied', snapshot: loadFixture('access-denied') },
	{ name: 'experiment-failed', snapshot: loadFixture('experiment-failed') },
	{ name: 'not-detected', snapshot: notDetected },
	...betweenSnapshots(failing, passing).map(({ what, snapshot }) => ({ name: `passing with ${what}`, snapshot })),
	...betweenSnapshots(passing, failing).map(({ what, snapshot }) => ({ name: `failing with ${what}`, snapshot })),
	...betweenSnapshots(notDetected, passing).map(({ what, snapshot }) => ({ name: `detected with ${what}`, snapshot })),
];

describe('Lab 4 under one lost read', () => {
	it('has part-way learners to check', () => {
		expect(cases.length).toBeGreaterThan(3);
	});

	it.each(cases.map(({ name }) => name))('never turns a pass of the %s snapshot into a fail', (name) => {
		const { snapshot } = cases.find((candidate) => candidate.name === name) as (typeof cases)[number];
		expect(passesLostToFail(snapshot)).toEqual([]);
	});
});
