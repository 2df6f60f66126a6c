import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { GradeAccount } from '../../../graders/cohort/account-outcome.ts';
import { runCohort } from '../../../graders/cohort/run-cohort.ts';
import { fakeLabResult, fakeSnapshot, fakeRosterEntries as targets } from '../support/cohort-fixtures.ts';

/** A real garbage collection, so a WeakRef tells whether anything still holds its target. */
function collectGarbage(): void {
	setFlagsFromString('--expose-gc');
	(runInNewContext('gc') as () => void)();
}

describe('runCohort memory', () => {
	it('keeps no snapshot once its account is recorded, so memory stays flat with the cohort size', async () => {
		const snapshots: WeakRef<object>[] = [];
		const gradeAccount: GradeAccount = async (target) => {
			// About the size of a real account's snapshot, so keeping it would show.
			const snapshot = fakeSnapshot(target.accountId, undefined, {
				'ec2.instances': { data: { filler: 'x'.repeat(12_500) }, collectedAt: '2026-03-02T10:00:00.000Z' },
			} as never);
			snapshots.push(new WeakRef(snapshot));
			return { snapshot, results: [fakeLabResult('lab1', target.accountId, ['pass'])] };
		};
		const summary = await runCohort({
			targets: targets(50),
			gradeAccount,
			concurrency: 4,
			timeoutMs: 1000,
			onAccountDone: () => {},
		});
		expect(summary.completed).toHaveLength(50);
		expect(summary.completed.every((done) => !('snapshot' in done.outcome))).toBe(true);
		// WeakRef targets stay alive until the current job ends; let it end first.
		await new Promise((resolve) => setTimeout(resolve, 0));
		collectGarbage();
		// Before the fix every snapshot was still referenced from summary.completed here.
		expect(snapshots.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
		expect(summary.completed[0]?.outcome).toMatchObject({ status: 'graded', results: [{ lab: 'lab1' }] });
	});
});
