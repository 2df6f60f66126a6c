import { describe, expect, it } from 'vitest';
import type { AlarmStateChange } from '../../../../graders/collectors/cloudwatch/alarm-history.ts';
import { firstRecovery } from '../../../../graders/labs/lab3/checks/degradation-detected.ts';
import { app } from './support/lab3-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'degradation-detected';
const change = (alarmName: string, timestamp: string, from: string, to: string): AlarmStateChange => ({
	alarmName,
	timestamp,
	from,
	to,
});
const withHistory = (history: AlarmStateChange[]) =>
	editRead<AlarmStateChange[]>(loadFixture('passing'), 'cloudwatch.alarm-history', () => history);

describe('firstRecovery', () => {
	it('needs ALARM first and OK afterwards, for the same alarm', () => {
		const history = [
			change('a', '2026-11-22T09:00:00Z', 'INSUFFICIENT_DATA', 'OK'),
			change('b', '2026-11-22T09:10:00Z', 'OK', 'ALARM'),
			change('a', '2026-11-22T09:20:00Z', 'OK', 'ALARM'),
			change('b', '2026-11-22T09:25:00Z', 'ALARM', 'INSUFFICIENT_DATA'),
			change('a', '2026-11-22T09:40:00Z', 'ALARM', 'OK'),
		];
		expect(firstRecovery(history, 'a')).toEqual({
			alarmName: 'a',
			alarmAt: '2026-11-22T09:20:00Z',
			okAt: '2026-11-22T09:40:00Z',
		});
		expect(firstRecovery(history, 'b')).toBeNull();
	});
});

describe(id, () => {
	it('passes when the latency alarm fired and recovered in the window', () => {
		expect(gradeCheck(loadFixture('passing'), id)).toMatchObject({
			status: 'pass',
			message: `"${app.latencyAlarm}" went to ALARM at 2026-11-22T10:10:00.000Z and back to OK at 2026-11-22T10:31:00.000Z.`,
		});
	});

	it('passes when it was the error-rate alarm that fired and recovered', () => {
		const snapshot = withHistory([
			change(app.errorAlarm, '2026-11-22T11:00:00.000Z', 'OK', 'ALARM'),
			change(app.errorAlarm, '2026-11-22T11:12:00.000Z', 'ALARM', 'OK'),
		]);
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('fails while the alarm is still in ALARM', () => {
		const result = gradeCheck(withHistory([change(app.latencyAlarm, '2026-11-22T11:00:00.000Z', 'OK', 'ALARM')]), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			`"${app.latencyAlarm}" went to ALARM since 2026-11-21T12:00:00.000Z but has not returned to OK`,
		);
	});

	it('fails when an OK came only before the ALARM', () => {
		const result = gradeCheck(
			withHistory([
				change(app.latencyAlarm, '2026-11-22T09:00:00.000Z', 'ALARM', 'OK'),
				change(app.latencyAlarm, '2026-11-22T11:00:00.000Z', 'OK', 'ALARM'),
			]),
			id,
		);
		expect(result.status).toBe('fail');
	});

	it("fails when only an unrelated alarm fired, naming the lab's alarms", () => {
		const result = gradeCheck(
			withHistory([
				change('lab1-slo', '2026-11-22T09:30:00.000Z', 'OK', 'ALARM'),
				change('lab1-slo', '2026-11-22T09:40:00.000Z', 'ALARM', 'OK'),
			]),
			id,
		);
		expect(result.message).toBe(
			`None of "${app.errorAlarm}", "${app.latencyAlarm}" went to ALARM since 2026-11-21T12:00:00.000Z: switch the fault on while the load generator runs.`,
		);
	});

	it('is an error when the history could not be read', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'cloudwatch.alarm-history', accessDenied('cloudwatch:DescribeAlarmHistory')),
			id,
		);
		expect(result).toMatchObject({
			status: 'error',
			message: expect.stringContaining('cloudwatch:DescribeAlarmHistory'),
		});
	});

	it('is skipped until the alarms are in place', () => {
		expect(gradeCheck(loadFixture('failing'), id).status).toBe('skipped');
	});
});
