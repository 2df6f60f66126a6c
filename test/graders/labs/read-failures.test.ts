import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateLab } from '../../../graders/engine/evaluate.ts';
import { parseSnapshot } from '../../../graders/engine/snapshot.ts';
import type { CheckStatus, Snapshot } from '../../../graders/engine/types.ts';
import { betweenSnapshots, withOneReadLost } from '../support/lose-a-read.ts';

/**
 * The rule of docs/graders.md, as a property: a verdict rests only on reads that succeeded, so losing
 * any one read — whole, or one resource of a per-resource read, denied, throttled or dropped (the
 * kinds taken in turn) — may
 * turn a pass into an error but never a pass or a skip into a fail. Checked on every committed
 * fixture of every lab and on the learners part-way between each lab's passing and failing fixture.
 */

const fixture = (lab: string, name: string): Snapshot => {
	const file = new URL(`../../fixtures/snapshots/${lab}/${name}.json`, import.meta.url).pathname;
	return parseSnapshot(readFileSync(file, 'utf8'), file);
};

const grade = (lab: string, snapshot: Snapshot) =>
	evaluateLab(lab, snapshot, { now: () => new Date('2026-11-22T12:05:00Z') }).checks;

function snapshotsOf(lab: string): { name: string; snapshot: Snapshot }[] {
	const passing = fixture(lab, 'passing');
	const failing = fixture(lab, 'failing');
	return [
		{ name: 'passing', snapshot: passing },
		{ name: 'failing', snapshot: failing },
		{ name: 'access-denied', snapshot: fixture(lab, 'access-denied') },
		...betweenSnapshots(failing, passing).map(({ what, snapshot }) => ({ name: `passing with ${what}`, snapshot })),
		...betweenSnapshots(passing, failing).map(({ what, snapshot }) => ({ name: `failing with ${what}`, snapshot })),
	];
}

/** Every pass or skip that losing one read turns into a fail, described for the assertion message. */
function passesLostToFail(lab: string, snapshot: Snapshot): string[] {
	const before = new Map<string, CheckStatus>(grade(lab, snapshot).map((check) => [check.id, check.status]));
	const turned: string[] = [];
	for (const lost of withOneReadLost(snapshot, 'rotate')) {
		for (const check of grade(lab, lost.snapshot)) {
			const was = before.get(check.id);
			if ((was === 'pass' || was === 'skipped') && check.status === 'fail')
				turned.push(`${lost.what}: ${check.id} ${was} → fail ("${check.message}")`);
		}
	}
	return turned;
}

describe.each(['lab1', 'lab2', 'lab3', 'lab4'])('%s under one lost read', (lab) => {
	const cases = snapshotsOf(lab);

	it('has part-way learners to check, not only the three fixtures', () => {
		expect(cases.length).toBeGreaterThan(6);
	});

	it.each(cases.map(({ name }) => name))('never turns a pass or a skip of the %s snapshot into a fail', (name) => {
		const { snapshot } = cases.find((candidate) => candidate.name === name) as (typeof cases)[number];
		expect(passesLostToFail(lab, snapshot)).toEqual([]);
	});
});
