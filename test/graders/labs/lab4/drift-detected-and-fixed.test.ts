import { describe, expect, it } from 'vitest';
import type { Stack, StackDriftCheck } from '../../../../graders/collectors/cloudformation/stacks.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { type CompletedDetection, driftRoundTrip } from '../../../../graders/labs/lab4/facts/drift-sequence.ts';
import { app, completeLab4Account } from './support/lab4-account.ts';
import { collectLab4 } from './support/lab4-scenarios.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const id = 'drift-detected-and-fixed';
const detection = (at: string, status: 'DRIFTED' | 'IN_SYNC'): CompletedDetection => ({
	detectionId: at,
	at,
	status,
	driftedResourceCount: status === 'DRIFTED' ? 1 : 0,
});

describe('driftRoundTrip', () => {
	it('needs the latest detection IN_SYNC and an earlier DRIFTED one', () => {
		const drifted = detection('2026-11-22T10:00:00Z', 'DRIFTED');
		const inSync = detection('2026-11-22T10:30:00Z', 'IN_SYNC');
		expect(driftRoundTrip([drifted, inSync])).toEqual({ drifted, inSync });
		expect(driftRoundTrip([inSync])).toBeNull();
		expect(driftRoundTrip([inSync, detection('2026-11-22T11:00:00Z', 'DRIFTED')])).toBeNull();
		expect(driftRoundTrip([detection('2026-11-22T09:00:00Z', 'IN_SYNC'), inSync])).toBeNull();
	});
});

describe('drift-detected-and-fixed', () => {
	it('fails when drift was never found, asking for a manual change first', async () => {
		const account = completeLab4Account();
		account.driftDetections = account.driftDetections.slice(1);
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('reported only IN_SYNC');
	});

	it('ignores detections on another stack', async () => {
		const account = completeLab4Account();
		const other = `arn:aws:cloudformation:eu-west-1:123456789012:stack/unrelated/1`;
		for (const item of account.driftDetections) {
			item.stack = 'unrelated';
			if (item.result !== 'forgotten') item.result.stackId = other;
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No completed drift detection on sre-lab3-app');
	});

	it('fails without the Lab 3 stack, naming it', async () => {
		const account = completeLab4Account();
		account.stacks = account.stacks.filter((stack) => stack.id !== app.stackId);
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No deployed Lab 3 application stack');
	});

	it('is could-not-grade, not fail, when a detection of the stack cannot be read', async () => {
		const account = completeLab4Account();
		account.driftDetections.push({
			id: '3c449380-a6f1-4d89-8d89-2c6ab5fa05f6',
			at: '2026-11-22T11:00:00Z',
			stack: app.stackName,
			result: 'forgotten',
		});
		account.driftDetections = account.driftDetections.slice(2);
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('error');
	});

	it('passes on a DRIFTED then IN_SYNC pair even when an older detection is no longer kept', async () => {
		const account = completeLab4Account();
		account.driftDetections.unshift({
			id: '0f118050-d3c8-4a56-9a56-f93ea3ce72c3',
			at: '2026-11-22T09:00:00Z',
			stack: app.stackName,
			result: 'forgotten',
		});
		expect(gradeCheck(await collectLab4(account), id).status).toBe('pass');
	});

	it('is could-not-grade when CloudTrail may not be read', async () => {
		const result = gradeCheck(await collectLab4(completeLab4Account(), { deny: ['cloudtrail:LookupEvents'] }), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('cloudtrail:LookupEvents');
	});
});

/** The Lab 3 app stack as cloudformation.stacks stored it in the snapshot. */
function appStackOf(snapshot: Snapshot): Stack {
	const read = snapshot.reads['cloudformation.stacks'] as { ok: true; data: Stack[] };
	const stack = read.data.find((candidate) => candidate.stackId === app.stackId);
	if (!stack) throw new Error('app stack missing from the snapshot');
	return stack;
}

describe('drift-detected-and-fixed: a detection CloudTrail does not list yet', () => {
	/**
	 * The complete account graded with only the DRIFTED detection in CloudTrail (its call listed, the
	 * IN_SYNC one made minutes before the grader read CloudTrail) and DescribeStacks' DriftInformation
	 * (kept by cloudformation.stacks) reporting `latest` for the app stack.
	 */
	async function withLatestCheck(latest: StackDriftCheck | null, listed = 1) {
		const account = completeLab4Account();
		account.driftDetections = account.driftDetections.slice(0, listed);
		const snapshot = await collectLab4(account);
		const appStack = appStackOf(snapshot);
		if (latest) appStack.drift = latest;
		else delete appStack.drift;
		return snapshot;
	}

	it('passes when DescribeStacks reports IN_SYNC after the DRIFTED detection CloudTrail lists', async () => {
		const result = gradeCheck(await withLatestCheck({ status: 'IN_SYNC', checkedAt: '2026-11-22T11:55:00.000Z' }), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('not yet listed in CloudTrail');
	});

	it('fails when DescribeStacks reports a DRIFTED check later than the IN_SYNC one CloudTrail lists', async () => {
		const result = gradeCheck(
			await withLatestCheck({ status: 'DRIFTED', checkedAt: '2026-11-22T11:55:00.000Z' }, 2),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('reports DRIFTED');
	});

	it('is could-not-grade when both detections may still be missing from CloudTrail', async () => {
		const result = gradeCheck(
			await withLatestCheck({ status: 'IN_SYNC', checkedAt: '2026-11-22T11:55:00.000Z' }, 0),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('Run the check again after 2026-11-22T12:10:00.000Z');
	});

	it('fails on an IN_SYNC check old enough for CloudTrail to list an earlier DRIFTED one', async () => {
		const result = gradeCheck(
			await withLatestCheck({ status: 'IN_SYNC', checkedAt: '2026-11-22T11:30:00.000Z' }, 0),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('reported only IN_SYNC');
	});

	it('keeps the pass of a snapshot saved before DescribeStacks was read', async () => {
		const snapshot = await collectLab4(completeLab4Account());
		delete appStackOf(snapshot).drift;
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('leaves out a last check from before the window', async () => {
		const result = gradeCheck(await withLatestCheck({ status: 'IN_SYNC', checkedAt: '2026-11-20T09:00:00.000Z' }), id);
		expect(result.status).toBe('fail');
		expect(result.message).not.toContain('not yet listed in CloudTrail');
	});
});
