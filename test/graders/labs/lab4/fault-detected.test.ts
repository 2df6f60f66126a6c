import { describe, expect, it } from 'vitest';
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
});
