import type { Ec2Snapshot } from '../../../collectors/ec2/lab-snapshots.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { overdueGraceMs, readDeleteAfter } from '../facts/delete-after.ts';
import { isLabResource, labTag } from '../facts/fleet.ts';

const deleteAfterKey = 'DeleteAfter';

export const snapshotsCleaned: CheckDefinition = {
	id: 'snapshots-cleaned',
	reads: ['ec2.lab-snapshots'],
	evaluate(view) {
		// Time checks compare with the end of the window (when the snapshot was collected), never the clock.
		const now = Date.parse(view.window.until);
		const snapshots = view.read<Ec2Snapshot[]>('ec2.lab-snapshots').filter((snapshot) => isLabResource(snapshot.tags));
		const overdue: Ec2Snapshot[] = [];
		const notYetDue: Ec2Snapshot[] = [];
		for (const snapshot of snapshots) {
			const text = snapshot.tags[deleteAfterKey];
			const range = text === undefined ? null : readDeleteAfter(text);
			if (!range) continue;
			if (now - range.earliest > overdueGraceMs) overdue.push(snapshot);
			else if (range.latest > now) notYetDue.push(snapshot);
		}
		const describe = (list: Ec2Snapshot[]) =>
			list.map((snapshot) => `${snapshot.snapshotId} (${deleteAfterKey} ${snapshot.tags[deleteAfterKey]})`).join(', ');
		const evidence = snapshots.map((snapshot) => snapshot.snapshotId);
		if (overdue.length > 0) {
			return {
				status: 'fail',
				message: `${overdue.length} ${labTag.key}=${labTag.value} snapshot(s) are past their ${deleteAfterKey} and still exist: ${describe(overdue)}.`,
				evidence,
			};
		}
		if (notYetDue.length === 0) {
			return {
				status: 'fail',
				message:
					snapshots.length === 0
						? `No snapshot tagged ${labTag.key}=${labTag.value} exists: either none was created, or the cleanup deleted snapshots that were not due yet.`
						: `No ${labTag.key}=${labTag.value} snapshot with a future ${deleteAfterKey} is left, so the cleanup cannot be shown to keep what is not due.`,
				evidence,
			};
		}
		return {
			status: 'pass',
			message: `No overdue ${labTag.key}=${labTag.value} snapshot remains, and ${notYetDue.length} not yet due survived: ${describe(notYetDue)}.`,
			evidence,
		};
	},
};
