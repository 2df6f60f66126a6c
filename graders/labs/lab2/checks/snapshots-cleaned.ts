import type { SnapshotDeletionHistory } from '../../../collectors/cloudtrail/snapshot-deletion-events.ts';
import { deleteAfterTagKey, type Ec2Snapshot } from '../../../collectors/ec2/lab-snapshots.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition, CheckVerdict, SnapshotView } from '../../../engine/types.ts';
import { labFunctions } from '../facts/cleanup-functions.ts';
import { overdueGraceMs, readDeleteAfter } from '../facts/delete-after.ts';
import { isLabResource, labTag } from '../facts/fleet.ts';
import { describeDeletion, madeByFunction, someOf } from '../facts/snapshot-deletions.ts';

// The collector keeps this tag (and sre-lab) only, so the key is defined once, there.
const deleteAfterKey = deleteAfterTagKey;
const deletionsRead = 'cloudtrail.snapshot-deletion-events';

/** The deletion history, or an error that says what could not be read and why it matters. */
function deletionHistory(view: SnapshotView): SnapshotDeletionHistory {
	try {
		return view.read<SnapshotDeletionHistory>(deletionsRead);
	} catch (error) {
		if (!(error instanceof ReadFailed)) throw error;
		throw new ReadFailed({
			...error.readError,
			message: `No overdue snapshot remains, but the grader could not read CloudTrail's event history to see whether the function deleted them: ${error.readError.message}`,
		});
	}
}

/**
 * The outcome must be the function's work: a snapshot deleted by hand leaves the same list. So the
 * state passes only with a successful DeleteSnapshot by the function's execution role in CloudTrail.
 */
function deletedByFunction(view: SnapshotView, survivors: string): CheckVerdict {
	const functions = labFunctions(view);
	const history = deletionHistory(view);
	const byFunction = history.events.filter(
		(event) => event.errorCode === null && functions.some((fn) => madeByFunction(event, fn)),
	);
	const evidence = history.events.map((event) => event.eventId);
	if (byFunction.length > 0) {
		return {
			status: 'pass',
			message: `No overdue ${labTag.key}=${labTag.value} snapshot remains and ${survivors}; CloudTrail shows the function deleting ${someOf(byFunction.map(describeDeletion))}.`,
			evidence: byFunction.map((event) => event.eventId),
		};
	}
	if (history.truncated) {
		throw new ReadFailed({
			kind: 'other',
			service: 'cloudtrail',
			operation: 'LookupEvents',
			message: `CloudTrail holds more DeleteSnapshot events since ${history.since} than the grader reads, and none of those it read came from the function; grade again once the function has run, or with a shorter --since.`,
		});
	}
	const names = functions.map((fn) => fn.functionName).join(', ');
	const others = history.events.filter((event) => event.errorCode === null);
	const attempts = history.events.filter(
		(event) => event.errorCode !== null && functions.some((fn) => madeByFunction(event, fn)),
	);
	const found = [
		others.length > 0 ? `the snapshots were deleted by someone else: ${someOf(others.map(describeDeletion))}` : '',
		attempts.length > 0 ? `the function's own calls deleted nothing: ${someOf(attempts.map(describeDeletion))}` : '',
	].filter((part) => part !== '');
	return {
		status: 'fail',
		message:
			`No overdue ${labTag.key}=${labTag.value} snapshot remains, but CloudTrail shows no snapshot deleted by ${names} since ${history.since}` +
			`${found.length > 0 ? `: ${found.join('; ')}` : ' (no DeleteSnapshot call at all)'}. ` +
			'The function must do the deleting: seed snapshots with a past DeleteAfter again and let it run. CloudTrail lists a call a few minutes after it is made.',
		evidence,
	};
}

export const snapshotsCleaned: CheckDefinition = {
	id: 'snapshots-cleaned',
	reads: ['ec2.lab-snapshots', 'lambda.functions', 'lambda.function-tags', deletionsRead],
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
		const verdict = deletedByFunction(view, `${notYetDue.length} not yet due survived: ${describe(notYetDue)}`);
		return { ...verdict, evidence: [...evidence, ...(verdict.evidence ?? [])] };
	},
};
