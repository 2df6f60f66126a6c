import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import type { SetAlarmStateHistory } from '../../../../graders/collectors/cloudtrail/set-alarm-state-events.ts';
import type { AlarmStateChange } from '../../../../graders/collectors/cloudwatch/alarm-history.ts';
import type { FaultSwitchHistory } from '../../../../graders/collectors/ssm/lab3-fault-history.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { detectionOf } from '../../../../graders/labs/lab3/checks/degradation-detected.ts';
import { setAlarmStateRead } from '../../../../graders/labs/shared/forged-alarm-states.ts';
import { collectLab3 } from './support/collect-lab3.ts';
import { app, completeLab3Account } from './support/lab3-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'degradation-detected';
/** A state change CloudWatch reached by evaluating the alarm. */
const change = (alarmName: string, timestamp: string, from: string, to: string): AlarmStateChange => ({
	alarmName,
	timestamp,
	from,
	to,
	evaluated: true,
});
/** The same change made with `aws cloudwatch set-alarm-state` (no evaluation data in the history). */
const byHand = (alarmName: string, timestamp: string, from: string, to: string): AlarmStateChange => ({
	...change(alarmName, timestamp, from, to),
	evaluated: false,
});
const withHistory = (history: AlarmStateChange[], snapshot: Snapshot = loadFixture('passing')) =>
	editRead<AlarmStateChange[]>(snapshot, 'cloudwatch.alarm-history', () => history);
const withFaultSwitch = (changes: FaultSwitchHistory['changes'], snapshot: Snapshot = loadFixture('passing')) =>
	editRead<FaultSwitchHistory>(snapshot, 'ssm.lab3-fault-history', () => ({ exists: true, changes }));

describe('detectionOf', () => {
	const faults = ['2026-11-22T09:15:00Z'];
	it('needs an ALARM within an hour after the fault went on, then an OK, for the same alarm', () => {
		const history = [
			change('a', '2026-11-22T09:00:00Z', 'OK', 'ALARM'),
			change('a', '2026-11-22T09:05:00Z', 'ALARM', 'OK'),
			change('b', '2026-11-22T09:18:00Z', 'OK', 'ALARM'),
			change('a', '2026-11-22T09:20:00Z', 'OK', 'ALARM'),
			change('b', '2026-11-22T09:25:00Z', 'ALARM', 'INSUFFICIENT_DATA'),
			change('a', '2026-11-22T09:40:00Z', 'ALARM', 'OK'),
		];
		expect(detectionOf(history, 'a', faults)).toEqual({
			fired: { faultAt: '2026-11-22T09:15:00Z', alarmAt: '2026-11-22T09:20:00Z' },
			okAt: '2026-11-22T09:40:00Z',
			setByHand: [],
		});
		expect(detectionOf(history, 'b', faults)).toEqual({
			fired: { faultAt: '2026-11-22T09:15:00Z', alarmAt: '2026-11-22T09:18:00Z' },
			okAt: null,
			setByHand: [],
		});
	});

	it('counts only states an evaluation reached: set-alarm-state to ALARM and back is no detection', () => {
		const history = [
			byHand('a', '2026-11-22T09:16:00Z', 'OK', 'ALARM'),
			byHand('a', '2026-11-22T09:17:00Z', 'ALARM', 'OK'),
		];
		expect(detectionOf(history, 'a', faults)).toEqual({ fired: null, okAt: null, setByHand: ['2026-11-22T09:16:00Z'] });
	});

	it('does not count an OK set by hand as the recovery', () => {
		const history = [
			change('a', '2026-11-22T09:20:00Z', 'OK', 'ALARM'),
			byHand('a', '2026-11-22T09:25:00Z', 'ALARM', 'OK'),
		];
		expect(detectionOf(history, 'a', faults).okAt).toBeNull();
	});

	it('does not credit an alarm that fired before the fault or long after it', () => {
		const history = [
			change('a', '2026-11-22T09:00:00Z', 'OK', 'ALARM'),
			change('a', '2026-11-22T11:00:00Z', 'OK', 'ALARM'),
		];
		expect(detectionOf(history, 'a', faults).fired).toBeNull();
	});
});

