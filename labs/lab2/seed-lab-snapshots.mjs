// @ts-check
import {
	CreateSnapshotCommand,
	CreateVolumeCommand,
	DeleteVolumeCommand,
	DescribeAvailabilityZonesCommand,
	waitUntilSnapshotCompleted,
	waitUntilVolumeAvailable,
} from '@aws-sdk/client-ec2';
import { planSeedSnapshots, seedTags } from './seed-plan.mjs';

/**
 * @typedef {import('./seed-plan.mjs').SeedSnapshot & { snapshotId: string }} SeededSnapshot
 * @typedef {{ volumeId: string, volumeDeleted: boolean, snapshots: SeededSnapshot[] }} SeedResult
 */

/**
 * Creates the Lab 2 test snapshots: a 1 GiB gp3 volume (the smallest there is), one snapshot per entry of
 * the seed plan, and, unless asked to keep it, deletes the volume once the snapshots are complete.
 * When something fails half-way it says what is left behind, so a billed volume never goes unnoticed.
 *
 * @param {{
 *   ec2: import('@aws-sdk/client-ec2').EC2Client,
 *   now: Date,
 *   keepVolume?: boolean,
 *   maxWaitSeconds?: number,
 *   log?: (line: string) => void,
 * }} options
 * @returns {Promise<SeedResult>}
 */
export async function seedLabSnapshots({ ec2, now, keepVolume = false, maxWaitSeconds = 600, log = () => {} }) {
	const zones = await ec2.send(
		new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }),
	);
	const zone = zones.AvailabilityZones?.[0]?.ZoneName;
	if (!zone) throw new Error('No available Availability Zone in this Region.');

	const volume = await ec2.send(
		new CreateVolumeCommand({
			AvailabilityZone: zone,
			Size: 1,
			VolumeType: 'gp3',
			TagSpecifications: [
				{
					ResourceType: 'volume',
					Tags: [
						{ Key: 'sre-lab', Value: 'lab2' },
						{ Key: 'Name', Value: 'lab2-snapshot-source' },
					],
				},
			],
		}),
	);
	const volumeId = volume.VolumeId;
	if (!volumeId) throw new Error('CreateVolume returned no volume id.');
	log(`Created volume ${volumeId} in ${zone}; waiting for it to become available…`);

	/** @type {SeededSnapshot[]} */
	const snapshots = [];
	try {
		await waitUntilVolumeAvailable({ client: ec2, maxWaitTime: maxWaitSeconds }, { VolumeIds: [volumeId] });
		for (const seed of planSeedSnapshots(now)) {
			const snapshot = await ec2.send(
				new CreateSnapshotCommand({
					VolumeId: volumeId,
					Description: `SRE course Lab 2 test snapshot (${seed.name})`,
					TagSpecifications: [{ ResourceType: 'snapshot', Tags: seedTags(seed) }],
				}),
			);
			if (!snapshot.SnapshotId) throw new Error(`CreateSnapshot returned no id for ${seed.name}.`);
			snapshots.push({ ...seed, snapshotId: snapshot.SnapshotId });
			// EBS limits how quickly snapshots of one volume may be started (SnapshotCreationPerVolumeRateExceeded),
			// so each one is finished before the next begins.
			log(`Created ${snapshot.SnapshotId} (${seed.name}); waiting for it to complete…`);
			await waitUntilSnapshotCompleted(
				{ client: ec2, maxWaitTime: maxWaitSeconds },
				{ SnapshotIds: [snapshot.SnapshotId] },
			);
		}
	} catch (error) {
		log(`Seeding stopped. Volume ${volumeId} still exists: aws ec2 delete-volume --volume-id ${volumeId}`);
		if (snapshots.length > 0) log(`Snapshots created so far: ${snapshots.map((seed) => seed.snapshotId).join(' ')}`);
		throw error;
	}

	if (keepVolume) {
		log(`Kept volume ${volumeId}; delete it yourself when you are done.`);
		return { volumeId, volumeDeleted: false, snapshots };
	}
	// A completed snapshot no longer needs its source volume.
	await ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId }));
	log(`Deleted volume ${volumeId}.`);
	return { volumeId, volumeDeleted: true, snapshots };
}
