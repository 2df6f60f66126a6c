#!/usr/bin/env node
// @ts-check
/**
 * Creates test snapshots for Lab 2: a 1 GiB gp3 volume, five snapshots of it tagged sre-lab=lab2 (two with a
 * DeleteAfter date in the past, two in the future, one without), then deletes the volume again.
 *
 *   node labs/lab2/seed-snapshots.mjs [--region eu-west-1] [--keep-volume]
 *
 * Cost: the volume exists for a minute or two (a fraction of a cent). Snapshots are billed for the data
 * they store, and a never-written volume stores almost none, so the snapshots cost cents per month at most.
 * Uses the standard AWS credential chain (CloudShell, a profile, environment variables).
 */
import { parseArgs } from 'node:util';
import {
	CreateSnapshotCommand,
	CreateVolumeCommand,
	DeleteVolumeCommand,
	DescribeAvailabilityZonesCommand,
	EC2Client,
	waitUntilSnapshotCompleted,
	waitUntilVolumeAvailable,
} from '@aws-sdk/client-ec2';
import { planSeedSnapshots, seedTags } from './seed-plan.mjs';

const WAIT_SECONDS = 600;

const { values } = parseArgs({
	options: {
		region: { type: 'string' },
		'keep-volume': { type: 'boolean', default: false },
		help: { type: 'boolean', short: 'h', default: false },
	},
});
if (values.help) {
	console.log('Usage: node labs/lab2/seed-snapshots.mjs [--region <region>] [--keep-volume]');
	process.exit(0);
}

const ec2 = new EC2Client(values.region ? { region: values.region } : {});
const plan = planSeedSnapshots(new Date());

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
console.log(`Created volume ${volumeId} in ${zone}; waiting for it to become available…`);
await waitUntilVolumeAvailable({ client: ec2, maxWaitTime: WAIT_SECONDS }, { VolumeIds: [volumeId] });

/** @type {(import('./seed-plan.mjs').SeedSnapshot & { snapshotId: string })[]} */
const created = [];
try {
	for (const seed of plan) {
		const snapshot = await ec2.send(
			new CreateSnapshotCommand({
				VolumeId: volumeId,
				Description: `SRE course Lab 2 test snapshot (${seed.name})`,
				TagSpecifications: [{ ResourceType: 'snapshot', Tags: seedTags(seed) }],
			}),
		);
		if (!snapshot.SnapshotId) throw new Error(`CreateSnapshot returned no id for ${seed.name}.`);
		created.push({ ...seed, snapshotId: snapshot.SnapshotId });
	}
	console.log('Waiting for the snapshots to complete…');
	await waitUntilSnapshotCompleted(
		{ client: ec2, maxWaitTime: WAIT_SECONDS },
		{ SnapshotIds: created.map((snapshot) => snapshot.snapshotId) },
	);
} catch (error) {
	// Say what was left behind, so that a half-finished run does not leave a billed volume unnoticed.
	console.error(`Seeding stopped. Volume ${volumeId} still exists: aws ec2 delete-volume --volume-id ${volumeId}`);
	if (created.length > 0)
		console.error(`Snapshots created so far: ${created.map((seed) => seed.snapshotId).join(' ')}`);
	throw error;
}

if (values['keep-volume']) {
	console.log(`Kept volume ${volumeId}; delete it yourself when you are done.`);
} else {
	// A snapshot does not need its source volume once it is complete.
	await ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId }));
	console.log(`Deleted volume ${volumeId}.`);
}

console.table(
	created.map(({ snapshotId, name, deleteAfter, expected }) => ({
		snapshotId,
		name,
		DeleteAfter: deleteAfter ?? '(none)',
		'after a correct cleanup': expected,
	})),
);
