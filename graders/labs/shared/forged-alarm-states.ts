import type { SetAlarmStateHistory } from '../../collectors/cloudtrail/set-alarm-state-events.ts';
import type { AlarmStateChange } from '../../collectors/cloudwatch/alarm-history.ts';
import { ReadFailed } from '../../engine/errors.ts';
import type { SnapshotView } from '../../engine/types.ts';

export const setAlarmStateRead = 'cloudtrail.set-alarm-state-events';

/**
 * How far a SetAlarmState call may precede the history entry it made. CloudTrail's `eventTime` is
 * when the request was made, in whole seconds (truncated); DescribeAlarmHistory's `Timestamp`, in
 * milliseconds, is when CloudWatch applied the new state, while answering that same request. So the
 * entry follows the call by under a second plus the truncation: 10 s leaves room for a slow request
 * and for the clocks of the two services. A genuine evaluation to the same state in those seconds
 * would need the alarm to have left the state the call put it in first: it does not happen.
 */
export const callBeforeChangeMs = 10_000;
/** The call cannot come after the change it made; a second covers the two services' clocks. */
export const callAfterChangeMs = 1_000;

/**
 * CloudTrail makes an event visible in its event history minutes after the call (typically about
 * five, not guaranteed; log files within fifteen). A state change newer than this, counted back from
 * the end of the lookup, may have been set by hand without CloudTrail showing it yet.
 */
export const cloudTrailDelayMs = 15 * 60_000;

/** Whether a SetAlarmState call put this alarm into this state at the moment of this change. */
function madeByCall(change: AlarmStateChange, calls: SetAlarmStateHistory['calls']): boolean {
	const at = Date.parse(change.timestamp);
	return calls.some((call) => {
		if (call.alarmName !== change.alarmName || call.stateValue !== change.to) return false;
		const callAt = Date.parse(call.eventTime);
		return callAt >= at - callBeforeChangeMs && callAt <= at + callAfterChangeMs;
	});
}

/**
 * The history with every change a SetAlarmState call made marked as not evaluated: SetAlarmState
 * takes any `--state-reason-data`, so an entry that looks evaluated may be a forgery; CloudTrail's
 * record of the call is what tells. Pure; the history keeps its order.
 */
export function markSetByHand(
	history: readonly AlarmStateChange[],
	calls: SetAlarmStateHistory['calls'],
): AlarmStateChange[] {
	return history.map((change) =>
		change.evaluated && madeByCall(change, calls) ? { ...change, evaluated: false } : change,
	);
}

export interface EvaluatedAlarmStates {
	/** The alarm history, with the states CloudTrail shows were set by hand marked `evaluated: false`. */
	history: AlarmStateChange[];
	/** Whether CloudTrail can already show the calls behind changes at these times (ISO 8601). */
	settled(timestamps: readonly string[]): boolean;
	/**
	 * Call before a pass that rests on the changes at these times having come from an evaluation:
	 * throws ReadFailed when CloudTrail could not be read, or did not hold the calls of those times
	 * (too recent for CloudTrail to show yet, or older than the most calls the grader reads). Then
	 * the check is "could not grade", never a pass.
	 */
	confirmEvaluated(timestamps: readonly string[]): void;
}

const cloudTrailTrouble = (message: string) =>
	new ReadFailed({
		kind: 'other',
		service: 'cloudtrail',
		operation: 'LookupEvents',
		action: 'cloudtrail:LookupEvents',
		message,
	});

/**
 * The alarm history as the checks on detection judge it: a state counts as evaluated when its entry
 * carries evaluation data and CloudTrail holds no SetAlarmState call that made it.
 *
 * Without the CloudTrail read the history stays as the entries say. That only ever lets more states
 * count, so a fail judged from it stands whatever CloudTrail holds (the failed read is set aside);
 * a pass needs the read (`confirmEvaluated`). A snapshot saved before sre-lab read CloudTrail for
 * this keeps the pass it had (the engine grades anything short of a pass as "collect again").
 */
export function evaluatedAlarmStates(view: SnapshotView, history: readonly AlarmStateChange[]): EvaluatedAlarmStates {
	const outcome = view.outcome<SetAlarmStateHistory>(setAlarmStateRead);
	if (!outcome) return { history: [...history], settled: () => true, confirmEvaluated: () => {} };
	if (!outcome.ok) {
		const { error } = outcome;
		view.setAside(
			error,
			'a SetAlarmState call in CloudTrail can only show that a state was set by hand, which takes a pass away and never a failure',
		);
		return {
			history: [...history],
			settled: () => true,
			confirmEvaluated: () => {
				throw new ReadFailed(error);
			},
		};
	}
	const lookup = outcome.data;
	const settledUntil = Date.parse(lookup.until) - cloudTrailDelayMs;
	const tooRecent = (timestamps: readonly string[]) =>
		timestamps.filter((timestamp) => Date.parse(timestamp) > settledUntil);
	// Newest first: a lookup cut short holds every call from its oldest kept one on, none before.
	const oldestKept = lookup.truncated
		? lookup.calls[0]
			? Date.parse(lookup.calls[0].eventTime)
			: Number.POSITIVE_INFINITY
		: null;
	return {
		history: markSetByHand(history, lookup.calls),
		settled: (timestamps) => tooRecent(timestamps).length === 0,
		confirmEvaluated(timestamps) {
			const uncovered =
				oldestKept === null
					? []
					: timestamps.filter((timestamp) => Date.parse(timestamp) - callBeforeChangeMs <= oldestKept);
			if (uncovered.length > 0) {
				throw cloudTrailTrouble(
					`CloudTrail holds more SetAlarmState calls since ${lookup.since} than the grader reads, so it cannot tell whether the alarm's change at ${uncovered.join(', ')} came from an evaluation or was set by hand. Grade again with a shorter --since; this is not counted against the learner.`,
				);
			}
			const recent = tooRecent(timestamps);
			if (recent.length > 0) {
				const after = new Date(Date.parse(recent.at(-1) as string) + cloudTrailDelayMs).toISOString();
				throw cloudTrailTrouble(
					`The alarm changed state at ${recent.join(', ')}, less than ${cloudTrailDelayMs / 60_000} minutes before the grader read CloudTrail, which lists a set-alarm-state call only minutes after it is made: whether that state came from an evaluation cannot be told yet. Run the check again after ${after}; this is not counted against the learner.`,
				);
			}
		},
	};
}
