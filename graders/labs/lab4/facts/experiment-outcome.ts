import type { AlarmStateChange } from '../../../collectors/cloudwatch/alarm-history.ts';
import type { Experiment } from '../../../collectors/fis/lab4-experiments.ts';
import type { SnapshotView } from '../../../engine/types.ts';

/**
 * How far an ALARM may come after the experiment's end and still be what stopped it: FIS records the
 * end once it has stopped the actions, a little after it saw the alarm.
 */
export const stopConditionSlackMs = 60 * 1000;

export type ExperimentOutcome =
	| 'completed'
	| 'stopped-by-stop-condition'
	| 'stopped-by-hand'
	| 'failed'
	| 'in-progress'
	| 'cancelled'
	| 'no-fault-injected'
	/** A state this grader does not know (FIS added `cancelled` in 2024; it may add more), or none. */
	| 'unrecognised';

const inProgress = new Set(['pending', 'initiating', 'running', 'stopping']);

/** The alarm's name from its ARN (`arn:aws:cloudwatch:<region>:<account>:alarm:<name>`). */
export const alarmNameOf = (arn: string) => arn.split(':alarm:')[1] ?? arn;

/** The states of a fault action that ran: it injected the fault, until its end or until it was stopped. */
const ranStates = new Set(['completed', 'stopped', 'stopping']);

/**
 * Whether an experiment that ended injected its fault. A target preview (`actionsMode` `skip-all`)
 * completes with every action `skipped`, and so does an experiment whose targets resolved to nothing
 * under `emptyTargetResolutionMode` `skip`; an action an early stop kept from starting is `cancelled`.
 * A snapshot saved before sre-lab read the actions' states says nothing either way: it counts as before.
 */
function injectedFault(experiment: Experiment): boolean {
	if (experiment.actionsMode === 'skip-all') return false;
	if (experiment.faultActionStates === undefined) return true;
	return experiment.faultActionStates.some((state) => ranStates.has(state));
}

/**
 * What became of one experiment. FIS puts an experiment a stop condition ended in the same `stopped`
 * state as one stopped with StopExperiment, and documents no reason text for either: a stopped
 * experiment counts as stopped by its stop condition when one of its stop-condition alarms went to
 * ALARM while it ran (the alarm history, read only for stopped experiments), or when FIS's reason says
 * "stop condition".
 */
export function experimentOutcome(
	experiment: Experiment,
	history: () => readonly AlarmStateChange[],
): ExperimentOutcome {
	const status = experiment.status;
	if ((status === 'completed' || status === 'stopped') && !injectedFault(experiment)) return 'no-fault-injected';
	if (status === 'completed') return 'completed';
	if (status === 'failed') return 'failed';
	if (status === 'cancelled') return 'cancelled';
	if (status !== 'stopped') return inProgress.has(status) ? 'in-progress' : 'unrecognised';
	if (/stop condition/i.test(experiment.reason ?? '')) return 'stopped-by-stop-condition';
	const start = Date.parse(experiment.startTime ?? experiment.creationTime ?? '');
	const end = Date.parse(experiment.endTime ?? '') + stopConditionSlackMs;
	const names = new Set(experiment.stopConditionAlarms.map(alarmNameOf));
	if (names.size === 0 || Number.isNaN(start)) return 'stopped-by-hand';
	const fired = history().some((change) => {
		const at = Date.parse(change.timestamp);
		return names.has(change.alarmName) && change.to === 'ALARM' && at >= start && (Number.isNaN(end) || at <= end);
	});
	return fired ? 'stopped-by-stop-condition' : 'stopped-by-hand';
}

export const countsAsGameDay = (outcome: ExperimentOutcome) =>
	outcome === 'completed' || outcome === 'stopped-by-stop-condition';

/** Whether the experiment started (or, before it started, was created) inside the time window. */
export function startedInWindow(experiment: Experiment, view: SnapshotView): boolean {
	const at = experiment.startTime ?? experiment.creationTime;
	return at !== null && at >= view.window.since && at <= view.window.until;
}
