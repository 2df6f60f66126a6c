import type { AlarmStateChange } from '../../../collectors/cloudwatch/alarm-history.ts';
import { type FaultSwitchHistory, lab3FaultParameter } from '../../../collectors/ssm/lab3-fault-history.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { appAlarmReads, goodAppAlarms } from '../facts/app-alarms.ts';

/**
 * How long after the fault went on an alarm may fire and still count as catching it. Alarms lag the
 * switch by their evaluation periods (a few minutes); an hour is generous, yet does not credit the
 * fault with an alarm from another afternoon.
 */
export const maxDetectionDelayMs = 60 * 60 * 1000;

const faultModes = new Set(['latency', 'errors']);
const isFaultOn = (value: string) => faultModes.has(value.trim().toLowerCase());

/** When the switch was set to latency or errors, oldest first. */
export function faultOnTimes(history: FaultSwitchHistory): string[] {
	return history.changes.filter((change) => isFaultOn(change.value)).map((change) => change.at);
}

export interface Detection {
	/** The first ALARM within the allowed delay after a fault went on, if any. */
	fired: { faultAt: string; alarmAt: string } | null;
	/** The first OK after that ALARM, if any. */
	okAt: string | null;
}

/** How one alarm reacted to the fault. Both histories must be oldest first. */
export function detectionOf(
	history: readonly AlarmStateChange[],
	alarmName: string,
	faultTimes: readonly string[],
): Detection {
	let fired: Detection['fired'] = null;
	for (const change of history) {
		if (change.alarmName !== alarmName) continue;
		if (change.to === 'ALARM' && !fired) {
			const at = Date.parse(change.timestamp);
			const faultAt = [...faultTimes]
				.reverse()
				.find((time) => Date.parse(time) <= at && at - Date.parse(time) <= maxDetectionDelayMs);
			if (faultAt) fired = { faultAt, alarmAt: change.timestamp };
		} else if (change.to === 'OK' && fired) {
			return { fired, okAt: change.timestamp };
		}
	}
	return { fired, okAt: null };
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

export const degradationDetected: CheckDefinition = {
	id: 'degradation-detected',
	reads: [...appAlarmReads, 'cloudwatch.alarm-history', 'ssm.lab3-fault-history'],
	evaluate(view) {
		const names = [...new Set(goodAppAlarms(view).map((judgement) => judgement.alarm.alarmName))].sort();
		const history = view.read<AlarmStateChange[]>('cloudwatch.alarm-history');
		const faultTimes = faultOnTimes(view.read<FaultSwitchHistory>('ssm.lab3-fault-history'));
		const since = view.window.since;
		const detections = names.map((name) => ({ name, ...detectionOf(history, name, faultTimes) }));
		const recovered = detections.find((detection) => detection.fired && detection.okAt);
		if (recovered?.fired && recovered.okAt) {
			const { faultAt, alarmAt } = recovered.fired;
			return {
				status: 'pass',
				message: `The fault went on at ${faultAt}; "${recovered.name}" went to ALARM at ${alarmAt} and back to OK at ${recovered.okAt}.`,
				evidence: [lab3FaultParameter, recovered.name, faultAt, alarmAt, recovered.okAt],
			};
		}
		const evidence = [lab3FaultParameter, ...names];
		const recentFaults = faultTimes.filter((time) => time >= since);
		if (recentFaults.length === 0) {
			return {
				status: 'fail',
				message: `${lab3FaultParameter} was not set to latency or errors since ${since}: switch the fault on while the load generator runs.`,
				evidence,
			};
		}
		const stillFiring = detections.filter((detection) => detection.fired).map((detection) => detection.name);
		if (stillFiring.length > 0) {
			return {
				status: 'fail',
				message: `${quoted(stillFiring)} caught the fault but has not returned to OK: set ${lab3FaultParameter} back to none and wait a few minutes.`,
				evidence,
			};
		}
		const firedAnyway = names.filter((name) =>
			history.some((change) => change.alarmName === name && change.to === 'ALARM'),
		);
		return {
			status: 'fail',
			message:
				firedAnyway.length > 0
					? `The fault went on at ${recentFaults.join(', ')}, but ${quoted(firedAnyway)} went to ALARM only at other times (not within an hour after the fault went on).`
					: `The fault went on at ${recentFaults.join(', ')}, but none of ${quoted(names)} went to ALARM: keep the load generator running and the fault on until an alarm fires.`,
			evidence,
		};
	},
};
