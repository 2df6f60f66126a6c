/**
 * cloudformation.stacks keeps the one tag (`sre-lab`) and the one output (`SreLab`) a check reads:
 * a stack's other outputs and tags can expose anything its template does (a database URL with its
 * password, a generated secret). DescribeStacks answers in the shape of the API reference (Output:
 * OutputKey, OutputValue, Description, ExportName; Tag: Key, Value).
 */
import { DescribeStacksCommand, type StackDriftStatus } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import type { Stack } from '../../../../graders/collectors/cloudformation/stacks.ts';
import { evaluateLab } from '../../../../graders/engine/evaluate.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { collectLab3 } from '../../labs/lab3/support/collect-lab3.ts';
import { app, completeLab3Account } from '../../labs/lab3/support/lab3-account.ts';

const secret = 'Tr0ub4dor-3-correct-horse';

function stacks(snapshot: Snapshot): Stack[] {
	const outcome = snapshot.reads['cloudformation.stacks'];
	if (!outcome?.ok) throw new Error('cloudformation.stacks not read');
	return outcome.data as Stack[];
}

const verdicts = (snapshot: Snapshot) =>
	Object.fromEntries(
		evaluateLab('lab3', snapshot, { now: () => new Date('2026-11-22T12:05:00Z') }).checks.map((check) => [
			check.id,
			check.status,
		]),
	);

describe('cloudformation.stacks', () => {
	it('keeps only the sre-lab tag and the SreLab output, with the same verdicts', async () => {
		const account = completeLab3Account();
		const [appStack] = account.stacks;
		if (!appStack) throw new Error('fixture stack missing');
		appStack.tags = { ...appStack.tags, DB_PASS: secret };
		appStack.outputs = {
			...appStack.outputs,
			DatabaseUrl: `postgres://admin:${secret}@orders.cluster.internal:5432/orders`,
		};
		const snapshot = await collectLab3(account);
		const stored = stacks(snapshot).find((stack) => stack.stackName === app.stackName);
		expect(stored?.tags).toEqual({ 'sre-lab': 'lab3' });
		expect(stored?.outputs).toEqual({ SreLab: 'lab3' });
		expect(JSON.stringify(snapshot)).not.toContain(secret);
		expect(verdicts(snapshot)).toEqual(verdicts(await collectLab3(completeLab3Account())));
	});

	it('still recognises a stack by its SreLab output alone (no --tags), with Description and ExportName dropped', async () => {
		const snapshot = await collectLab3(completeLab3Account(), {
			before: (mocks) => {
				mocks.cloudformation.on(DescribeStacksCommand).resolves({
					Stacks: [
						{
							StackName: app.stackName,
							StackId: app.stackId,
							StackStatus: 'CREATE_COMPLETE',
							CreationTime: new Date('2026-11-22T08:00:00Z'),
							Tags: [{ Key: 'Owner', Value: 'sam' }],
							Outputs: [
								{ OutputKey: 'SreLab', OutputValue: 'lab3', Description: 'Which lab this stack belongs to' },
								{ OutputKey: 'ApiSecret', OutputValue: secret, ExportName: 'orders-api-secret' },
							],
						},
					],
				});
			},
		});
		expect(stacks(snapshot)).toEqual([
			expect.objectContaining({ stackName: app.stackName, tags: {}, outputs: { SreLab: 'lab3' } }),
		]);
		expect(JSON.stringify(snapshot)).not.toContain(secret);
	});

	it("keeps each stack's latest drift check from DescribeStacks' DriftInformation, none for NOT_CHECKED", async () => {
		// Stack shapes as DescribeStacks returns them (StackDriftInformation: StackDriftStatus, LastCheckTimestamp).
		const stack = (name: string, drift: { StackDriftStatus: StackDriftStatus; LastCheckTimestamp?: Date }) => ({
			StackName: name,
			StackId: `arn:aws:cloudformation:eu-west-1:123456789012:stack/${name}/d0a825a0-e4cd-11ef-b9fb-061c69e99204`,
			StackStatus: 'UPDATE_COMPLETE' as const,
			CreationTime: new Date('2026-11-01T08:00:00Z'),
			DriftInformation: drift,
		});
		const snapshot = await collectLab3(completeLab3Account(), {
			before: (mocks) => {
				mocks.cloudformation.on(DescribeStacksCommand).resolves({
					Stacks: [
						stack('checked', { StackDriftStatus: 'IN_SYNC', LastCheckTimestamp: new Date('2026-11-22T11:55:12.345Z') }),
						stack('never-checked', { StackDriftStatus: 'NOT_CHECKED' }),
					],
				});
			},
		});
		const byName = Object.fromEntries(stacks(snapshot).map((stored) => [stored.stackName, stored]));
		expect(byName.checked?.drift).toEqual({ status: 'IN_SYNC', checkedAt: '2026-11-22T11:55:12.345Z' });
		expect(byName['never-checked']).not.toHaveProperty('drift');
	});
});
