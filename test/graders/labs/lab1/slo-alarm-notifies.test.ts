import { describe, expect, it } from 'vitest';
import type { MetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import type { Parameter } from '../../../../graders/collectors/ssm/sre-lab-parameters.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'slo-alarm-notifies';
const topic = 'arn:aws:sns:eu-west-1:123456789012:sre-lab1-alerts';

const withAlarm = (change: (alarm: MetricAlarm) => Partial<MetricAlarm>) =>
	editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', (alarms) =>
		alarms.map((alarm) => ({ ...alarm, ...change(alarm) })),
	);

/** A plain alarm on the 5xx count, as many learners build it first. */
const countAlarm = (comparisonOperator: string, threshold: number): Partial<MetricAlarm> => ({
	namespace: 'SRE/Lab1',
	metricName: 'Http5xx',
	statistic: 'Sum',
	metrics: [],
	comparisonOperator,
	threshold,
});

describe(id, () => {
	it('passes for an availability metric-math alarm with an SNS action', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			`Alarm "lab1-availability-below-slo" fires on availability LessThanThreshold 99.5 and notifies ${topic}.`,
		);
		expect(result.evidence).toContain(topic);
	});

	it('passes for an alarm on the 5xx count above zero', () => {
		expect(
			gradeCheck(
				withAlarm(() => countAlarm('GreaterThanThreshold', 0)),
				id,
			).status,
		).toBe('pass');
	});

	it('fails a count alarm that would fire on a quiet minute (>= 0)', () => {
		const result = gradeCheck(
			withAlarm(() => countAlarm('GreaterThanOrEqualToThreshold', 0)),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('GreaterThanOrEqualToThreshold 0 does not fire on a rising error count');
	});

	it('fails an availability threshold far below the objective', () => {
		const result = gradeCheck(
			withAlarm(() => ({ threshold: 90 })),
			id,
		);
		expect(result.message).toContain('availability threshold 90 is far from the 99.9 % objective');
	});

	it('judges the threshold against the objective the learner recorded', () => {
		const relaxedSlo = editRead<Parameter[]>(
			withAlarm(() => ({ threshold: 90 })),
			'ssm.sre-lab-parameters',
			(parameters) =>
				parameters.map((parameter) => ({
					...parameter,
					value: JSON.stringify({ sli: 'good requests', objective: 99, windowDays: 30, errorBudgetMinutes: 432 }),
				})),
		);
		expect(gradeCheck(relaxedSlo, id).status).toBe('pass');
	});

	it('accepts an error-rate ratio within the fast-burn limit and refuses one beyond it', () => {
		expect(
			gradeCheck(
				withAlarm(() => ({ comparisonOperator: 'GreaterThanThreshold', threshold: 1 })),
				id,
			).status,
		).toBe('pass');
		const tooLate = gradeCheck(
			withAlarm(() => ({ comparisonOperator: 'GreaterThanThreshold', threshold: 5 })),
			id,
		);
		expect(tooLate.message).toContain('error-rate threshold 5 lets more than 14.4× the budget burn');
	});

	it('fails when the alarm has no SNS action, and when its actions are disabled', () => {
		expect(
			gradeCheck(
				withAlarm(() => ({ alarmActions: [] })),
				id,
			).message,
		).toContain('it has no SNS topic among its alarm actions');
		expect(
			gradeCheck(
				withAlarm(() => ({ actionsEnabled: false })),
				id,
			).message,
		).toContain('its actions are disabled');
	});

	it('fails when no alarm watches the 5xx metric', () => {
		const snapshot = editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', () => []);
		expect(gradeCheck(snapshot, id).message).toBe(
			'No alarm watches SRE/Lab1/Http5xx, alone or in a metric-math expression.',
		);
	});

	it('is skipped when the 5xx filter is not right yet', () => {
		expect(gradeCheck(loadFixture('failing'), id)).toMatchObject({
			status: 'skipped',
			message:
				'Complete step 3 first ("A metric filter on the access log counts server errors (5xx) only" has not passed).',
		});
	});

	it('is an error when DescribeAlarms is denied, and still works when only the SLO parameter is unreadable', () => {
		const denied = gradeCheck(
			failRead(loadFixture('passing'), 'cloudwatch.metric-alarms', accessDenied('cloudwatch:DescribeAlarms')),
			id,
		);
		expect(denied).toMatchObject({ status: 'error', message: expect.stringContaining('cloudwatch:DescribeAlarms') });
		const noSlo = gradeCheck(
			failRead(loadFixture('passing'), 'ssm.sre-lab-parameters', accessDenied('ssm:GetParametersByPath')),
			id,
		);
		expect(noSlo.status).toBe('pass');
	});
});
