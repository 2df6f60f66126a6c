import { describe, expect, it } from 'vitest';
import {
	type CompositeAlarm,
	recordCompositeAlarm,
} from '../../../../graders/collectors/cloudwatch/composite-alarms.ts';
import { type MetricAlarm, recordMetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import { createSnapshotView } from '../../../../graders/engine/snapshot-view.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { goodAppAlarms } from '../../../../graders/labs/lab3/facts/app-alarms.ts';
import { app, errorRateAlarm, latencyAlarm } from './support/lab3-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const compositeArn = (name: string) => `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${name}`;

/** A CompositeAlarms[] item as DescribeAlarms returns it, recorded by the collector. */
const composite = (name: string, rule: string, actions = [app.topicArn]): CompositeAlarm =>
	recordCompositeAlarm({
		AlarmName: name,
		AlarmArn: compositeArn(name),
		AlarmRule: rule,
		ActionsEnabled: true,
		AlarmActions: actions,
		OKActions: [],
		InsufficientDataActions: [],
		StateValue: 'OK',
	});

/** The fixture with its app alarms notifying nobody themselves, and the given composite alarms. */
function withComposites(composites: CompositeAlarm[], change: Partial<ReturnType<typeof latencyAlarm>> = {}): Snapshot {
	const silenced = editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', () => [
		recordMetricAlarm({ ...latencyAlarm(), AlarmActions: [], ...change }),
		recordMetricAlarm({ ...errorRateAlarm(), AlarmActions: [] }),
	]);
	return { ...silenced, reads: { ...silenced.reads, 'cloudwatch.composite-alarms': { ok: true, data: composites } } };
}

describe('Lab 3 alarm checks count composite alarms', () => {
	const page = composite('lab3-page', `ALARM("${app.latencyAlarm}") OR ALARM("${app.errorAlarm}")`);

	it('pass both alarm checks when a composite built on the app alarms notifies SNS', () => {
		const snapshot = withComposites([page]);
		expect(gradeCheck(snapshot, 'latency-alarm-notifies')).toMatchObject({
			status: 'pass',
			message: `Composite alarm "lab3-page" fires on "${app.latencyAlarm}", which watches AWS/ApiGateway Latency (ApiId=${app.apiId}) p90, and notifies ${app.topicArn}.`,
		});
		expect(gradeCheck(snapshot, 'error-rate-alarm-notifies').status).toBe('pass');
	});

	it('give the composite topic to the members, for the subscription and degradation checks', () => {
		const good = goodAppAlarms(createSnapshotView(withComposites([page])));
		expect(good.map((judgement) => [judgement.alarm.alarmName, judgement.topics])).toEqual([
			[app.latencyAlarm, [app.topicArn]],
			[app.errorAlarm, [app.topicArn]],
		]);
	});

	it('fail a composite on a median-latency alarm, and one without an SNS action', () => {
		const median = gradeCheck(withComposites([page], { ExtendedStatistic: 'p50' }), 'latency-alarm-notifies');
		expect(median.status).toBe('fail');
		expect(median.message).toContain('composite "lab3-page": it fires only on alarms that do not count');
		const silent = gradeCheck(withComposites([composite('lab3-page', page.alarmRule, [])]), 'latency-alarm-notifies');
		expect(silent.message).toContain('composite "lab3-page": it has no SNS topic among its alarm actions');
	});

	it('are an error when composites cannot be read and no metric alarm counts', () => {
		const denied = failRead(
			withComposites([]),
			'cloudwatch.composite-alarms',
			accessDenied('cloudwatch:DescribeAlarms'),
		);
		expect(gradeCheck(denied, 'latency-alarm-notifies').status).toBe('error');
		const metricAlarmCounts = failRead(
			loadFixture('passing'),
			'cloudwatch.composite-alarms',
			accessDenied('cloudwatch:DescribeAlarms'),
		);
		expect(gradeCheck(metricAlarmCounts, 'latency-alarm-notifies').status).toBe('pass');
	});
});
