import { readFileSync } from 'node:fs';
import { evaluateLab } from '../../../../../graders/engine/evaluate.ts';
import { parseSnapshot } from '../../../../../graders/engine/snapshot.ts';
import type { CheckResult, Snapshot } from '../../../../../graders/engine/types.ts';

export type Lab2FixtureName = 'passing' | 'failing' | 'access-denied';

export const lab2FixturePath = (name: Lab2FixtureName) =>
	new URL(`../../../../fixtures/snapshots/lab2/${name}.json`, import.meta.url).pathname;

/** A fresh copy of a committed Lab 2 fixture, safe to edit. */
export function loadLab2Fixture(name: Lab2FixtureName): Snapshot {
	const file = lab2FixturePath(name);
	return parseSnapshot(readFileSync(file, 'utf8'), file);
}

export function gradeLab2(snapshot: Snapshot) {
	return evaluateLab('lab2', snapshot, { now: () => new Date('2026-11-22T12:05:00Z') });
}

export function gradeLab2Check(snapshot: Snapshot, checkId: string): CheckResult {
	const result = gradeLab2(snapshot).checks.find((check) => check.id === checkId);
	if (!result) throw new Error(`no check ${checkId}`);
	return result;
}
