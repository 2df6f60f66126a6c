import { readFileSync } from 'node:fs';
import { evaluateLab } from '../../../../../graders/engine/evaluate.ts';
import { parseSnapshot } from '../../../../../graders/engine/snapshot.ts';
import type { CheckResult, Snapshot } from '../../../../../graders/engine/types.ts';

export { accessDenied, editRead, failRead } from '../../../support/snapshot-edit.ts';

export type Lab3Fixture = 'passing' | 'failing' | 'access-denied';

export const fixturePath = (name: Lab3Fixture) =>
	new URL(`../../../../fixtures/snapshots/lab3/${name}.json`, import.meta.url).pathname;

/** A fresh copy of a committed Lab 3 fixture, safe to edit. */
export function loadFixture(name: Lab3Fixture): Snapshot {
	const file = fixturePath(name);
	return parseSnapshot(readFileSync(file, 'utf8'), file);
}

export function gradeCheck(snapshot: Snapshot, checkId: string): CheckResult {
	const result = evaluateLab('lab3', snapshot, { now: () => new Date('2026-11-22T12:05:00Z') }).checks.find(
		(check) => check.id === checkId,
	);
	if (!result) throw new Error(`no check ${checkId}`);
	return result;
}
