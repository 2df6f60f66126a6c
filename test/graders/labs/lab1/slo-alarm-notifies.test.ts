import type { MetricAlarm as SdkMetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import type { ServiceLevelObjective } from '../../../../graders/collectors/application-signals/service-level-objectives.ts';
import {
	type CompositeAlarm,
	recordCompositeAlarm,
} from '../../../../graders/collectors/cloudwatch/composite-alarms.ts';
import { type MetricAlarm, recordMetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import type { MetricFilterTests } from '../../../../graders/collectors/logs/metric-filter-tests.ts';
import type { Parameter } from '../../../../graders/collectors/ssm/sre-lab-parameters.ts';
import type { PerResource, Snapshot } from '../../../../graders/engine/types.ts';
import { sloArn } from '../../support/lab1-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'slo-alarm-notifies';
const topic = 'arn:aws:sns:eu-west-1:123456789012:sre-lab1-alerts';
const alarmArn = (name: string) => `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${name}`;

/** A MetricAlarms[] item as DescribeAlarms returns it, recorded the way the collector does. */
const metricAlarm = (name: string, fields: Partial<SdkMetricAlarm>): MetricAlarm =>
	recordMetricAlarm({
		AlarmName: name,
		AlarmArn: alarmArn(name),
		ActionsEnabled: true,
		AlarmActions: [topic],
		OKActions: [],
		InsufficientDataActions: [],
		StateValue: 'OK',
		EvaluationPeriods: 1,
		DatapointsToAlarm: 1,
		TreatMissingData: 'notBreaching',
		ComparisonOperator: 'GreaterThanThreshold',
		...fields,
	});

const filterMetric = (id: string, metricName: string, period: number) => ({
	Id: id,
	MetricStat: { Metric: { Namespace: 'SRE/Lab1', MetricName: metricName }, Period: period, Stat: 'Sum' },
	ReturnData: false,
});

/** An error-ratio alarm (metric math errors / requests) over `period` seconds. */
const ratioAlarm = (
	name: string,
	threshold: number,
	period: number,
	fields: Partial<SdkMetricAlarm> = {},
	expression = 'errors / requests',
) =>
	metricAlarm(name, {
		Threshold: threshold,
		Metrics: [
			filterMetric('errors', 'Http5xx', period),
			filterMetric('requests', 'HttpRequests', period),
			{ Id: 'ratio', Expression: expression, Label: 'Error ratio', ReturnData: true },
		],
		...fields,
	});

/** A plain alarm on the 5xx count, as many learners build it first. */
const countAlarm = (operator: SdkMetricAlarm['ComparisonOperator'], threshold: number) =>
	metricAlarm('lab1-5xx-count', {
		Namespace: 'SRE/Lab1',
		MetricName: 'Http5xx',
		Statistic: 'Sum',
		Period: 300,
		ComparisonOperator: operator,
		Threshold: threshold,
	});

/** A CompositeAlarms[] item as DescribeAlarms returns it. */
const compositeAlarm = (name: string, rule: string, actions = [topic]): CompositeAlarm =>
	recordCompositeAlarm({
		AlarmName: name,
		AlarmArn: alarmArn(name),
		AlarmRule: rule,
		ActionsEnabled: true,
		AlarmActions: actions,
		OKActions: [],
		InsufficientDataActions: [],
		StateValue: 'OK',
	});

const withAlarms = (
	metric: MetricAlarm[],
	composites: CompositeAlarm[] = [],
	base: Snapshot = loadFixture('passing'),
) =>
	editRead<CompositeAlarm[]>(
		editRead<MetricAlarm[]>(base, 'cloudwatch.metric-alarms', () => metric),
		'cloudwatch.composite-alarms',
		() => composites,
	);

/** The workbook's fast-burn page for a 30-day 99.9 % SLO: 14.4× over 1 hour and over 5 minutes. */
const longWindow = ratioAlarm('lab1-burn-1h', 0.0144, 3600, { AlarmActions: [] });
const shortWindow = ratioAlarm('lab1-burn-5m', 0.0144, 300, { AlarmActions: [] });

describe(`${id}: metric alarms`, () => {
	it("passes the lab page's availability alarm and says what it would do", () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			`Alarm "lab1-availability-below-slo" pages when availability over 15 minutes falls below 99.5 % (an error ratio above 0.5 %): a burn rate of 5× the budget of your 99.9 % SLO over 30 days (0.174 % of the 30-day budget spent before it can fire), and notifies ${topic}.`,
		);
		expect(result.evidence).toContain(topic);
	});

	it('fails a count alarm that pages on a single 5xx, and says so', () => {
		const result = gradeCheck(withAlarms([countAlarm('GreaterThanThreshold', 0)]), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			'"lab1-5xx-count" pages after a single 5xx within 5 minutes, whatever the traffic',
		);
		expect(result.message).toContain('alarm on the error ratio errors / requests, or its burn rate');
	});

	it('fails any count alarm, however high its threshold', () => {
		const result = gradeCheck(withAlarms([countAlarm('GreaterThanThreshold', 10)]), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			'pages when more than 10 5xx responses arrive within 5 minutes, whatever the traffic',
		);
		expect(gradeCheck(withAlarms([countAlarm('GreaterThanOrEqualToThreshold', 0)]), id).message).toContain(
			'is in ALARM even when no request fails',
		);
	});

	it('fails an error ratio above zero: it pages on any error', () => {
		const result = gradeCheck(withAlarms([ratioAlarm('lab1-any-error', 0, 300)]), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('pages when the error ratio over 5 minutes exceeds 0 %, i.e. after a single 5xx');
		expect(result.message).toContain('it pages on any server error, which the error budget exists to absorb');
	});

	it('passes the fast-burn error ratio of module 4 (1.44 % over one hour) and rounding to 1.5 %', () => {
		const result = gradeCheck(withAlarms([ratioAlarm('web-slo-fast-burn', 0.0144, 3600)]), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(
			'pages when the error ratio over 1 hour exceeds 1.44 %: a burn rate of 14.4× the budget of your 99.9 % SLO over 30 days (2 % of the 30-day budget spent before it can fire)',
		);
		expect(gradeCheck(withAlarms([ratioAlarm('rounded', 1.5, 3600, {}, '100 * errors / requests')]), id).status).toBe(
			'pass',
		);
	});

	it('fails a fraction expression with a percent threshold: it never pages, or is always in ALARM, and says how to fix it', () => {
		// errors / requests lies between 0 and 1: a threshold of 1.44 is never exceeded.
		const never = gradeCheck(withAlarms([ratioAlarm('percent-on-fraction', 1.44, 3600)]), id);
		expect(never.status).toBe('fail');
		expect(never.message).toContain(
			'"percent-on-fraction" never pages: errors / requests is a fraction between 0 and 1, which never rises above 1.44',
		);
		expect(never.message).toContain(
			'write the threshold as a fraction (0.0144 for 1.44 %) or multiply the expression by 100',
		);
		// 1 - errors / requests is at most 1: below 99.5 at every data point.
		const always = gradeCheck(
			withAlarms([
				ratioAlarm(
					'availability-as-fraction',
					99.5,
					900,
					{ ComparisonOperator: 'LessThanThreshold' },
					'1 - errors / requests',
				),
			]),
			id,
		);
		expect(always.status).toBe('fail');
		expect(always.message).toContain(
			'"availability-as-fraction" is always in ALARM: 1 - errors / requests is a fraction between 0 and 1, which is always below 99.5',
		);
	});

	it("reads a threshold as percent when any of the alarm's expressions scales by 100", () => {
		for (const expression of ['errors / requests * 100.0', '(errors / requests) * 1e2']) {
			expect(gradeCheck(withAlarms([ratioAlarm('percent', 1.44, 3600, {}, expression)]), id).status).toBe('pass');
		}
		const scaledElsewhere = ratioAlarm('scaled-in-another-query', 1.44, 3600);
		scaledElsewhere.metrics.splice(2, 0, {
			id: 'pct',
			expression: 'errors * 100',
			returnData: false,
			period: null,
			metric: null,
		});
		scaledElsewhere.metrics[3] = {
			...(scaledElsewhere.metrics[3] as MetricAlarm['metrics'][number]),
			expression: 'pct / requests',
		};
		expect(gradeCheck(withAlarms([scaledElsewhere]), id).status).toBe('pass');
	});

	it('fails a ratio that lets the budget burn too fast, or for too long, before it fires', () => {
		const tooFast = gradeCheck(withAlarms([ratioAlarm('late', 0.05, 300)]), id);
		expect(tooFast.message).toContain('a burn rate of 50×');
		expect(tooFast.message).toContain('it waits for a burn rate of 50×, above 14.4×');
		const tooLong = gradeCheck(
			withAlarms([ratioAlarm('slow', 0.0144, 3600, { EvaluationPeriods: 24, DatapointsToAlarm: 24 })]),
			id,
		);
		expect(tooLong.message).toContain('spends 48 % of the 30-day budget before it can fire (at most 10 %)');
	});

	it('fails an availability threshold far below the objective, with the burn rate it means', () => {
		const snapshot = editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', (alarms) =>
			alarms.map((alarm) => ({ ...alarm, threshold: 90 })),
		);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('falls below 90 % (an error ratio above 10 %): a burn rate of 100×');
	});

	it('judges the threshold against the objective the learner recorded', () => {
		const relaxed = editRead<Parameter[]>(
			editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', (alarms) =>
				alarms.map((alarm) => ({ ...alarm, threshold: 90 })),
			),
			'ssm.sre-lab-parameters',
			(parameters) =>
				parameters.map((parameter) => ({
					...parameter,
					value: JSON.stringify({ sli: 'good requests', objective: 99, windowDays: 30, errorBudgetMinutes: 432 }),
				})),
		);
		const result = gradeCheck(relaxed, id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('a burn rate of 10× the budget of your 99 % SLO over 30 days');
	});

	it("uses the lab's 99.9 % over 30 days when no SLO is recorded, and says so", () => {
		const snapshot = editRead<Parameter[]>(loadFixture('passing'), 'ssm.sre-lab-parameters', () => []);
		expect(gradeCheck(snapshot, id).message).toContain(
			"the budget of the lab's 99.9 % SLO over 30 days (/sre-lab/lab1/slo is not recorded yet)",
		);
	});

	it('accepts an expression that computes the burn rate itself', () => {
		const burn = ratioAlarm('burn', 14.4, 3600, {}, '(errors / requests) / 0.001');
		const result = gradeCheck(withAlarms([burn]), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('pages when the burn rate over 1 hour exceeds 14.4× the budget');
	});

	it('fails when the alarm has no SNS action, and when its actions are disabled', () => {
		const noTopic = gradeCheck(withAlarms([ratioAlarm('quiet', 0.0144, 3600, { AlarmActions: [] })]), id);
		expect(noTopic.message).toContain('it has no SNS topic among its alarm actions');
		const disabled = gradeCheck(withAlarms([ratioAlarm('off', 0.0144, 3600, { ActionsEnabled: false })]), id);
		expect(disabled.message).toContain('its actions are disabled');
	});

	it('fails when no alarm watches the 5xx metric', () => {
		expect(gradeCheck(withAlarms([]), id).message).toBe(
			'No alarm watches SRE/Lab1/Http5xx (alone or in a metric-math expression), no composite alarm is built on one, and no alarm watches an Application Signals SLO burn rate.',
		);
	});

	it('is skipped when the 5xx filter is not right yet', () => {
		expect(gradeCheck(loadFixture('failing'), id)).toMatchObject({
			status: 'skipped',
			message:
				'Complete step 3 first ("A metric filter on the access log counts server errors (5xx) only" has not passed).',
		});
	});

	it('is an error when DescribeAlarms is denied', () => {
		const denied = gradeCheck(
			failRead(loadFixture('passing'), 'cloudwatch.metric-alarms', accessDenied('cloudwatch:DescribeAlarms')),
			id,
		);
		expect(denied).toMatchObject({ status: 'error', message: expect.stringContaining('cloudwatch:DescribeAlarms') });
	});

	it('is an error, not a pass against a made-up 99.9 %, when the SLO parameter cannot be read', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'ssm.sre-lab-parameters', accessDenied('ssm:GetParametersByPath')),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('ssm:GetParametersByPath');
		expect(result.message).toContain(
			'Alarms are judged against the objective in /sre-lab/lab1/slo, so this one cannot be judged until that parameter can be read.',
		);
	});
});

