import { describe, expect, it } from 'vitest';
import { setAlarmStateRead } from '../../../../graders/labs/shared/forged-alarm-states.ts';
import { loadFixture } from './support/fixtures.ts';
import { app, completeLab4Account } from './support/lab4-account.ts';
import { collectLab4 } from './support/lab4-scenarios.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const id = 'fault-detected';

/** A completed experiment from 10:02 to 10:12 with the given alarm history. */
function completedWith(history: ReturnType<typeof completeLab4Account>['history']) {
	const account = completeLab4Account();
	for (const experiment of account.experiments) {
		experiment.status = 'completed';
		experiment.end = '2026-11-22T10:12:00Z';
	}
	account.history = history;
	return account;
}

describe('fault-detected', () => {
	it('passes an ALARM that came after the end, within the grace the metrics need', async () => {
		const account = completedWith([
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:20:00Z', from: 'OK', to: 'ALARM' },
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:31:00Z', from: 'ALARM', to: 'OK' },
		]);
		expect(gradeCheck(await collectLab4(account), id).status).toBe('pass');
	});

	it('fails an ALARM set with set-alarm-state', async () => {
		const account = completedWith([
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:05:00Z', from: 'OK', to: 'ALARM', byHand: true },
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:06:00Z', from: 'ALARM', to: 'OK', byHand: true },
		]);
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('only through set-alarm-state');
	});

	it('fails an alarm that has not come back to OK, saying to check again later', async () => {
		const account = completedWith([
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:06:00Z', from: 'OK', to: 'ALARM' },
		]);
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('has not returned to OK');
	});

	it('does not credit the experiment with an ALARM from before it started', async () => {
		const account = completedWith([
			{ alarmName: app.latencyAlarm, at: '2026-11-22T09:30:00Z', from: 'OK', to: 'ALARM' },
			{ alarmName: app.latencyAlarm, at: '2026-11-22T09:40:00Z', from: 'ALARM', to: 'OK' },
		]);
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`None of the application's alarms (${app.latencyAlarm}) went to ALARM`);
	});

	it('is could-not-grade when the alarm history may not be read', async () => {
		const account = completedWith([]);
		const result = gradeCheck(await collectLab4(account, { deny: ['cloudwatch:DescribeAlarmHistory'] }), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('cloudwatch:DescribeAlarmHistory');
	});

	describe('and the SetAlarmState calls in CloudTrail', () => {
		const evaluated = () => [
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:05:00Z', from: 'OK', to: 'ALARM' },
			{ alarmName: app.latencyAlarm, at: '2026-11-22T10:20:00Z', from: 'ALARM', to: 'OK' },
		];

		it('fails an ALARM with forged evaluation data that CloudTrail shows was set by hand', async () => {
			const account = completedWith(
				evaluated().map((change) => (change.to === 'ALARM' ? { ...change, forged: true } : change)),
			);
			const result = gradeCheck(await collectLab4(account), id);
			expect(result.status).toBe('fail');
			expect(result.message).toContain('only through set-alarm-state');
		});

		it('does not count a forged OK as the recovery', async () => {
			const account = completedWith(
				evaluated().map((change) => (change.to === 'OK' ? { ...change, forged: true } : change)),
			);
			const result = gradeCheck(await collectLab4(account), id);
			expect(result.status).toBe('fail');
			expect(result.message).toContain('has not returned to OK');
		});

		it('passes a genuine evaluation whatever other SetAlarmState calls CloudTrail holds', async () => {
			const account = completedWith(evaluated());
			account.setAlarmStateCalls = [
				{ alarmName: 'lab1-slo', stateValue: 'ALARM', changedAt: '2026-11-22T10:05:00Z' },
				{ alarmName: app.latencyAlarm, stateValue: 'ALARM', changedAt: '2026-11-22T09:40:00Z' },
			];
			expect(gradeCheck(await collectLab4(account), id).status).toBe('pass');
		});

		it('is could-not-grade when CloudTrail may not be read and the pass rests on it', async () => {
			const result = gradeCheck(
				await collectLab4(completedWith(evaluated()), { deny: ['cloudtrail:LookupEvents'] }),
				id,
			);
			expect(result.status).toBe('error');
			expect(result.message).toContain('cloudtrail:LookupEvents');
		});

		it('keeps a failure that CloudTrail could not change when CloudTrail may not be read', async () => {
			const result = gradeCheck(await collectLab4(completedWith([]), { deny: ['cloudtrail:LookupEvents'] }), id);
			expect(result.status).toBe('fail');
			expect(result.message).toContain("None of the application's alarms");
		});

		it('keeps the pass of a snapshot saved before the grader read CloudTrail for this', () => {
			const older = loadFixture('passing');
			delete older.reads[setAlarmStateRead];
			expect(gradeCheck(older, id).status).toBe('pass');
		});
	});
});