describe(id, () => {
	it('passes when the latency alarm fired after the fault went on and recovered', () => {
		expect(gradeCheck(loadFixture('passing'), id)).toMatchObject({
			status: 'pass',
			message: `The fault went on at 2026-11-22T10:06:00.000Z; "${app.latencyAlarm}" went to ALARM at 2026-11-22T10:10:00.000Z and back to OK at 2026-11-22T10:31:00.000Z.`,
		});
	});

	it('passes when it was the error-rate alarm that caught an errors fault', () => {
		const snapshot = withHistory(
			[
				change(app.errorAlarm, '2026-11-22T11:04:00.000Z', 'OK', 'ALARM'),
				change(app.errorAlarm, '2026-11-22T11:12:00.000Z', 'ALARM', 'OK'),
			],
			withFaultSwitch([
				{ value: 'errors', at: '2026-11-22T11:00:00.000Z' },
				{ value: 'none', at: '2026-11-22T11:08:00.000Z' },
			]),
		);
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('fails when the fault switch was never turned on in the window, even if an alarm fired', () => {
		const result = gradeCheck(withFaultSwitch([{ value: 'none', at: '2026-11-22T08:00:00.000Z' }]), id);
		expect(result).toMatchObject({
			status: 'fail',
			message:
				'/sre-lab/lab3/fault was not set to latency or errors since 2026-11-21T12:00:00.000Z: switch the fault on while the load generator runs.',
		});
	});

	it('fails while the alarm that caught the fault is still in ALARM', () => {
		const result = gradeCheck(withHistory([change(app.latencyAlarm, '2026-11-22T10:10:00.000Z', 'OK', 'ALARM')]), id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			`"${app.latencyAlarm}" caught the fault but has not returned to OK by evaluation: set /sre-lab/lab3/fault back to none and wait a few minutes.`,
		);
	});

	it('fails when the alarm went to ALARM only at unrelated times (set-alarm-state, another incident)', () => {
		const result = gradeCheck(
			withHistory([
				change(app.latencyAlarm, '2026-11-22T08:30:00.000Z', 'OK', 'ALARM'),
				change(app.latencyAlarm, '2026-11-22T08:35:00.000Z', 'ALARM', 'OK'),
			]),
			id,
		);
		expect(result.message).toBe(
			`The fault went on at 2026-11-22T10:06:00.000Z, but "${app.latencyAlarm}" went to ALARM only at other times (not within an hour after the fault went on).`,
		);
	});

	it("fails when the fault was on but only an unrelated alarm fired, naming the lab's alarms", () => {
		const result = gradeCheck(
			withHistory([
				change('lab1-slo', '2026-11-22T10:10:00.000Z', 'OK', 'ALARM'),
				change('lab1-slo', '2026-11-22T10:20:00.000Z', 'ALARM', 'OK'),
			]),
			id,
		);
		expect(result.message).toBe(
			`The fault went on at 2026-11-22T10:06:00.000Z, but none of "${app.errorAlarm}", "${app.latencyAlarm}" went to ALARM: keep the load generator running and the fault on until an alarm fires.`,
		);
	});

	it('fails when the alarm went to ALARM and back only through set-alarm-state, and says why that does not count', () => {
		const result = gradeCheck(
			withHistory([
				byHand(app.latencyAlarm, '2026-11-22T10:08:00.000Z', 'OK', 'ALARM'),
				change(app.latencyAlarm, '2026-11-22T10:09:00.000Z', 'ALARM', 'OK'),
			]),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`"${app.latencyAlarm}" at 2026-11-22T10:08:00.000Z went to ALARM only by hand`);
		expect(result.message).toContain('tests the notification, not whether the alarm detects the fault');
	});

	it('says an OK set by hand does not count when the alarm caught the fault', () => {
		const result = gradeCheck(
			withHistory([
				change(app.latencyAlarm, '2026-11-22T10:10:00.000Z', 'OK', 'ALARM'),
				byHand(app.latencyAlarm, '2026-11-22T10:12:00.000Z', 'ALARM', 'OK'),
			]),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('An OK set by hand (SetAlarmState) does not count');
	});

	it('asks to collect again when the snapshot predates the evaluation flag, rather than guessing', () => {
		const result = gradeCheck(
			withHistory([
				{ alarmName: app.latencyAlarm, timestamp: '2026-11-22T10:10:00.000Z', from: 'OK', to: 'ALARM' },
				{ alarmName: app.latencyAlarm, timestamp: '2026-11-22T10:31:00.000Z', from: 'ALARM', to: 'OK' },
			]),
			id,
		);
		expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('Collect it again') });
	});

	it('is an error when the alarm history could not be read', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'cloudwatch.alarm-history', accessDenied('cloudwatch:DescribeAlarmHistory')),
			id,
		);
		expect(result).toMatchObject({
			status: 'error',
			message: expect.stringContaining('cloudwatch:DescribeAlarmHistory'),
		});
	});

	it("is an error when the fault switch's history could not be read", () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'ssm.lab3-fault-history', accessDenied('ssm:GetParameterHistory')),
			id,
		);
		expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('ssm:GetParameterHistory') });
	});

	it('is skipped until the alarms are in place', () => {
		expect(gradeCheck(loadFixture('failing'), id).status).toBe('skipped');
	});
});

