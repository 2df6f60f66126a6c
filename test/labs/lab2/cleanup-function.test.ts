import { DeleteSnapshotCommand, DescribeSnapshotsCommand, EC2Client, type Snapshot } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandler, resolveDryRun } from '../../../labs/lab2/cleanup-function/index.mjs';

const now = new Date('2026-11-22T12:00:00Z');
const ec2Mock = mockClient(EC2Client);
// Unit test files share a worker (isolate: false): give EC2Client back its real send when done.
afterAll(() => ec2Mock.restore());

function snapshot(id: string, tags: Record<string, string>): Snapshot {
	return { SnapshotId: id, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
}

function run(event: unknown = {}, env: Record<string, string> = {}) {
	const lines: string[] = [];
	const handler = createHandler({
		ec2: new EC2Client({ region: 'eu-west-1' }),
		clock: () => now,
		env,
		log: (line) => lines.push(line),
	});
	return { result: handler(event), lines };
}

function deletedIds(): string[] {
	return ec2Mock.commandCalls(DeleteSnapshotCommand).map((call) => call.args[0].input.SnapshotId ?? '');
}

beforeEach(() => {
	ec2Mock.reset();
	ec2Mock.on(DeleteSnapshotCommand).resolves({});
});

describe('cleanup function', () => {
	it('deletes due lab snapshots and keeps not-yet-due, undated, malformed and foreign ones', async () => {
		ec2Mock.on(DescribeSnapshotsCommand).resolves({
			Snapshots: [
				snapshot('snap-due', { 'sre-lab': 'lab2', DeleteAfter: '2026-11-01' }),
				snapshot('snap-future', { 'sre-lab': 'lab2', DeleteAfter: '2026-12-31' }),
				snapshot('snap-undated', { 'sre-lab': 'lab2' }),
				snapshot('snap-malformed', { 'sre-lab': 'lab2', DeleteAfter: '31/12/2025' }),
				// Returned despite the filter (a misbehaving emulator, say): must still be left alone.
				snapshot('snap-other-lab', { 'sre-lab': 'lab1', DeleteAfter: '2020-01-01' }),
				snapshot('snap-untagged', {}),
			],
		});
		const { result, lines } = run();
		const summary = await result;

		expect(deletedIds()).toEqual(['snap-due']);
		expect(summary).toMatchObject({ dryRun: false, examined: 6, deleted: ['snap-due'], wouldDelete: [], failed: [] });
		expect(summary.kept.map((kept: { snapshotId: string; reason: string }) => [kept.snapshotId, kept.reason])).toEqual([
			['snap-future', 'not-yet-due'],
			['snap-undated', 'no-delete-after'],
			['snap-malformed', 'malformed-delete-after'],
			['snap-other-lab', 'not-lab2'],
			['snap-untagged', 'not-lab2'],
		]);
		expect(lines.map((line) => JSON.parse(line).event)).toEqual([
			'deleted',
			'kept',
			'kept',
			'kept',
			'kept',
			'kept',
			'summary',
		]);
		expect(JSON.parse(lines[0] ?? '{}')).toEqual({
			event: 'deleted',
			snapshotId: 'snap-due',
			deleteAfter: '2026-11-02T00:00:00.000Z',
		});
	});

	it('asks EC2 only for snapshots this account owns that carry the lab tag', async () => {
		ec2Mock.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
		await run().result;
		const input = ec2Mock.commandCalls(DescribeSnapshotsCommand)[0]?.args[0].input;
		expect(input).toMatchObject({ OwnerIds: ['self'], Filters: [{ Name: 'tag:sre-lab', Values: ['lab2'] }] });
		expect(deletedIds()).toEqual([]);
	});

	it('pages through every snapshot', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) =>
				snapshot(`snap-${from + index}`, {
					'sre-lab': 'lab2',
					DeleteAfter: (from + index) % 2 === 0 ? '2026-01-01' : '2027-01-01',
				}),
			);
		// The paginator reuses one input object, so record each token as the call happens.
		const pages: Record<string, { Snapshots: Snapshot[]; NextToken?: string }> = {
			first: { Snapshots: page(0, 3), NextToken: 'page-2' },
			'page-2': { Snapshots: page(3, 3), NextToken: 'page-3' },
			'page-3': { Snapshots: page(6, 2) },
		};
		const tokens: (string | undefined)[] = [];
		ec2Mock.on(DescribeSnapshotsCommand).callsFake((input: { NextToken?: string }) => {
			tokens.push(input.NextToken);
			return pages[input.NextToken ?? 'first'];
		});
		const summary = await run().result;

		expect(tokens).toEqual([undefined, 'page-2', 'page-3']);
		expect(summary.examined).toBe(8);
		expect(deletedIds()).toEqual(['snap-0', 'snap-2', 'snap-4', 'snap-6']);
		expect(summary.kept).toHaveLength(4);
	});

	describe('dry run', () => {
		beforeEach(() => {
			ec2Mock.on(DescribeSnapshotsCommand).resolves({
				Snapshots: [
					snapshot('snap-due', { 'sre-lab': 'lab2', DeleteAfter: '2026-11-01' }),
					snapshot('snap-future', { 'sre-lab': 'lab2', DeleteAfter: '2026-12-31' }),
				],
			});
			// What EC2 answers to a permitted DryRun request.
			ec2Mock
				.on(DeleteSnapshotCommand)
				.rejects(Object.assign(new Error('Request would have succeeded'), { name: 'DryRunOperation' }));
		});

		it('only asks EC2 whether the deletion would be allowed when the event says dryRun', async () => {
			const summary = await run({ dryRun: true }).result;
			const calls = ec2Mock.commandCalls(DeleteSnapshotCommand).map((call) => call.args[0].input);
			expect(calls).toEqual([{ SnapshotId: 'snap-due', DryRun: true }]);
			expect(summary).toMatchObject({ dryRun: true, deleted: [], wouldDelete: ['snap-due'], failed: [] });
		});

		it('is switched on by DRY_RUN=true in the environment', async () => {
			const { result, lines } = run({}, { DRY_RUN: 'true' });
			expect(await result).toMatchObject({ dryRun: true, wouldDelete: ['snap-due'] });
			expect(lines.some((line) => JSON.parse(line).event === 'would-delete')).toBe(true);
		});

		it('reports a role that may not delete as a failure, not as a success', async () => {
			ec2Mock
				.on(DeleteSnapshotCommand)
				.rejects(Object.assign(new Error('You are not authorized'), { name: 'UnauthorizedOperation' }));
			await expect(run({ dryRun: true }).result).rejects.toThrow(/snap-due \(UnauthorizedOperation/);
		});
	});

	it('keeps going after a failed deletion, then fails the invocation naming it', async () => {
		ec2Mock.on(DescribeSnapshotsCommand).resolves({
			Snapshots: [
				snapshot('snap-in-use', { 'sre-lab': 'lab2', DeleteAfter: '2026-11-01' }),
				snapshot('snap-due', { 'sre-lab': 'lab2', DeleteAfter: '2026-11-02' }),
			],
		});
		ec2Mock
			.on(DeleteSnapshotCommand, { SnapshotId: 'snap-in-use' })
			.rejects(Object.assign(new Error('snapshot is in use by ami-123'), { name: 'InvalidSnapshot.InUse' }));
		const { result, lines } = run();
		await expect(result).rejects.toThrow(
			'Could not delete 1 snapshot(s): snap-in-use (InvalidSnapshot.InUse: snapshot is in use by ami-123)',
		);
		expect(deletedIds()).toEqual(['snap-in-use', 'snap-due']);
		expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ event: 'summary', deleted: ['snap-due'], kept: 0 });
	});

	it('lets a failed listing fail the invocation instead of reporting an empty account', async () => {
		ec2Mock
			.on(DescribeSnapshotsCommand)
			.rejects(Object.assign(new Error('not authorized'), { name: 'UnauthorizedOperation' }));
		await expect(run().result).rejects.toThrow('not authorized');
		expect(deletedIds()).toEqual([]);
	});
});

describe('resolveDryRun', () => {
	it('prefers a boolean in the event, then DRY_RUN, and defaults to a real run', () => {
		expect(resolveDryRun({ dryRun: false }, 'true')).toBe(false);
		expect(resolveDryRun({ dryRun: true }, undefined)).toBe(true);
		expect(resolveDryRun({ dryRun: 'yes' }, undefined)).toBe(false);
		expect(resolveDryRun(null, ' TRUE ')).toBe(true);
		expect(resolveDryRun({}, 'false')).toBe(false);
		expect(resolveDryRun(undefined, undefined)).toBe(false);
	});
});
