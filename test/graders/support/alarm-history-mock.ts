import type { AlarmHistoryItem } from '@aws-sdk/client-cloudwatch';
import type { SetAlarmStateCallSpec } from './set-alarm-state-events.ts';

/** One state change of an alarm in a simulated account. */
export interface AlarmChange {
	alarmName: string;
	at: string;
	from: string;
	to: string;
	/** Set with `aws cloudwatch set-alarm-state`: the history entry carries only the caller's reason. */
	byHand?: boolean;
	/** Set by hand with a `--state-reason-data` copied from an evaluation: looks evaluated, CloudTrail shows the call. */
	forged?: boolean;
}

/**
 * A state reached by evaluation, as DescribeAlarmHistory records it (shape of the AWS CLI reference
 * example for describe-alarm-history): the evaluated datapoints travel in `stateReasonData`.
 */
export function evaluatedState(change: { at: string; to: string }) {
	const breaching = change.to === 'ALARM';
	const queryDate = change.at.replace('Z', '').replace(/(\.\d+)?$/, '.419+0000');
	return {
		stateValue: change.to,
		stateReason: `Threshold Crossed: 2 out of the last 3 datapoints [${breaching ? '2150.0, 1980.5' : '210.0, 190.5'}] were ${breaching ? '' : 'not '}greater than the threshold (1000.0).`,
		stateReasonData: {
			version: '1.0',
			queryDate,
			startDate: queryDate,
			unit: 'Milliseconds',
			period: 60,
			recentDatapoints: breaching ? [2150.0, 1980.5, 640.2] : [210.0, 190.5, 180.1],
			threshold: 1000.0,
			evaluatedDatapoints: [{ timestamp: queryDate, sampleCount: 120.0, value: breaching ? 2150.0 : 210.0 }],
		},
	};
}

/** The DescribeAlarmHistory item (AlarmHistoryItem of the API reference) for one state change. */
export function alarmHistoryItem(change: AlarmChange): AlarmHistoryItem {
	return {
		AlarmName: change.alarmName,
		AlarmType: 'MetricAlarm',
		Timestamp: new Date(change.at),
		HistoryItemType: 'StateUpdate',
		HistorySummary: `Alarm updated from ${change.from} to ${change.to}`,
		HistoryData: JSON.stringify({
			version: '1.0',
			oldState: { stateValue: change.from, stateReason: 'previous' },
			newState: change.byHand
				? { stateValue: change.to, stateReason: 'testing purposes' }
				: { ...evaluatedState(change), ...(change.forged ? { stateReason: 'testing purposes' } : {}) },
		}),
	};
}

/** The SetAlarmState calls CloudTrail holds for the account: those behind `byHand` and `forged` changes, and the others. */
export function setAlarmStateCallsOf(account: {
	history: readonly AlarmChange[];
	setAlarmStateCalls?: readonly SetAlarmStateCallSpec[];
}): SetAlarmStateCallSpec[] {
	const made = account.history
		.filter((change) => change.byHand || change.forged)
		.map((change) => ({
			alarmName: change.alarmName,
			stateValue: change.to,
			changedAt: change.at,
			...(change.forged ? { stateReasonData: evaluatedState(change).stateReasonData } : {}),
		}));
	return [...made, ...(account.setAlarmStateCalls ?? [])];
}
