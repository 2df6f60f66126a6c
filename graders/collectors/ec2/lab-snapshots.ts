import { EC2Client, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import type { Collector } from '../../engine/types.ts';
import { tagsToRecord } from './tags.ts';

export interface Ec2Snapshot {
	snapshotId: string;
	volumeId: string | null;
	/** `pending`, `completed`, `error`, … */
	state: string;
	startTime: string | null;
	/** Only the tags a check reads: snapshotTagKeys. */
	tags: Record<string, string>;
}

/** The tag every lab resource carries, and the ISO date after which the Lab 2 cleanup may delete the snapshot. */
export const deleteAfterTagKey = 'DeleteAfter';
export const snapshotTagKeys = ['sre-lab', deleteAfterTagKey] as const;

/**
 * EBS snapshots this account owns that carry an `sre-lab` tag (any lab). Filtering by tag key in
 * the request keeps the read small in accounts with many snapshots; public snapshots are never listed.
 */
export const ec2LabSnapshots: Collector<Ec2Snapshot[]> = {
	id: 'ec2.lab-snapshots',
	description: 'EBS snapshots owned by the account and tagged sre-lab, with their sre-lab and DeleteAfter tags',
	iamActions: ['ec2:DescribeSnapshots'],
	async collect({ clients }) {
		const snapshots: Ec2Snapshot[] = [];
		const pages = paginateDescribeSnapshots(
			{ client: clients.get(EC2Client), pageSize: 1000 },
			{ OwnerIds: ['self'], Filters: [{ Name: 'tag-key', Values: ['sre-lab'] }] },
		);
		for await (const page of pages) {
			for (const snapshot of page.Snapshots ?? []) {
				if (!snapshot.SnapshotId) continue;
				snapshots.push({
					snapshotId: snapshot.SnapshotId,
					volumeId: snapshot.VolumeId ?? null,
					state: snapshot.State ?? 'unknown',
					startTime: snapshot.StartTime ? snapshot.StartTime.toISOString() : null,
					tags: tagsToRecord(snapshot.Tags, snapshotTagKeys),
				});
			}
		}
		return snapshots.sort((a, b) => a.snapshotId.localeCompare(b.snapshotId));
	},
};
