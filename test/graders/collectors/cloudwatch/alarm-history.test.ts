import { describe, expect, it } from 'vitest';
import { cameFromEvaluation, parseStateChange } from '../../../../graders/collectors/cloudwatch/alarm-history.ts';

describe('parseStateChange', () => {
	it('reads old and new state from HistoryData', () => {
		const data = JSON.stringify({ oldState: { stateValue: 'OK' }, newState: { stateValue: 'ALARM' } });
		expect(parseStateChange(data, 'ignored')).toEqual({ from: 'OK', to: 'ALARM', evaluated: false });
	});

	it('falls back to the summary text when HistoryData is missing or not JSON', () => {
		expect(parseStateChange(undefined, 'Alarm updated from ALARM to OK')).toEqual({
			from: 'ALARM',
			to: 'OK',
			evaluated: false,
		});
		expect(parseStateChange('{broken', 'Alarm updated from OK to INSUFFICIENT_DATA')).toEqual({
			from: 'OK',
			to: 'INSUFFICIENT_DATA',
			evaluated: false,
		});
		expect(parseStateChange(undefined, 'Alarm "x" created')).toEqual({ from: null, to: null, evaluated: false });
	});
});

/**
 * HistoryData of the two items in the AWS CLI reference example for describe-alarm-history
 * (awscli/examples/cloudwatch/describe-alarm-history.rst): the ALARM was set with set-alarm-state
 * ("testing purposes", no stateReasonData); the OK came from an evaluation.
 */
const setByHandToAlarm =
	'{"version":"1.0","oldState":{"stateValue":"OK","stateReason":"Threshold Crossed: 2 datapoints were not greater than the threshold (70.0). The most recent datapoints: [38.839999999999996, 39.714].","stateReasonData":{"version":"1.0","queryDate":"2014-03-11T22:45:41.569+0000","startDate":"2014-03-11T22:30:00.000+0000","statistic":"Average","period":300,"recentDatapoints":[38.839999999999996,39.714],"threshold":70.0}},"newState":{"stateValue":"ALARM","stateReason":"testing purposes"}}';
const evaluatedToOk =
	'{"version":"1.0","oldState":{"stateValue":"ALARM","stateReason":"testing purposes"},"newState":{"stateValue":"OK","stateReason":"Threshold Crossed: 2 datapoints were not greater than the threshold (70.0). The most recent datapoints: [38.958, 40.292].","stateReasonData":{"version":"1.0","queryDate":"2014-04-09T18:59:06.419+0000","startDate":"2014-04-09T18:44:00.000+0000","statistic":"Average","period":300,"recentDatapoints":[38.958,40.292],"threshold":70.0}}}';

describe('which state changes an alarm evaluation made', () => {
	it('tells set-alarm-state from an evaluation in the reference example', () => {
		expect(parseStateChange(setByHandToAlarm, 'Alarm updated from OK to ALARM')).toEqual({
			from: 'OK',
			to: 'ALARM',
			evaluated: false,
		});
		expect(parseStateChange(evaluatedToOk, 'Alarm updated from ALARM to OK')).toEqual({
			from: 'ALARM',
			to: 'OK',
			evaluated: true,
		});
	});

	it('accepts a composite alarm evaluation (triggeringAlarms) and rejects reason data without evaluation fields', () => {
		expect(
			cameFromEvaluation({
				stateValue: 'ALARM',
				stateReasonData: {
					triggeringAlarms: [
						{
							arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh',
							state: { value: 'ALARM', timestamp: '2022-07-22T15:57:45.394+0000' },
						},
					],
				},
			}),
		).toBe(true);
		expect(cameFromEvaluation({ stateValue: 'ALARM', stateReasonData: { note: 'drill' } })).toBe(false);
		expect(cameFromEvaluation({ stateValue: 'ALARM' })).toBe(false);
	});
});
