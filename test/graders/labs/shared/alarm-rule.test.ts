import { describe, expect, it } from 'vitest';
import {
	type AlarmStateName,
	evaluateAlarmRule,
	parseAlarmRule,
	ruleReferences,
} from '../../../../graders/labs/shared/alarm-rule.ts';

const parsed = (text: string) => {
	const result = parseAlarmRule(text);
	if (!result.ok) throw new Error(result.problem);
	return result.rule;
};
const inAlarm =
	(...names: string[]) =>
	(alarm: string): AlarmStateName =>
		names.includes(alarm) ? 'ALARM' : 'OK';

describe('parseAlarmRule', () => {
	// The examples of PutCompositeAlarm's AlarmRule in the CloudWatch API reference.
	it('reads the reference examples, with and without quotes', () => {
		const both = parsed('ALARM(CPUUtilizationTooHigh) AND ALARM(DiskReadOpsTooHigh)');
		expect(ruleReferences(both)).toEqual(['CPUUtilizationTooHigh', 'DiskReadOpsTooHigh']);
		expect(evaluateAlarmRule(both, inAlarm('CPUUtilizationTooHigh'))).toBe(false);
		expect(evaluateAlarmRule(both, inAlarm('CPUUtilizationTooHigh', 'DiskReadOpsTooHigh'))).toBe(true);

		const suppressed = parsed('ALARM(CPUUtilizationTooHigh) AND NOT ALARM(DeploymentInProgress)');
		expect(evaluateAlarmRule(suppressed, inAlarm('CPUUtilizationTooHigh'))).toBe(true);
		expect(evaluateAlarmRule(suppressed, inAlarm('CPUUtilizationTooHigh', 'DeploymentInProgress'))).toBe(false);

		const grouped = parsed(
			'(ALARM("CPUUtilizationTooHigh") OR ALARM("DiskReadOpsTooHigh")) AND OK("NetworkOutTooHigh")',
		);
		expect(evaluateAlarmRule(grouped, inAlarm('DiskReadOpsTooHigh'))).toBe(true);
		expect(evaluateAlarmRule(grouped, inAlarm('DiskReadOpsTooHigh', 'NetworkOutTooHigh'))).toBe(false);
	});

	it('takes ARNs, names with spaces in quotes, TRUE/FALSE and INSUFFICIENT_DATA', () => {
		const arn = 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:slo-burn-1h';
		const rule = parsed(`ALARM("${arn}") AND ALARM("slo burn 5m") OR FALSE`);
		expect(ruleReferences(rule)).toEqual([arn, 'slo burn 5m']);
		expect(evaluateAlarmRule(rule, inAlarm(arn, 'slo burn 5m'))).toBe(true);
		expect(evaluateAlarmRule(parsed('TRUE'), inAlarm())).toBe(true);
		expect(evaluateAlarmRule(parsed('INSUFFICIENT_DATA(x)'), () => 'INSUFFICIENT_DATA')).toBe(true);
	});

	it('binds NOT tighter than AND, and AND tighter than OR', () => {
		const rule = parsed('ALARM(a) OR ALARM(b) AND NOT ALARM(c)');
		expect(evaluateAlarmRule(rule, inAlarm('a', 'c'))).toBe(true);
		expect(evaluateAlarmRule(rule, inAlarm('b', 'c'))).toBe(false);
		expect(evaluateAlarmRule(rule, inAlarm('b'))).toBe(true);
	});

	it('reads AT_LEAST with a count or a percentage, as the AWS CDK renders it', () => {
		const two = parsed(
			'AT_LEAST(2, ALARM, (arn:aws:cloudwatch:eu-west-1:1:alarm:a, arn:aws:cloudwatch:eu-west-1:1:alarm:b, c))',
		);
		expect(ruleReferences(two)).toHaveLength(3);
		expect(evaluateAlarmRule(two, inAlarm('c'))).toBe(false);
		expect(evaluateAlarmRule(two, inAlarm('c', 'arn:aws:cloudwatch:eu-west-1:1:alarm:a'))).toBe(true);
		const notOk = parsed('AT_LEAST(50%, NOT OK, ("a", "b"))');
		expect(evaluateAlarmRule(notOk, inAlarm('b'))).toBe(true);
		expect(evaluateAlarmRule(notOk, inAlarm())).toBe(false);
	});

	it('says where a rule it cannot read goes wrong', () => {
		expect(parseAlarmRule('ALARM(a) AND')).toEqual({
			ok: false,
			problem: 'expected ALARM(…), OK(…), INSUFFICIENT_DATA(…), AT_LEAST(…), TRUE, FALSE, NOT or "(" at character 13',
		});
		expect(parseAlarmRule('ALARM("a) AND ALARM(b)')).toMatchObject({
			ok: false,
			problem: expect.stringContaining('unterminated'),
		});
		expect(parseAlarmRule('ALARM(a) ALARM(b)')).toMatchObject({
			ok: false,
			problem: expect.stringContaining('unexpected'),
		});
	});
});
