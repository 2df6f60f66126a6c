import { describe, expect, it } from 'vitest';
import type { InstancePatchState } from '../../../../graders/collectors/ssm/instance-patch-states.ts';
import type { ReadError, ReadOutcome, Snapshot } from '../../../../graders/engine/types.ts';
import { editRead } from '../../support/snapshot-edit.ts';
import { gradeLab2, type Lab2FixtureName, loadLab2Fixture } from './support/lab2-fixtures.ts';
import { lab2FixtureScenarios } from './support/lab2-scenarios.ts';

const denied = (read: string): ReadError => ({
	kind: 'access-denied',
	service: read.split('.')[0] ?? read,
	operation: read,
	message: `Access denied for ${read}.`,
});

const isPerResource = (data: unknown): data is Record<string, ReadOutcome<unknown>> =>
	typeof data === 'object' &&
	data !== null &&
	!Array.isArray(data) &&
	Object.values(data).length > 0 &&
	Object.values(data).every((value) => typeof value === 'object' && value !== null && 'ok' in value);

/** Every way of losing one read: the whole read, or one resource of a per-resource read. */
function withOneReadLost(snapshot: Snapshot): { what: string; snapshot: Snapshot }[] {
	return Object.entries(snapshot.reads).flatMap(([read, outcome]) => {
		const whole = {
			what: read,
			snapshot: { ...snapshot, reads: { ...snapshot.reads, [read]: { ok: false as const, error: denied(read) } } },
		};
		if (!outcome.ok || !isPerResource(outcome.data)) return [whole];
		const perResource = outcome.data;
		return [
			whole,
			...Object.keys(perResource).map((key) => ({
				what: `${read}[${key}]`,
				snapshot: {
					...snapshot,
					reads: {
						...snapshot.reads,
						[read]: { ok: true as const, data: { ...perResource, [key]: { ok: false, error: denied(read) } } },
					},
				},
			})),
		];
	});
}

/** A finished lab whose patch states show a later daily Scan: the Install is only in the command history. */
const scannedAfterInstall = () =>
	editRead<InstancePatchState[]>(loadLab2Fixture('passing'), 'ssm.instance-patch-states', (states) =>
		states.map((state) => ({ ...state, operation: 'Scan', operationEndTime: '2026-11-22T06:00:00.000Z' })),
	);

const snapshots: Record<string, () => Snapshot> = {
	...Object.fromEntries(
		Object.keys(lab2FixtureScenarios).map((name) => [name, () => loadLab2Fixture(name as Lab2FixtureName)]),
	),
	'scanned-after-install': scannedAfterInstall,
};

describe('Lab 2 under a lost read', () => {
	it.each(Object.keys(snapshots))('never turns a pass or a skip of the %s snapshot into a fail', (name) => {
		const fixture = (snapshots[name] as () => Snapshot)();
		const before = new Map(gradeLab2(fixture).checks.map((check) => [check.id, check.status]));
		const turned: string[] = [];
		for (const { what, snapshot } of withOneReadLost(fixture)) {
			for (const check of gradeLab2(snapshot).checks) {
				const was = before.get(check.id);
				if ((was === 'pass' || was === 'skipped') && check.status === 'fail') turned.push(`${what}: ${check.id}`);
			}
		}
		expect(turned).toEqual([]);
	});
});
