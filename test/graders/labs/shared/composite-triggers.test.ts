import { describe, expect, it } from 'vitest';
import { recordCompositeAlarm } from '../../../../graders/collectors/cloudwatch/composite-alarms.ts';
import { recordMetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import { compositeMembers, compositeTriggers } from '../../../../graders/labs/shared/composite-triggers.ts';

const arn = (name: string) => `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${name}`;
const metric = (name: string) =>
	recordMetricAlarm({ AlarmName: name, AlarmArn: arn(name), Namespace: 'SRE/Lab1', MetricName: 'Http5xx' });
const composite = (name: string, rule: string) =>
	recordCompositeAlarm({ AlarmName: name, AlarmArn: arn(name), AlarmRule: rule, ActionsEnabled: true });

const long = metric('burn-1h');
const short = metric('burn-5m');
const cpu = metric('cpu-high');
const deploying = metric('deploying');
const alarms = [long, short, cpu, deploying];
const slo = new Set([long, short]);
const names = (sets: { alarmName: string }[][]) => sets.map((set) => set.map((alarm) => alarm.alarmName));
const triggersOf = (rule: string, composites = [] as ReturnType<typeof composite>[]) => {
	const subject = composite('page', rule);
	const result = compositeTriggers(subject, alarms, [subject, ...composites], (alarm) => slo.has(alarm));
	return result.kind === 'triggers' ? names(result.sets) : result;
};

describe('compositeTriggers', () => {
	it('needs both windows of a multi-window alarm', () => {
		expect(triggersOf('ALARM("burn-1h") AND ALARM("burn-5m")')).toEqual([['burn-1h', 'burn-5m']]);
	});

	it('lists each alternative of an OR, and finds members by ARN', () => {
		expect(triggersOf(`ALARM("${arn('burn-1h')}") OR ALARM(burn-5m)`)).toEqual([['burn-1h'], ['burn-5m']]);
	});

	it('ignores a suppressor that is normally OK, and an OR with an unrelated alarm', () => {
		expect(triggersOf('ALARM(burn-1h) AND NOT ALARM(deploying)')).toEqual([['burn-1h']]);
		expect(triggersOf('ALARM(burn-1h) OR ALARM(cpu-high)')).toEqual([['burn-1h']]);
	});

	it('finds no trigger when an unrelated alarm must also fire', () => {
		expect(triggersOf('ALARM(burn-1h) AND ALARM(cpu-high)')).toEqual([]);
	});

	it('follows nested composites', () => {
		const inner = composite('both-windows', 'ALARM(burn-1h) AND ALARM(burn-5m)');
		expect(triggersOf('ALARM(both-windows) AND NOT ALARM(deploying)', [inner])).toEqual([['burn-1h', 'burn-5m']]);
		expect(
			compositeMembers(composite('outer', 'ALARM(both-windows)'), alarms, [inner]).map((a) => a.alarmName),
		).toEqual(['burn-1h', 'burn-5m']);
	});

	it('reports a rule that fires with everything OK, and one it cannot parse', () => {
		expect(triggersOf('NOT ALARM(burn-1h)')).toEqual({ kind: 'always-firing' });
		expect(triggersOf('OK(burn-1h) OR ALARM(burn-5m)')).toEqual({ kind: 'always-firing' });
		expect(triggersOf('ALARM(burn-1h) AND')).toMatchObject({ kind: 'unparsable' });
	});
});
