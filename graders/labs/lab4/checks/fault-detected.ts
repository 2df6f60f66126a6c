import type { AlarmStateChange } from '../../../collectors/cloudwatch/alarm-history.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { appResources } from '../../lab3/facts/app-stack.ts';
import { evaluatedAlarmStates, setAlarmStateRead } from '../../shared/forged-alarm-states.ts';
import { appAlarms } from '../facts/app-alarm-arns.ts';
import { detectionDuring, detectionGraceMs, type ExperimentDetection } from '../facts/experiment-detection.ts';
import { countsAsGameDay } from '../facts/experiment-outcome.ts';
import { gameDayRunReads, gameDayRuns } from '../facts/game-day-runs.ts';

interface Finding {
	experimentId: string;
	alarmName: string;
	detection: ExperimentDetection;
}

export const faultDetected: CheckDefinition = {
	id: 'fault-detected',
	reads: [...gameDayRunReads, setAlarmStateRead],
	evaluate(view) {
		const { runs, requireAll } = gameDayRuns(view);
		const counted = runs.filter((run) => countsAsGameDay(run.outcome) && run.experiment.startTime !== null);
		const alarms = appAlarms(view, appResources(view));
		const names = [...new Set([...alarms.metric.values(), ...alarms.composite.values()])].sort();
		// A state whose entry looks evaluated but that CloudTrail shows set by hand counts as set by hand.
		const states = evaluatedAlarmStates(view, view.read<AlarmStateChange[]>('cloudwatch.alarm-history'));
		const history = states.history;
		const findings: Finding[] = counted.flatMap(({ experiment }) =>
			names.map((alarmName) => ({
				experimentId: experiment.id,
				alarmName,
				detection: detectionDuring(
					history,
					alarmName,
					{ id: experiment.id, startTime: experiment.startTime as string, endTime: experiment.endTime },
					view.window.until,
				),
			})),
		);
		const recoveries = findings.filter(({ detection }) => detection.alarmAt && detection.okAt);
		const statesOf = ({ detection }: Finding) =>
			[detection.alarmAt, detection.okAt].filter((at): at is string => at !== null);
		// One CloudTrail can already vouch for, if any; a recent one may still wait for its calls to show.
		const detected = recoveries.find((finding) => states.settled(statesOf(finding))) ?? recoveries[0];
		if (detected) {
			states.confirmEvaluated(statesOf(detected));
			return {
				status: 'pass',
				message: `During experiment ${detected.experimentId} the alarm ${detected.alarmName} went to ALARM at ${detected.detection.alarmAt} and back to OK at ${detected.detection.okAt}, both by its own evaluation.`,
				evidence: [detected.experimentId, detected.alarmName],
			};
		}
		// A composite alarm that could not be read, or another experiment, might hold the detection.
		if (alarms.compositeFailure) throw alarms.compositeFailure;
		requireAll();
		const graceMinutes = detectionGraceMs / 60_000;
		const stuck = findings.find(({ detection }) => detection.alarmAt);
		if (stuck) {
			return {
				status: 'fail',
				message: `The alarm ${stuck.alarmName} went to ALARM at ${stuck.detection.alarmAt} during experiment ${stuck.experimentId} but has not returned to OK through its own evaluation since: once the experiment has ended and the load generator still runs, the alarm recovers within a few periods; check again then.`,
				evidence: [stuck.experimentId, stuck.alarmName],
			};
		}
		const byHand = findings.filter(({ detection }) => detection.setByHand.length > 0);
		if (byHand.length > 0) {
			return {
				status: 'fail',
				message: `${[...new Set(byHand.map((finding) => finding.alarmName))].join(', ')} reached ALARM during the experiment only through set-alarm-state, which says nothing about whether the alarm saw the fault. Run the experiment again with the load generator running and let the alarm evaluate.`,
				evidence: byHand.map((finding) => finding.experimentId),
			};
		}
		return {
			status: 'fail',
			message: `None of the application's alarms (${names.join(', ') || 'none found: create them as in Lab 3'}) went to ALARM between the start of experiment ${counted.map((run) => run.experiment.id).join(', ')} and ${graceMinutes} minutes after its end: keep the load generator running during the experiment, and make the fault strong enough (delay or error percentage) to cross the alarm's threshold.`,
			evidence: counted.map((run) => run.experiment.id),
		};
	},
};
