import { describe, expect, it } from 'vitest';
import { canMatchAlarmStateChange } from '../../../../graders/collectors/events/alarm-state-pattern.ts';

const can = (pattern: object) => canMatchAlarmStateChange(JSON.stringify(pattern));
const alarmArn = 'arn:aws:cloudwatch:eu-west-1:111122223333:alarm:sre-lab3-latency';

// Patterns as the EventBridge user guide writes them ("Content filtering in Amazon EventBridge event
// patterns", "Comparison operators for use in event patterns") applied to the alarm state change event.
describe('canMatchAlarmStateChange', () => {
	it('accepts the patterns the console and the user guide build for alarm state changes', () => {
		expect(
			can({
				source: ['aws.cloudwatch'],
				'detail-type': ['CloudWatch Alarm State Change'],
				resources: [alarmArn],
				detail: { state: { value: ['ALARM'] } },
			}),
		).toBe(true);
		expect(can({ source: ['aws.cloudwatch'] })).toBe(true);
		expect(can({ 'detail-type': ['CloudWatch Alarm State Change'] })).toBe(true);
		expect(can({ resources: [alarmArn] })).toBe(true);
		expect(can({ source: ['aws.cloudwatch'], detail: { alarmName: ['sre-lab3-latency'] } })).toBe(true);
	});

	it('accepts prefix, suffix, wildcard, equals-ignore-case, anything-but and exists matchers', () => {
		expect(can({ source: [{ prefix: 'aws.' }], 'detail-type': [{ prefix: 'CloudWatch Alarm' }] })).toBe(true);
		expect(can({ 'detail-type': [{ prefix: { 'equals-ignore-case': 'cloudwatch alarm state' } }] })).toBe(true);
		expect(can({ 'detail-type': [{ suffix: 'State Change' }] })).toBe(true);
		expect(can({ 'detail-type': [{ wildcard: 'CloudWatch Alarm*' }] })).toBe(true);
		expect(can({ 'detail-type': [{ 'equals-ignore-case': 'cloudwatch alarm state change' }] })).toBe(true);
		expect(can({ source: ['aws.cloudwatch'], detail: { state: { value: [{ 'anything-but': 'OK' }] } } })).toBe(true);
		expect(can({ source: ['aws.cloudwatch'], detail: { state: { value: [{ exists: true }] } } })).toBe(true);
		expect(
			can({ 'detail-type': [{ 'anything-but': { prefix: 'CloudWatch Alarm Config' } }], source: ['aws.cloudwatch'] }),
		).toBe(true);
		expect(can({ $or: [{ source: ['aws.ec2'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] })).toBe(true);
		expect(
			can({ source: ['aws.cloudwatch'], detail: { $or: [{ state: { value: ['ALARM'] } }, { alarmName: ['x'] }] } }),
		).toBe(true);
	});

	it('refuses patterns that can never match an alarm state change', () => {
		expect(can({ source: ['aws.ec2'] })).toBe(false);
		expect(can({ source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm Configuration Change'] })).toBe(false);
		expect(
			can({ source: ['aws.cloudwatch'], 'detail-type': [{ 'anything-but': 'CloudWatch Alarm State Change' }] }),
		).toBe(false);
		expect(can({ source: ['aws.cloudwatch'], detail: { state: { value: ['ALARMS'] } } })).toBe(false);
		expect(can({ source: ['aws.cloudwatch'], detail: { state: { value: [{ exists: false }] } } })).toBe(false);
		expect(can({ source: [{ prefix: 'aws.cloudwatchlogs' }] })).toBe(false);
		expect(can({ $or: [{ source: ['aws.ec2'] }, { source: ['aws.s3'] }] })).toBe(false);
		expect(canMatchAlarmStateChange('not json')).toBe(false);
	});

	it('reads a bare value as a one-value array', () => {
		expect(canMatchAlarmStateChange('{"source":"aws.cloudwatch"}')).toBe(true);
	});
});
