#!/usr/bin/env node
// @ts-check
/**
 * Creates test snapshots for Lab 2: a 1 GiB gp3 volume, five snapshots of it tagged sre-lab=lab2 (two with a
 * DeleteAfter date in the past, two in the future, one without), then deletes the volume again.
 *
 *   node labs/lab2/seed-snapshots.mjs [--region eu-west-1] [--keep-volume] [--dry-run]
 *
 * (Learners run the copy the course site publishes, `node seed-snapshots-<version>.mjs`.) --dry-run prints the
 * snapshots it would create and calls no AWS API.
 *
 * It takes a few minutes: EBS takes one snapshot of a volume at a time.
 * Cost: the volume exists for a few minutes (a fraction of a cent). Snapshots are billed for the data
 * they store, and a never-written volume stores almost none, so the snapshots cost cents per month at most.
 * Uses the standard AWS credential chain (CloudShell, a profile, environment variables).
 */
import { parseArgs } from 'node:util';
import { EC2Client } from '@aws-sdk/client-ec2';
import { seedLabSnapshots } from './seed-lab-snapshots.mjs';
import { planSeedSnapshots } from './seed-plan.mjs';

const { values } = parseArgs({
	options: {
		region: { type: 'string' },
		'keep-volume': { type: 'boolean', default: false },
		'dry-run': { type: 'boolean', default: false },
		help: { type: 'boolean', short: 'h', default: false },
	},
});
if (values.help) {
	console.log('Usage: node seed-snapshots.mjs [--region <region>] [--keep-volume] [--dry-run]');
	process.exit(0);
}
if (values['dry-run']) {
	console.log('Dry run: these five snapshots would be created (tag sre-lab=lab2); nothing was created.');
	console.table(
		planSeedSnapshots(new Date()).map(({ name, deleteAfter, expected }) => ({
			name,
			DeleteAfter: deleteAfter ?? '(none)',
			'after a correct cleanup': expected,
		})),
	);
	process.exit(0);
}

const result = await seedLabSnapshots({
	ec2: new EC2Client(values.region ? { region: values.region } : {}),
	now: new Date(),
	keepVolume: values['keep-volume'],
	log: (line) => console.log(line),
});
console.table(
	result.snapshots.map(({ snapshotId, name, deleteAfter, expected }) => ({
		snapshotId,
		name,
		DeleteAfter: deleteAfter ?? '(none)',
		'after a correct cleanup': expected,
	})),
);
