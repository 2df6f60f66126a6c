import { describe, expect, it } from 'vitest';
import type { MetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import { app } from './support/lab3-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'error-rate-alarm-notifies';
const editErrorAlarm = (edit: (alarm: MetricAlarm) => void) =>
	editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', (alarms) => {
		edit(alarms.find((alarm) => alarm.alarmName === app.errorAlarm) as MetricAlarm);
	});

/** Turns the metric-math alarm into a plain alarm on the Sum of one metric. */
function watchOneMetric(alarm: MetricAlarm, namespace: string, metricName: string, dimensions: Record<string, string>) {
	Object.assign(alarm, { namespace, metricName, dimensions, statistic: 'Sum', metrics: [] });
}

describe(id, () => {
	it('passes for a metric-math error rate built on the API 5xx that notifies SNS', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('in the expression 100 * errors / requests');
	});

	it("passes for a plain alarm on a function's Errors", () => {
		const snapshot = editErrorAlarm((alarm) => {
			watchOneMetric(alarm, 'AWS/Lambda', 'Errors', { FunctionName: app.inventory });
		});
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('fails an error alarm without an SNS action (failing fixture)', () => {
		expect(gradeCheck(loadFixture('failing'), id).message).toBe(
			`Error alarms were found but none counts yet: "${app.errorAlarm}": it has no SNS topic among its alarm actions.`,
		);
	});

	it('does not take an action that is not an SNS topic (an Auto Scaling policy, say) for a notification', () => {
		const snapshot = editErrorAlarm((alarm) => {
			alarm.alarmActions = [
				'arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:abc:autoScalingGroupName/web:policyName/up',
			];
		});
		expect(gradeCheck(snapshot, id).message).toContain('it has no SNS topic among its alarm actions');
	});

	it('fails when no alarm watches the errors of this application (4xx do not count)', () => {
		const snapshot = editErrorAlarm((alarm) => {
			watchOneMetric(alarm, 'AWS/ApiGateway', '4xx', { ApiId: app.apiId });
		});
		expect(gradeCheck(snapshot, id).message).toBe(
			"No alarm watches the application's errors (the API's 5xx or a function's Errors).",
		);
	});

	it('is an error when alarms could not be read', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'cloudwatch.metric-alarms', accessDenied('cloudwatch:DescribeAlarms')),
			id,
		);
		expect(result.status).toBe('error');
	});
});
