import type { AlarmStateChange } from '../../../collectors/cloudwatch/alarm-history.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { appAlarmReads, goodAppAlarms } from '../facts/app-alarms.ts';

export interface Recovery {
	alarmName: string;
	alarmAt: string;
	okAt: string;
}

/** The first time an alarm went to ALARM and afterwards back to OK; history must be oldest first. */
export function firstRecovery(history: readonly AlarmStateChange[], alarmName: string): Recovery | null {
	let alarmAt: string | null = null;
	for (const change of history) {
		if (change.alarmName !== alarmName) continue;
		if (change.to === 'ALARM') alarmAt ??= change.timestamp;
		else if (change.to === 'OK' && alarmAt) return { alarmName, alarmAt, okAt: change.timestamp };
	}
	return null;
}

export const degradationDetected: CheckDefinition = {
	id: 'degradation-detected',
	reads: [...appAlarmReads, 'cloudwatch.alarm-history'],
	evaluate(view) {
		const names = [...new Set(goodAppAlarms(view).map((judgement) => judgement.alarm.alarmName))].sort();
		const history = view.read<AlarmStateChange[]>('cloudwatch.alarm-history');
		for (const name of names) {
			const recovery = firstRecovery(history, name);
			if (recovery) {
				return {
					status: 'pass',
					message: `"${name}" went to ALARM at ${recovery.alarmAt} and back to OK at ${recovery.okAt}.`,
					evidence: [name, recovery.alarmAt, recovery.okAt],
				};
			}
		}
		const fired = names.filter((name) => history.some((change) => change.alarmName === name && change.to === 'ALARM'));
		return {
			status: 'fail',
			message:
				fired.length > 0
					? `${fired.map((name) => `"${name}"`).join(', ')} went to ALARM since ${view.window.since} but has not returned to OK: set the fault back to none and wait a few minutes.`
					: `None of ${names.map((name) => `"${name}"`).join(', ')} went to ALARM since ${view.window.since}: switch the fault on while the load generator runs.`,
			evidence: names,
		};
	},
};
