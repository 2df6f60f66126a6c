import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cloudtrailSetAlarmStateEvents } from '../../../../graders/collectors/cloudtrail/set-alarm-state-events.ts';
import { accessDenied, lab4Window, runCollector } from '../../labs/lab4/support/run-collector.ts';
import { setAlarmStateEvent } from '../../support/set-alarm-state-events.ts';

const cloudtrail = mockClient(CloudTrailClient);
afterEach(() => cloudtrail.reset());

const account = { accountId: '111122223333', region: 'eu-west-1' };

/** A LookupEvents event whose CloudTrail record is edited, e.g. to add an errorCode. */
function withRecord(event: ReturnType<typeof setAlarmStateEvent>, edit: (record: Record<string, unknown>) => void) {
	const record = JSON.parse(event.CloudTrailEvent as string);
	edit(record);
	return { ...event, CloudTrailEvent: JSON.stringify(record) };
}

describe('cloudtrail.set-alarm-state-events', () => {
	it('keeps the alarm, the state and the time of each SetAlarmState call, oldest first, over every page', async () => {
		const forged = setAlarmStateEvent(
			{
				alarmName: 'lab3-api-p90-latency',
				stateValue: 'ALARM',
				changedAt: '2026-11-22T10:10:00.300Z',
				stateReasonData: { version: '1.0', queryDate: '2026-11-22T10:10:00.419+0000', recentDatapoints: [2150] },
			},
			1,
			account,
		);
		const test = setAlarmStateEvent(
			{ alarmName: 'lab3-api-error-rate', stateValue: 'OK', changedAt: '2026-11-22T11:00:00.900Z' },
			2,
			account,
		);
		cloudtrail
			.on(LookupEventsCommand, { NextToken: 'page-2' })
			.resolves({ Events: [forged] })
			.on(LookupEventsCommand, { NextToken: undefined })
			.resolves({ Events: [test], NextToken: 'page-2' });
		const history = await runCollector(cloudtrailSetAlarmStateEvents);
		expect(history).toEqual({
			since: '2026-11-21T11:59:00.000Z',
			until: lab4Window.until,
			truncated: false,
			calls: [
				{ alarmName: 'lab3-api-p90-latency', stateValue: 'ALARM', eventTime: '2026-11-22T10:09:59.000Z' },
				{ alarmName: 'lab3-api-error-rate', stateValue: 'OK', eventTime: '2026-11-22T11:00:00.000Z' },
			],
		});
		const requests = cloudtrail.commandCalls(LookupEventsCommand).map((call) => call.args[0].input);
		expect(requests[0]).toEqual({
			LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'SetAlarmState' }],
			// A minute before the window: a change at its very start may come from a call a moment earlier.
			StartTime: new Date('2026-11-21T11:59:00.000Z'),
			EndTime: new Date(lab4Window.until),
			MaxResults: 50,
		});
		expect(requests[1]?.NextToken).toBe('page-2');
	});

	it('leaves out calls that set nothing: failed ones, and any an AWS service made', async () => {
		const call = { alarmName: 'lab3-api-p90-latency', stateValue: 'ALARM', changedAt: '2026-11-22T10:10:00Z' };
		cloudtrail.on(LookupEventsCommand).resolves({
			Events: [
				withRecord(setAlarmStateEvent(call, 1, account), (record) => {
					record.errorCode = 'AccessDenied';
					record.errorMessage = 'User is not authorized to perform: cloudwatch:SetAlarmState';
				}),
				withRecord(setAlarmStateEvent(call, 2, account), (record) => {
					record.userIdentity = { type: 'AWSService', invokedBy: 'monitoring.amazonaws.com' };
				}),
			],
		});
		expect((await runCollector(cloudtrailSetAlarmStateEvents)).calls).toEqual([]);
	});

	it('says when CloudTrail held more calls than it reads', async () => {
		const event = setAlarmStateEvent(
			{ alarmName: 'lab3-api-p90-latency', stateValue: 'ALARM', changedAt: '2026-11-22T10:10:00Z' },
			1,
			account,
		);
		cloudtrail.on(LookupEventsCommand).resolves({ Events: [event], NextToken: 'more' });
		// Twenty pages at two a second: the clock is faked so the test does not wait for them.
		vi.useFakeTimers();
		try {
			const start = Date.now();
			const collecting = runCollector(cloudtrailSetAlarmStateEvents, {
				since: '2026-11-22T10:00:00.000Z',
				until: '2026-11-22T10:30:00.000Z',
			});
			await vi.runAllTimersAsync();
			const history = await collecting;
			expect(history.truncated).toBe(true);
			expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(20);
			// Two at once, then two a second: the last pair starts nine seconds after the first.
			expect(Date.now() - start).toBeGreaterThanOrEqual(9_000);
		} finally {
			vi.useRealTimers();
		}
	});

	it('never looks back further than CloudTrail keeps events', async () => {
		cloudtrail.on(LookupEventsCommand).resolves({ Events: [] });
		await runCollector(cloudtrailSetAlarmStateEvents, {
			since: '2026-01-01T00:00:00.000Z',
			until: '2026-11-22T12:00:00.000Z',
		});
		const start = cloudtrail.commandCalls(LookupEventsCommand)[0]?.args[0].input.StartTime as Date;
		expect(start.toISOString()).toBe('2026-08-24T13:00:00.000Z');
	});

	it('lets a denied lookup fail the read, for the checks to judge', async () => {
		cloudtrail.on(LookupEventsCommand).rejects(accessDenied('cloudtrail:LookupEvents'));
		await expect(runCollector(cloudtrailSetAlarmStateEvents)).rejects.toThrow('cloudtrail:LookupEvents');
	});
});
