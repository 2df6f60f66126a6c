import { describe, expect, it } from 'vitest';
import type { AlarmStateChange } from '../../../../graders/collectors/cloudwatch/alarm-history.ts';
import { markSetByHand } from '../../../../graders/labs/shared/forged-alarm-states.ts';

const alarm = 'lab3-api-p90-latency';
/** An entry with evaluation data, as DescribeAlarmHistory's Timestamp records it (milliseconds). */
const entry = (timestamp: string, to = 'ALARM'): AlarmStateChange => ({
	alarmName: alarm,
	timestamp,
	from: to === 'ALARM' ? 'OK' : 'ALARM',
	to,
	evaluated: true,
});
/** A SetAlarmState call as CloudTrail records it: eventTime in whole seconds. */
const call = (eventTime: string, stateValue = 'ALARM', alarmName = alarm) => ({ alarmName, stateValue, eventTime });
const evaluatedFlags = (history: AlarmStateChange[]) => history.map((change) => change.evaluated);

describe('markSetByHand', () => {
	it('marks an entry that a SetAlarmState call for the same alarm and state made, whatever data it carries', () => {
		// The call was made at 10:09:59.7, CloudTrail keeps the second; CloudWatch wrote the entry at 10:10:00.312.
		const history = [entry('2026-11-22T10:10:00.312Z'), entry('2026-11-22T10:31:00.000Z', 'OK')];
		expect(evaluatedFlags(markSetByHand(history, [call('2026-11-22T10:09:59Z')]))).toEqual([false, true]);
	});

	it('allows for a slow request and the clocks of two services, not for a call long before', () => {
		const history = [entry('2026-11-22T10:10:00.000Z')];
		expect(evaluatedFlags(markSetByHand(history, [call('2026-11-22T10:09:50Z')]))).toEqual([false]);
		expect(evaluatedFlags(markSetByHand(history, [call('2026-11-22T10:09:49Z')]))).toEqual([true]);
		expect(evaluatedFlags(markSetByHand(history, [call('2026-11-22T10:10:01Z')]))).toEqual([false]);
		expect(evaluatedFlags(markSetByHand(history, [call('2026-11-22T10:10:02Z')]))).toEqual([true]);
	});

	it('leaves entries alone that a call for another alarm or another state cannot have made', () => {
		const history = [entry('2026-11-22T10:10:00.000Z')];
		const calls = [call('2026-11-22T10:10:00Z', 'OK'), call('2026-11-22T10:10:00Z', 'ALARM', 'lab3-api-error-rate')];
		expect(markSetByHand(history, calls)).toEqual(history);
	});

	it('keeps entries without evaluation data as they are', () => {
		const history = [{ ...entry('2026-11-22T10:10:00.000Z'), evaluated: false }];
		expect(markSetByHand(history, [call('2026-11-22T10:10:00Z')])).toEqual(history);
	});
});
