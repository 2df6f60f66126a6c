import type { AlarmStateChange } from '../../../collectors/cloudwatch/alarm-history.ts';

/**
 * How long after an experiment ended an ALARM still counts as caught during it. An alarm reaches ALARM
 * only after its evaluation periods and the metric's own delay (a few minutes for Lambda and API
 * Gateway metrics), and an experiment stopped by that very alarm ends the moment FIS sees it fire.
 */
export const detectionGraceMs = 15 * 60 * 1000;

/** An experiment's run, as GetExperiment reports its startTime and endTime (ISO 8601). */
export interface ExperimentRun {
	id: string;
	startTime: string;
	/** Null while it runs. */
	endTime: string | null;
}

export interface ExperimentDetection {
	/** The first ALARM an evaluation reached between the start and the end (plus the grace), if any. */
	alarmAt: string | null;
	/** The first OK an evaluation reached after that ALARM, if any. */
	okAt: string | null;
	/** ALARM states in that span that were set by hand (SetAlarmState), not evaluated. */
	setByHand: string[];
}

/**
 * How one alarm reacted to one experiment, from the alarm history (oldest first). As in Lab 3's
 * degradation check, only states CloudWatch reached by evaluating the alarm count: a state set with
 * `aws cloudwatch set-alarm-state` says nothing about whether the alarm saw the fault.
 */
export function detectionDuring(
	history: readonly AlarmStateChange[],
	alarmName: string,
	run: ExperimentRun,
	until: string,
): ExperimentDetection {
	const start = Date.parse(run.startTime);
	const end = Date.parse(run.endTime ?? until) + detectionGraceMs;
	let alarmAt: string | null = null;
	const setByHand: string[] = [];
	for (const change of history) {
		if (change.alarmName !== alarmName) continue;
		const at = Date.parse(change.timestamp);
		if (change.to === 'ALARM' && !alarmAt && at >= start && at <= end) {
			if (change.evaluated) alarmAt = change.timestamp;
			else setByHand.push(change.timestamp);
		} else if (change.to === 'OK' && alarmAt && change.evaluated && at >= Date.parse(alarmAt)) {
			return { alarmAt, okAt: change.timestamp, setByHand };
		}
	}
	return { alarmAt, okAt: null, setByHand };
}
