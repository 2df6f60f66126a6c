import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import {
	lookupStart,
	type SnapshotDeletionEvent,
	type SnapshotDeletionHistory,
} from '../../../../graders/collectors/cloudtrail/snapshot-deletion-events.ts';
import type { InvocationHistory } from '../../../../graders/collectors/cloudwatch/lambda-invocation-periods.ts';
import type { Ec2Snapshot } from '../../../../graders/collectors/ec2/lab-snapshots.ts';
import type { PerResource, Snapshot } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead } from '../../support/snapshot-edit.ts';
import { collectLab2 } from './support/collect-lab2.ts';
import { completeLab2Account, executionRoleName, functionName } from './support/lab2-account.ts';
import { gradeLab2Check, loadLab2Fixture } from './support/lab2-fixtures.ts';

const grade = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'snapshots-cleaned');
const deletionsRead = 'cloudtrail.snapshot-deletion-events';
const withEvents = (
	edit: (events: SnapshotDeletionEvent[]) => SnapshotDeletionEvent[],
	snapshot = loadLab2Fixture('passing'),
) =>
	editRead<SnapshotDeletionHistory>(snapshot, deletionsRead, (history) => ({
		...history,
		events: edit(history.events),
	}));
const byAlice = (event: SnapshotDeletionEvent): SnapshotDeletionEvent => ({
	...event,
	identityType: 'IAMUser',
	identityArn: 'arn:aws:iam::123456789012:user/alice',
	roleArn: null,
	sessionName: null,
});

describe('snapshots-cleaned requires that the function deleted the due snapshots', () => {
	it('passes when CloudTrail shows the function deleting them, ignoring its dry run and other deletions', () => {
		const result = grade(loadLab2Fixture('passing'));
		expect(result.status).toBe('pass');
		expect(result.message).toContain(
			`CloudTrail shows the function deleting snap-0a2b0000000expired1 by arn:aws:sts::123456789012:assumed-role/${executionRoleName}/${functionName} at 2026-11-21 15:42 UTC`,
		);
		expect(result.evidence).toContain('e0000000-0000-0000-0000-000000000f02');
	});

	it('fails when the due snapshots were deleted by hand, and says by whom', () => {
		const result = grade(
			withEvents((events) =>
				events.map((event) =>
					event.eventId.endsWith('f01') || event.eventId.endsWith('f02') ? byAlice(event) : event,
				),
			),
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			'the snapshots were deleted by someone else: snap-0ffee000000backup1 by arn:aws:sts::123456789012:assumed-role/AWSBackupDefaultServiceRole/AWSBackup-AWSBackupDefaultServiceRole at 2026-11-16 02:00 UTC, snap-0a2b0000000expired1 by arn:aws:iam::123456789012:user/alice at 2026-11-21 15:42 UTC',
		);
		expect(result.message).toContain("the function's own calls deleted nothing: snap-0a2b0000000expired1 by");
		expect(result.message).toContain('(failed: Client.DryRunOperation)');
	});

	it('fails when nobody called DeleteSnapshot (nothing was ever due)', () => {
		const result = grade(withEvents(() => []));
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			`CloudTrail shows no snapshot deleted by ${functionName} since 2026-11-15T09:00:00.000Z (no DeleteSnapshot call at all)`,
		);
	});

	it('recognises the role from the assumed-role ARN when the record has no session issuer', () => {
		const result = grade(withEvents((events) => events.map((event) => ({ ...event, roleArn: null }))));
		expect(result.status).toBe('pass');
	});

	it('is an error, naming CloudTrail, when the event history cannot be read', () => {
		const result = grade(failRead(loadLab2Fixture('passing'), deletionsRead, accessDenied('cloudtrail:LookupEvents')));
		expect(result.status).toBe('error');
		expect(result.message).toContain("could not read CloudTrail's event history");
		expect(result.message).toContain('cloudtrail:LookupEvents');
	});

	it('still fails on an overdue snapshot when CloudTrail cannot be read: that verdict rests on the snapshots alone', () => {
		const denied = failRead(loadLab2Fixture('passing'), deletionsRead, accessDenied('cloudtrail:LookupEvents'));
		const snapshot = editRead<Ec2Snapshot[]>(denied, 'ec2.lab-snapshots', (snapshots) => [
			...snapshots,
			{
				...(snapshots[0] as Ec2Snapshot),
				snapshotId: 'snap-overdue',
				tags: { 'sre-lab': 'lab2', DeleteAfter: '2026-11-10' },
			},
		]);
		expect(grade(snapshot).status).toBe('fail');
	});

	it('is an error when the history was cut short and what was read shows no deletion by the function', () => {
		const snapshot = editRead<SnapshotDeletionHistory>(loadLab2Fixture('passing'), deletionsRead, (history) => ({
			...history,
			truncated: true,
			events: history.events.map(byAlice),
		}));
		const result = grade(snapshot);
		expect(result.status).toBe('error');
		expect(result.message).toContain('more DeleteSnapshot events');
	});

	it('is skipped until the function has run cleanly (step 7)', () => {
		const snapshot = editRead<PerResource<InvocationHistory>>(
			loadLab2Fixture('passing'),
			'cloudwatch.lambda-invocation-periods',
			() => ({ [functionName]: { ok: true, data: { periodSeconds: 60, periods: [] } } }),
		);
		const result = grade(snapshot);
		expect(result.status).toBe('skipped');
		expect(result.message).toMatch(/^Complete step 7 first/);
	});
});

describe('cloudtrail.snapshot-deletion-events collector', () => {
	it('looks up DeleteSnapshot, 50 a page, from an hour before the earliest lab snapshot to the end of the window', async () => {
		let calls: { input: Record<string, unknown>; at: number }[] = [];
		await collectLab2(completeLab2Account(), {
			pageSize: 2,
			after: (mocks) => {
				calls = mocks.cloudtrail
					.commandCalls(LookupEventsCommand)
					.map((call) => ({ input: call.args[0].input as Record<string, unknown>, at: Date.now() }));
			},
		});
		expect(calls.length).toBe(2);
		expect(calls[0]?.input).toMatchObject({
			LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DeleteSnapshot' }],
			MaxResults: 50,
			StartTime: new Date('2026-11-15T09:00:00.000Z'),
			EndTime: new Date('2026-11-22T12:00:00.000Z'),
		});
		expect(calls[1]?.input.NextToken).toBe('2');
		// The pacing to two requests per second per account and Region, shared by every CloudTrail
		// lookup, is tested in test/graders/collectors/cloudtrail/lookup-by-event-name.test.ts.
	});

	it('looks back to the oldest lab snapshot less an hour, or the window start if later (CloudTrail clamps to 90 days)', () => {
		const window = { since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' };
		const old: Ec2Snapshot = {
			snapshotId: 'snap-old',
			volumeId: null,
			state: 'completed',
			startTime: '2026-11-10T00:00:00.000Z',
			tags: { 'sre-lab': 'lab2' },
		};
		expect(lookupStart(window, [old]).toISOString()).toBe('2026-11-09T23:00:00.000Z');
		expect(lookupStart(window, []).toISOString()).toBe(window.since);
	});
});
