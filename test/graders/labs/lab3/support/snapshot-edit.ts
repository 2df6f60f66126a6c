import { readFileSync } from 'node:fs';
import { evaluateLab } from '../../../../../graders/engine/evaluate.ts';
import { parseSnapshot } from '../../../../../graders/engine/snapshot.ts';
import type { CheckResult, Snapshot } from '../../../../../graders/engine/types.ts';

export { accessDenied, failRead } from '../../../support/snapshot-edit.ts';

/**
 * Replaces one read's data. The edit receives a deep copy and either changes it in place or returns
 * the new data; tests read better when small edits can simply mutate.
 */
export function editRead<T>(snapshot: Snapshot, collectorId: string, edit: (data: T) => unknown): Snapshot {
	const outcome = snapshot.reads[collectorId];
	if (!outcome?.ok) throw new Error(`fixture has no successful read ${collectorId}`);
	const copy = structuredClone(outcome.data) as T;
	const edited = edit(copy);
	return {
		...snapshot,
		reads: { ...snapshot.reads, [collectorId]: { ok: true, data: edited === undefined ? copy : edited } },
	};
}

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
