// @ts-check
import { DeleteSnapshotCommand, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import { isDue, LAB_TAG_KEY, LAB_TAG_VALUE, tagValue } from './delete-after.mjs';

/**
 * @typedef {import('@aws-sdk/client-ec2').EC2Client} EC2Client
 * @typedef {(event: string, details: Record<string, unknown>) => void} Log
 * @typedef {{ snapshotId: string, reason: string, deleteAfter?: string }} KeptSnapshot
 * @typedef {{ snapshotId: string, error: string }} FailedDeletion
 * @typedef {{
 *   dryRun: boolean,
 *   examined: number,
 *   deleted: string[],
 *   wouldDelete: string[],
 *   kept: KeptSnapshot[],
 *   failed: FailedDeletion[],
 * }} CleanupSummary
 */

/**
 * Deletes this account's EBS snapshots tagged `sre-lab=lab2` whose DeleteAfter has passed.
 *
 * The tag filter is applied twice on purpose: by DescribeSnapshots (so the function reads little) and
 * again by `isDue` for every snapshot returned (so a mistake in the filter can never widen what is deleted).
 * Only snapshots owned by this account are listed: public and shared snapshots are not ours to delete.
 *
 * In a dry run nothing is deleted; each due snapshot is sent to DeleteSnapshot with `DryRun: true`, which
 * proves that the role is allowed to delete it without deleting it.
 *
 * One failed deletion does not stop the others; the failures are returned so that the caller can report them.
 *
 * @param {{ ec2: EC2Client, now: Date, dryRun: boolean, log: Log, pageSize?: number }} options
 * @returns {Promise<CleanupSummary>}
 */
export async function cleanUpSnapshots({ ec2, now, dryRun, log, pageSize = 500 }) {
	/** @type {CleanupSummary} */
	const summary = { dryRun, examined: 0, deleted: [], wouldDelete: [], kept: [], failed: [] };
	const pages = paginateDescribeSnapshots(
		{ client: ec2, pageSize },
		{ OwnerIds: ['self'], Filters: [{ Name: `tag:${LAB_TAG_KEY}`, Values: [LAB_TAG_VALUE] }] },
	);
	for await (const page of pages) {
		for (const snapshot of page.Snapshots ?? []) {
			const snapshotId = snapshot.SnapshotId;
			if (!snapshotId) continue;
			summary.examined += 1;
			const decision = isDue(snapshot.Tags, now);
			if (!decision.due) {
				const kept = { snapshotId, reason: decision.reason, deleteAfter: tagValue(snapshot.Tags, 'DeleteAfter') };
				summary.kept.push(kept);
				log('kept', kept);
				continue;
			}
			const outcome = await deleteSnapshot(ec2, snapshotId, dryRun);
			if (outcome.ok) {
				(dryRun ? summary.wouldDelete : summary.deleted).push(snapshotId);
				log(dryRun ? 'would-delete' : 'deleted', { snapshotId, deleteAfter: decision.deleteAfter.toISOString() });
			} else {
				summary.failed.push({ snapshotId, error: outcome.error });
				log('delete-failed', { snapshotId, error: outcome.error });
			}
		}
	}
	return summary;
}

/**
 * @param {EC2Client} ec2
 * @param {string} snapshotId
 * @param {boolean} dryRun
 * @returns {Promise<{ ok: true } | { ok: false, error: string }>}
 */
async function deleteSnapshot(ec2, snapshotId, dryRun) {
	try {
		await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId, DryRun: dryRun }));
		return { ok: true };
	} catch (error) {
		// EC2 answers a permitted dry run with this "error"; it means the real call would have succeeded.
		if (dryRun && errorName(error) === 'DryRunOperation') return { ok: true };
		return { ok: false, error: `${errorName(error)}: ${error instanceof Error ? error.message : String(error)}` };
	}
}

/** @param {unknown} error */
function errorName(error) {
	return error instanceof Error ? error.name : 'Error';
}
