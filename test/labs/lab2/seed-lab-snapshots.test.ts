import {
	CreateSnapshotCommand,
	CreateVolumeCommand,
	DeleteVolumeCommand,
	DescribeAvailabilityZonesCommand,
	DescribeSnapshotsCommand,
	DescribeVolumesCommand,
	EC2Client,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { seedLabSnapshots } from '../../../labs/lab2/seed-lab-snapshots.mjs';

const ec2Mock = mockClient(EC2Client);
// Unit test files share a worker (isolate: false): give EC2Client back its real send when done.
afterAll(() => ec2Mock.restore());
const now = new Date('2026-11-22T09:30:00Z');
const ec2 = () =>
	new EC2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });

beforeEach(() => {
	ec2Mock.reset();
	ec2Mock
		.on(DescribeAvailabilityZonesCommand)
		.resolves({ AvailabilityZones: [{ ZoneName: 'eu-west-1a', State: 'available' }] });
	ec2Mock.on(CreateVolumeCommand).resolves({ VolumeId: 'vol-0seed' });
	ec2Mock.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-0seed', State: 'available' }] });
	let counter = 0;
	ec2Mock.on(CreateSnapshotCommand).callsFake(() => ({ SnapshotId: `snap-0seed${++counter}`, State: 'pending' }));
	ec2Mock.on(DescribeSnapshotsCommand).callsFake((input: { SnapshotIds?: string[] }) => ({
		Snapshots: (input.SnapshotIds ?? []).map((SnapshotId) => ({ SnapshotId, State: 'completed' })),
	}));
	ec2Mock.on(DeleteVolumeCommand).resolves({});
});

describe('seedLabSnapshots', () => {
	it('snapshots a tagged 1 GiB gp3 volume five times with the planned tags, then deletes the volume', async () => {
		const lines: string[] = [];
		const result = await seedLabSnapshots({ ec2: ec2(), now, log: (line) => lines.push(line) });

		expect(ec2Mock.commandCalls(CreateVolumeCommand)[0]?.args[0].input).toMatchObject({
			AvailabilityZone: 'eu-west-1a',
			Size: 1,
			VolumeType: 'gp3',
			TagSpecifications: [
				{ ResourceType: 'volume', Tags: expect.arrayContaining([{ Key: 'sre-lab', Value: 'lab2' }]) },
			],
		});
		const tagsOfSnapshots = ec2Mock
			.commandCalls(CreateSnapshotCommand)
			.map(
				(call) =>
					call.args[0].input.TagSpecifications?.[0]?.Tags?.find((tag) => tag.Key === 'DeleteAfter')?.Value ?? null,
			);
		expect(tagsOfSnapshots).toEqual(['2026-11-15', '2026-11-20', '2026-11-29', '2026-12-22', null]);
		expect(
			ec2Mock.commandCalls(CreateSnapshotCommand).every((call) => call.args[0].input.VolumeId === 'vol-0seed'),
		).toBe(true);
		expect(ec2Mock.commandCalls(DeleteVolumeCommand).map((call) => call.args[0].input.VolumeId)).toEqual(['vol-0seed']);
		expect(result).toMatchObject({ volumeId: 'vol-0seed', volumeDeleted: true });
		expect(result.snapshots.map((snapshot) => [snapshot.snapshotId, snapshot.expected])).toEqual([
			['snap-0seed1', 'deleted'],
			['snap-0seed2', 'deleted'],
			['snap-0seed3', 'kept'],
			['snap-0seed4', 'kept'],
			['snap-0seed5', 'kept'],
		]);
		expect(lines.at(-1)).toBe('Deleted volume vol-0seed.');
	});

	it('keeps the volume when asked', async () => {
		const result = await seedLabSnapshots({ ec2: ec2(), now, keepVolume: true });
		expect(result.volumeDeleted).toBe(false);
		expect(ec2Mock.commandCalls(DeleteVolumeCommand)).toHaveLength(0);
	});

	it('names the volume and snapshots it leaves behind when it fails half-way', async () => {
		ec2Mock
			.on(CreateSnapshotCommand)
			.resolvesOnce({ SnapshotId: 'snap-0first' })
			.rejects(
				Object.assign(new Error('Maximum number of in-progress snapshots reached'), {
					name: 'SnapshotCreationPerVolumeRateExceeded',
				}),
			);
		const lines: string[] = [];
		await expect(seedLabSnapshots({ ec2: ec2(), now, log: (line) => lines.push(line) })).rejects.toThrow(
			'in-progress snapshots',
		);
		expect(lines).toContain(
			'Seeding stopped. Volume vol-0seed still exists: aws ec2 delete-volume --volume-id vol-0seed',
		);
		expect(lines).toContain('Snapshots created so far: snap-0first');
		expect(ec2Mock.commandCalls(DeleteVolumeCommand)).toHaveLength(0);
	});
});
