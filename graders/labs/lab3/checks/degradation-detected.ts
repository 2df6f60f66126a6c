import type { AlarmStateChange } from '../../../collectors/cloudwatch/alarm-history.ts';
import { type FaultSwitchHistory, lab3FaultParameter } from '../../../collectors/ssm/lab3-fault-history.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { evaluatedAlarmStates, setAlarmStateRead } from '../../shared/forged-alarm-states.ts';
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
	/** The first ALARM an evaluation reached within the allowed delay after a fault went on, if any. */
	fired: { faultAt: string; alarmAt: string } | null;
	/** The first OK an evaluation reached after that ALARM, if any. */
	okAt: string | null;
	/**
	 * ALARM states within the delay after a fault that were set by hand (SetAlarmState), not evaluated:
	 * the entry has no evaluation data, or CloudTrail shows the call (see shared/forged-alarm-states.ts).
	 */
	setByHand: string[];
}

const faultBefore = (faultTimes: readonly string[], timestamp: string) => {
	const at = Date.parse(timestamp);
	return [...faultTimes]
		.reverse()
		.find((time) => Date.parse(time) <= at && at - Date.parse(time) <= maxDetectionDelayMs);
};

/**
 * How one alarm reacted to the fault. Both histories must be oldest first. Only states CloudWatch
 * reached by evaluating the alarm count: `aws cloudwatch set-alarm-state` (or a console test) puts
 * any alarm into ALARM and back without the alarm ever seeing the fault.
 */
export function detectionOf(
	history: readonly AlarmStateChange[],
	alarmName: string,
	faultTimes: readonly string[],
): Detection {
	let fired: Detection['fired'] = null;
	const setByHand: string[] = [];
	for (const change of history) {
		if (change.alarmName !== alarmName) continue;
		if (change.to === 'ALARM' && !fired) {
			const faultAt = faultBefore(faultTimes, change.timestamp);
			if (!faultAt) continue;
			if (change.evaluated) fired = { faultAt, alarmAt: change.timestamp };
			else setByHand.push(change.timestamp);
		} else if (change.to === 'OK' && fired && change.evaluated) {
			return { fired, okAt: change.timestamp, setByHand };
		}
	}
	return { fired, okAt: null, setByHand };
}

/** A snapshot from before sre-lab told evaluated states from ones set by hand cannot decide this check. */
function requireEvaluationFlags(history: readonly AlarmStateChange[]): void {
	if (history.every((change) => typeof change.evaluated === 'boolean')) return;
	throw new ReadFailed({
		kind: 'other',
		service: 'cloudwatch',
		operation: 'DescribeAlarmHistory',
		message:
			"The snapshot's alarm history does not say which state changes came from an alarm evaluation (it was collected by an older sre-lab). Collect it again; this is not counted against the learner.",
	});
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

export const degradationDetected: CheckDefinition = {
	id: 'degradation-detected',
	reads: [...appAlarmReads, 'cloudwatch.alarm-history', 'ssm.lab3-fault-history', setAlarmStateRead],
	evaluate(view) {
		const names = [...new Set(goodAppAlarms(view).map((judgement) => judgement.alarm.alarmName))].sort();
		const recorded = view.read<AlarmStateChange[]>('cloudwatch.alarm-history');
		requireEvaluationFlags(recorded);
		// A state whose entry looks evaluated but that CloudTrail shows set by hand counts as set by hand.
		const states = evaluatedAlarmStates(view, recorded);
		const history = states.history;
		const faultTimes = faultOnTimes(view.read<FaultSwitchHistory>('ssm.lab3-fault-history'));
		const since = view.window.since;
		const detections = names.map((name) => ({ name, ...detectionOf(history, name, faultTimes) }));
		const recoveries = detections.flatMap(({ name, fired, okAt }) => (fired && okAt ? [{ name, ...fired, okAt }] : []));
		// One CloudTrail can already vouch for, if any; a recent one may still wait for its calls to show.
		const recovered = recoveries.find(({ alarmAt, okAt }) => states.settled([alarmAt, okAt])) ?? recoveries[0];
		if (recovered) {
			const { faultAt, alarmAt, okAt } = recovered;
			states.confirmEvaluated([alarmAt, okAt]);
			return {
				status: 'pass',
				message: `The fault went on at ${faultAt}; "${recovered.name}" went to ALARM at ${alarmAt} and back to OK at ${okAt}.`,
				evidence: [lab3FaultParameter, recovered.name, faultAt, alarmAt, okAt],
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
		const byHand = detections.filter((detection) => !detection.fired && detection.setByHand.length > 0);
		if (stillFiring.length === 0 && byHand.length > 0) {
			const which = byHand.map((detection) => `"${detection.name}" at ${detection.setByHand.join(', ')}`);
			return {
				status: 'fail',
				message: `The fault went on at ${recentFaults.join(', ')}; ${which.join('; ')} went to ALARM only by hand (SetAlarmState: the history entry has no evaluation data, or CloudTrail shows the call). A state set with aws cloudwatch set-alarm-state tests the notification, not whether the alarm detects the fault: keep the load generator running with the fault on until the alarm goes to ALARM by itself, then switch the fault off and wait for OK.`,
				evidence,
			};
		}
		if (stillFiring.length > 0) {
			const okByHand = stillFiring.filter((name) =>
				history.some((change) => change.alarmName === name && change.to === 'OK' && change.evaluated === false),
			);
			const byHandNote =
				okByHand.length > 0
					? ` An OK set by hand (SetAlarmState) does not count; if ${quoted(okByHand)} is already OK, switch the fault on and off again and let the alarm change state by itself.`
					: '';
			return {
				status: 'fail',
				message: `${quoted(stillFiring)} caught the fault but has not returned to OK by evaluation: set ${lab3FaultParameter} back to none and wait a few minutes.${byHandNote}`,
				evidence,
			};
		}
		const firedAnyway = names.filter((name) =>
			history.some((change) => change.alarmName === name && change.to === 'ALARM' && change.evaluated),
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
