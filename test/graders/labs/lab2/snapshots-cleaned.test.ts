import { describe, expect, it } from 'vitest';
import type { Ec2Snapshot } from '../../../../graders/collectors/ec2/lab-snapshots.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead } from '../../support/snapshot-edit.ts';
import { gradeLab2Check, loadLab2Fixture } from './support/lab2-fixtures.ts';

const grade = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'snapshots-cleaned');
const lab2Snapshot = (snapshotId: string, deleteAfter?: string): Ec2Snapshot => ({
	snapshotId,
	volumeId: 'vol-0a2b000000source',
	state: 'completed',
	startTime: '2026-11-15T10:00:00.000Z',
	tags: { 'sre-lab': 'lab2', ...(deleteAfter === undefined ? {} : { DeleteAfter: deleteAfter }) },
});
const withSnapshots = (edit: (snapshots: Ec2Snapshot[]) => Ec2Snapshot[]) =>
	editRead<Ec2Snapshot[]>(loadLab2Fixture('passing'), 'ec2.lab-snapshots', edit);

describe('snapshots-cleaned', () => {
	it('passes when only not-yet-due and undated lab snapshots are left', () => {
		const result = grade(loadLab2Fixture('passing'));
		expect(result.status).toBe('pass');
		expect(result.message).toContain('2 not yet due survived');
	});

	it('fails while a due snapshot remains, and names it', () => {
		const result = grade(withSnapshots((snapshots) => [...snapshots, lab2Snapshot('snap-overdue', '2026-11-15')]));
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'1 sre-lab=lab2 snapshot(s) are past their DeleteAfter and still exist: snap-overdue (DeleteAfter 2026-11-15).',
		);
	});

	it('counts date-times with an offset as well as bare dates', () => {
		const result = grade(
			withSnapshots((snapshots) => [...snapshots, lab2Snapshot('snap-overdue', '2026-11-19T08:00:00+01:00')]),
		);
		expect(result.status).toBe('fail');
	});

	it('fails when the cleanup also deleted what was not due', () => {
		const result = grade(
			withSnapshots((snapshots) => snapshots.filter((snapshot) => !snapshot.tags.DeleteAfter?.startsWith('2026-1'))),
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No sre-lab=lab2 snapshot with a future DeleteAfter is left');
	});

	it('fails when no lab snapshot exists at all', () => {
		const result = grade(withSnapshots(() => []));
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No snapshot tagged sre-lab=lab2 exists');
	});

	it('gives a scheduled cleanup time to catch up with a snapshot that became due recently', () => {
		// Collected at 2026-11-22T12:00Z: a snapshot due "after 2026-11-21" may survive until the next daily run.
		expect(grade(withSnapshots((snapshots) => [...snapshots, lab2Snapshot('snap-recent', '2026-11-21')])).status).toBe(
			'pass',
		);
	});

	it("ignores other labs' snapshots and lab snapshots with an unreadable date", () => {
		const snapshot = withSnapshots((snapshots) => [
			...snapshots,
			lab2Snapshot('snap-garbled', 'last tuesday'),
			{ ...lab2Snapshot('snap-lab3', '2026-01-01'), tags: { 'sre-lab': 'lab3', DeleteAfter: '2026-01-01' } },
		]);
		expect(grade(snapshot).status).toBe('pass');
	});

	it('is an error when the snapshots cannot be read', () => {
		expect(
			grade(failRead(loadLab2Fixture('passing'), 'ec2.lab-snapshots', accessDenied('ec2:DescribeSnapshots'))).status,
		).toBe('error');
	});
});
