import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Dashboard } from '../../../../graders/collectors/cloudwatch/dashboards.ts';
import { type MetricAlarm, recordMetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { app } from '../../../graders/labs/lab3/support/lab3-account.ts';
import { editRead, gradeCheck, loadFixture } from '../../../graders/labs/lab3/support/snapshot-edit.ts';

/**
 * Proves the reference solution against the grader: what CloudFormation would create from
 * monitoring.yaml, with the fixture account's names filled in, must pass the dashboard and alarm checks.
 */
// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is free-form data
type Cfn = any;
const template: Cfn = parse(
	readFileSync(new URL('../../../../labs/lab3/solution/monitoring.yaml', import.meta.url), 'utf8'),
);
const resources = template.Resources;

/** What Fn::ImportValue of the app stack's exports resolves to in the fixture account. */
const exports: Record<string, string> = {
	ApiId: app.apiId,
	OrdersFunctionName: app.orders,
	InventoryFunctionName: app.inventory,
	TableName: app.table,
};
function resolveImport(value: Cfn): string {
	const name: string = value['Fn::ImportValue']['Fn::Sub'];
	const key = name.replace(/^\$\{AppStackName\}-/, '');
	const resolved = exports[key];
	if (!resolved) throw new Error(`unknown export ${name}`);
	return resolved;
}

function dashboardBody(): unknown {
	const [text, variables] = resources.GoldenSignalsDashboard.Properties.DashboardBody['Fn::Sub'] as [
		string,
		Record<string, unknown>,
	];
	const values: Record<string, string> = {
		'AWS::Region': 'eu-west-1',
		'LatencyAlarm.Arn': 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:latency',
		'ErrorRateAlarm.Arn': 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:errors',
		...Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, resolveImport(value)])),
	};
	const substituted = text.replace(/\$\{([\w:.]+)\}/g, (_match, name: string) => {
		const value = values[name];
		if (value === undefined) throw new Error(`unresolved \${${name}}`);
		return value;
	});
	return JSON.parse(substituted);
}

/** CloudFormation's dimensions as DescribeAlarms returns them, with the imports resolved. */
const resolvedDimensions = (dimensions: Cfn[] | undefined) =>
	dimensions?.map((dimension) => ({ Name: dimension.Name, Value: resolveImport(dimension.Value) }));

/** The alarm as cloudwatch.metric-alarms would record it once deployed (the property names are the API's). */
function recordedAlarm(logicalId: string): MetricAlarm {
	const properties = resources[logicalId].Properties;
	const topic = 'arn:aws:sns:eu-west-1:123456789012:sre-lab3-monitoring-AlertTopic-X';
	const queries: Cfn[] = properties.Metrics ?? [];
	return recordMetricAlarm({
		...properties,
		AlarmName: logicalId,
		AlarmArn: `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${logicalId}`,
		Dimensions: resolvedDimensions(properties.Dimensions),
		Metrics: queries.map((query) =>
			query.MetricStat
				? {
						...query,
						MetricStat: {
							...query.MetricStat,
							Metric: {
								...query.MetricStat.Metric,
								Dimensions: resolvedDimensions(query.MetricStat.Metric.Dimensions),
							},
						},
					}
				: query,
		),
		Threshold: 0,
		ActionsEnabled: true,
		AlarmActions: properties.AlarmActions.map(() => topic),
		OKActions: properties.OKActions.map(() => topic),
		StateValue: 'OK',
	});
}

describe('the Lab 3 reference solution (monitoring.yaml)', () => {
	it('builds a dashboard that passes the golden-signals check', () => {
		const snapshot = editRead<PerResource<Dashboard>>(loadFixture('passing'), 'cloudwatch.dashboards', () => ({
			'sre-lab3-app-golden-signals': { ok: true, data: { body: dashboardBody() } },
		}));
		expect(gradeCheck(snapshot, 'golden-signals-dashboard')).toMatchObject({
			status: 'pass',
			evidence: ['sre-lab3-app-golden-signals'],
		});
	});

	it('creates alarms that pass the latency and error-rate checks, and nothing else does', () => {
		const snapshot = editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', () => [
			recordedAlarm('LatencyAlarm'),
			recordedAlarm('ErrorRateAlarm'),
		]);
		expect(gradeCheck(snapshot, 'latency-alarm-notifies')).toMatchObject({
			status: 'pass',
			evidence: expect.arrayContaining(['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:LatencyAlarm']),
		});
		expect(gradeCheck(snapshot, 'error-rate-alarm-notifies')).toMatchObject({
			status: 'pass',
			evidence: expect.arrayContaining(['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:ErrorRateAlarm']),
		});
	});

	it('notifies recovery as well as trouble, and subscribes an email address', () => {
		for (const id of ['LatencyAlarm', 'ErrorRateAlarm']) {
			expect(resources[id].Properties.AlarmActions).toEqual([{ Ref: 'AlertTopic' }]);
			expect(resources[id].Properties.OKActions).toEqual([{ Ref: 'AlertTopic' }]);
		}
		expect(resources.AlertSubscription.Properties.Protocol).toBe('email');
	});
});