/**
 * `aws cloudwatch set-alarm-state --state-reason-data` takes any JSON, so a learner can copy an
 * evaluation's data into a state they set by hand; CloudTrail's record of the call tells them apart.
 */
describe('degradation-detected and the SetAlarmState calls in CloudTrail', () => {
	const forgedAlarm = () => {
		const account = completeLab3Account();
		account.history = account.history.map((entry) =>
			entry.alarmName === app.latencyAlarm && entry.to === 'ALARM' ? { ...entry, forged: true } : entry,
		);
		return account;
	};

	it('does not count an ALARM with forged evaluation data that CloudTrail shows was set by hand', async () => {
		const result = gradeCheck(await collectLab3(forgedAlarm()), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`"${app.latencyAlarm}" at 2026-11-22T10:10:00.000Z went to ALARM only by hand`);
	});

	it('does not count a forged OK as the recovery', async () => {
		const account = completeLab3Account();
		account.history = account.history.map((entry) =>
			entry.alarmName === app.latencyAlarm && entry.at === '2026-11-22T10:31:00Z' ? { ...entry, forged: true } : entry,
		);
		const result = gradeCheck(await collectLab3(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('An OK set by hand (SetAlarmState) does not count');
	});

	it('passes a genuine evaluation whatever other SetAlarmState calls CloudTrail holds', async () => {
		const account = completeLab3Account();
		account.setAlarmStateCalls = [
			// The notification test of the step before: another alarm, the same minute.
			{ alarmName: app.errorAlarm, stateValue: 'ALARM', changedAt: '2026-11-22T10:10:00Z' },
			// The same alarm to ALARM, but twenty minutes before its evaluation did it.
			{ alarmName: app.latencyAlarm, stateValue: 'ALARM', changedAt: '2026-11-22T09:50:00Z' },
			// The same alarm at the same moment, to another state.
			{ alarmName: app.latencyAlarm, stateValue: 'OK', changedAt: '2026-11-22T10:10:00Z' },
		];
		expect(gradeCheck(await collectLab3(account), id)).toMatchObject({
			status: 'pass',
			evidence: expect.arrayContaining(['2026-11-22T10:10:00.000Z', '2026-11-22T10:31:00.000Z']),
		});
	});

	it('is could-not-grade when CloudTrail may not be read and the pass rests on it', async () => {
		const snapshot = await collectLab3(completeLab3Account(), {
			before: (mocks) => {
				mocks.cloudtrail
					.on(LookupEventsCommand)
					.rejects(
						Object.assign(
							new Error(
								'User: arn:aws:sts::123456789012:assumed-role/Learner/learner is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action',
							),
							{ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } },
						),
					);
			},
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('cloudtrail:LookupEvents');
	});

	it('keeps a failure that CloudTrail could not change when CloudTrail may not be read', () => {
		const denied = failRead(loadFixture('passing'), setAlarmStateRead, accessDenied('cloudtrail:LookupEvents'));
		const result = gradeCheck(
			withHistory([byHand(app.latencyAlarm, '2026-11-22T10:08:00.000Z', 'OK', 'ALARM')], denied),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('went to ALARM only by hand');
	});

	it('waits for CloudTrail when the recovery is newer than CloudTrail lists its calls', () => {
		const recent = withHistory([
			change(app.latencyAlarm, '2026-11-22T11:50:00.000Z', 'OK', 'ALARM'),
			change(app.latencyAlarm, '2026-11-22T11:52:00.000Z', 'ALARM', 'OK'),
		]);
		const result = gradeCheck(withFaultSwitch([{ value: 'latency', at: '2026-11-22T11:46:00.000Z' }], recent), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('Run the check again after 2026-11-22T12:07:00.000Z');
	});

	it('is could-not-grade when CloudTrail held more calls than the grader reads, back to the detection', () => {
		const truncated = editRead<SetAlarmStateHistory>(loadFixture('passing'), setAlarmStateRead, (lookup) => ({
			...lookup,
			truncated: true,
			calls: [{ alarmName: app.errorAlarm, stateValue: 'ALARM', eventTime: '2026-11-22T10:20:00.000Z' }],
		}));
		const result = gradeCheck(truncated, id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('more SetAlarmState calls');
	});

	it('keeps the pass of a snapshot saved before the grader read CloudTrail for this', () => {
		const older = loadFixture('passing');
		delete older.reads[setAlarmStateRead];
		expect(gradeCheck(older, id).status).toBe('pass');
	});
});