describe(`${id}: filters the grader could not test`, () => {
	const requestPattern = '[ip, identity, user, timestamp, request, status_code, size, referrer, agent]';
	const requestFilterUntested = (snapshot: Snapshot) =>
		editRead<MetricFilterTests>(snapshot, 'logs.metric-filter-tests', (tests) => ({
			...tests,
			byPattern: { ...tests.byPattern, [requestPattern]: { ok: false, error: accessDenied('logs:TestMetricFilter') } },
		}));

	it('is an error, not a count alarm, when the request filter of a ratio alarm could not be tested', () => {
		const result = gradeCheck(requestFilterUntested(loadFixture('passing')), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('logs:TestMetricFilter');
	});

	it('still fails a count alarm on the tested 5xx metric', () => {
		const result = gradeCheck(requestFilterUntested(withAlarms([countAlarm('GreaterThanThreshold', 0)])), id);
		expect(result.status).toBe('fail');
	});
});

describe(`${id}: composite alarms`, () => {
	const page = compositeAlarm('lab1-fast-burn-page', 'ALARM("lab1-burn-1h") AND ALARM("lab1-burn-5m")');

	it('passes a multi-window composite whose members have no actions of their own', () => {
		const result = gradeCheck(withAlarms([longWindow, shortWindow], [page]), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(
			'Alarm "lab1-fast-burn-page" is a composite alarm that fires when "lab1-burn-1h" and "lab1-burn-5m" are all in ALARM, i.e. at a burn rate of 14.4× sustained for 1 hour (2 % of the 30-day budget spent before it can fire)',
		);
		expect(result.evidence).toEqual([page.alarmArn, topic]);
	});

	it('finds members named by ARN and through a nested composite', () => {
		const inner = compositeAlarm(
			'both-windows',
			`ALARM(${longWindow.alarmArn}) AND ALARM(${shortWindow.alarmArn})`,
			[],
		);
		const outer = compositeAlarm('page', 'ALARM("both-windows") AND NOT ALARM("deploying")');
		expect(gradeCheck(withAlarms([longWindow, shortWindow], [inner, outer]), id)).toMatchObject({
			status: 'pass',
			evidence: [outer.alarmArn, topic],
		});
	});

	it('fails a composite that also pages on a single 5xx', () => {
		const noisy = compositeAlarm('noisy', 'ALARM("lab1-burn-1h") OR ALARM("lab1-5xx-count")');
		const result = gradeCheck(
			withAlarms([longWindow, { ...countAlarm('GreaterThanThreshold', 0), alarmActions: [] }], [noisy]),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('"lab1-5xx-count" pages after a single 5xx within 5 minutes');
	});

	it('fails a composite that needs an unrelated alarm too, one without SNS, and one always in ALARM', () => {
		const cpu = metricAlarm('cpu-high', { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Threshold: 80 });
		const gated = compositeAlarm('gated', 'ALARM("lab1-burn-1h") AND ALARM("cpu-high")');
		expect(gradeCheck(withAlarms([longWindow, cpu], [gated]), id).message).toContain(
			'its rule never fires on the SLO alarms alone',
		);
		const silent = compositeAlarm('silent', page.alarmRule, []);
		expect(gradeCheck(withAlarms([longWindow, shortWindow], [silent]), id).message).toContain(
			'it has no SNS topic among its alarm actions',
		);
		const always = compositeAlarm('always', 'NOT ALARM("lab1-burn-1h")');
		expect(gradeCheck(withAlarms([longWindow], [always]), id).message).toContain('it is always in ALARM');
	});

	it('is an error when composites cannot be read and no metric alarm counts, and passes on a metric alarm regardless', () => {
		const deniedComposites = (snapshot: Snapshot) =>
			failRead(snapshot, 'cloudwatch.composite-alarms', accessDenied('cloudwatch:DescribeAlarms'));
		expect(gradeCheck(deniedComposites(withAlarms([longWindow, shortWindow])), id).status).toBe('error');
		expect(gradeCheck(deniedComposites(loadFixture('passing')), id).status).toBe('pass');
	});

	it('passes a snapshot saved before composites were read when a metric alarm counts', () => {
		const { 'cloudwatch.composite-alarms': _, ...reads } = loadFixture('passing').reads;
		expect(gradeCheck({ ...loadFixture('passing'), reads }, id).status).toBe('pass');
	});
});

describe(`${id}: Application Signals burn-rate alarms`, () => {
	const slo: ServiceLevelObjective = {
		arn: sloArn('lab1-availability'),
		name: 'lab1-availability',
		evaluationType: 'RequestBased',
		attainmentGoal: 99.9,
		interval: { kind: 'rolling', duration: 30, unit: 'DAY' },
	};
	const burnAlarm = metricAlarm('lab1-slo-burn', {
		Namespace: 'AWS/ApplicationSignals',
		MetricName: 'BurnRate',
		Dimensions: [
			{ Name: 'SloName', Value: 'lab1-availability' },
			{ Name: 'BurnRateWindowMinutes', Value: '60' },
		],
		Statistic: 'Maximum',
		Period: 60,
		Threshold: 14.4,
	});
	const withSlos = (snapshot: Snapshot, slos: PerResource<ServiceLevelObjective>) =>
		editRead<PerResource<ServiceLevelObjective>>(snapshot, 'application-signals.service-level-objectives', () => slos);

	it('passes a burn-rate alarm on an SLO that exists', () => {
		const result = gradeCheck(withSlos(withAlarms([burnAlarm]), { [slo.arn]: { ok: true, data: slo } }), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(
			'pages when the burn rate of the Application Signals SLO "lab1-availability" over 1 hour exceeds 14.4× (2 % of the 30-day budget spent before it can fire)',
		);
	});

	it('fails one on an SLO that does not exist, and is an error when the SLOs cannot be read', () => {
		expect(gradeCheck(withAlarms([burnAlarm]), id).message).toContain(
			'there is no Application Signals SLO named "lab1-availability"',
		);
		const denied = failRead(
			withAlarms([burnAlarm]),
			'application-signals.service-level-objectives',
			accessDenied('application-signals:ListServiceLevelObjectives'),
		);
		expect(gradeCheck(denied, id).status).toBe('error');
	});
});
