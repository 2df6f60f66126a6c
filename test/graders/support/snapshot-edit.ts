import { readFileSync } from 'node:fs';
import { evaluateLab } from '../../../graders/engine/evaluate.ts';
import { parseSnapshot } from '../../../graders/engine/snapshot.ts';
import type { CheckResult, ReadError, Snapshot } from '../../../graders/engine/types.ts';

export const fixturePath = (name: string) =>
	new URL(`../../fixtures/snapshots/lab1/${name}.json`, import.meta.url).pathname;

/** A fresh copy of a committed fixture, safe to edit. */
export function loadFixture(name: 'passing' | 'failing' | 'access-denied'): Snapshot {
	const file = fixturePath(name);
	return parseSnapshot(readFileSync(file, 'utf8'), file);
}

/** Replaces one read's data; the edit function receives a deep copy. */
export function editRead<T>(snapshot: Snapshot, collectorId: string, edit: (data: T) => T | undefined): Snapshot {
	const outcome = snapshot.reads[collectorId];
	if (!outcome?.ok) throw new Error(`fixture has no successful read ${collectorId}`);
	const copy = structuredClone(outcome.data) as T;
	const edited = edit(copy);
	return {
		...snapshot,
		reads: { ...snapshot.reads, [collectorId]: { ok: true, data: edited === undefined ? copy : edited } },
	};
}

export function accessDenied(action: string): ReadError {
	const [service = '', operation = ''] = action.split(':');
	return {
		kind: 'access-denied',
		service,
		operation,
		action,
		message: `Access denied for ${action}. Grant it to the identity running the grader (\`sre-lab policy\` prints every action the graders need).`,
	};
}

/** Replaces one read with a failure. */
export function failRead(snapshot: Snapshot, collectorId: string, error: ReadError): Snapshot {
	return { ...snapshot, reads: { ...snapshot.reads, [collectorId]: { ok: false, error } } };
}

export function gradeCheck(snapshot: Snapshot, checkId: string): CheckResult {
	const result = evaluateLab('lab1', snapshot, { now: () => new Date('2026-11-22T12:05:00Z') }).checks.find(
		(check) => check.id === checkId,
	);
	if (!result) throw new Error(`no check ${checkId}`);
	return result;
}
