import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../../graders/collectors/cloudwatch/dashboards.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { app } from './support/lab3-account.ts';
import { accessDenied, editRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'golden-signals-dashboard';
const withDashboards = (dashboards: PerResource<Dashboard>) =>
	editRead<PerResource<Dashboard>>(loadFixture('passing'), 'cloudwatch.dashboards', () => dashboards);
const dashboard = (metrics: unknown[], stat?: string) => ({
	ok: true as const,
	data: { body: { widgets: [{ type: 'metric', properties: { metrics, ...(stat ? { stat } : {}) } }] } },
});

const latency = ['AWS/Lambda', 'Duration', 'FunctionName', app.orders, { stat: 'p99' }];
const traffic = ['AWS/Lambda', 'Invocations', 'FunctionName', app.orders];
const errors = ['AWS/Lambda', 'Errors', 'FunctionName', app.inventory];
const saturation = ['AWS/Lambda', 'Throttles', 'FunctionName', app.inventory];

describe(id, () => {
	it('passes for a dashboard with all four signals, shorthand rows included', () => {
		expect(gradeCheck(loadFixture('passing'), id)).toMatchObject({
			status: 'pass',
			message:
				'Dashboard "lab3-golden-signals" charts latency as a percentile, traffic, errors and saturation of the application.',
			evidence: ['lab3-golden-signals'],
		});
	});

	it("passes with the functions' metrics instead of the API's", () => {
		expect(gradeCheck(withDashboards({ ops: dashboard([latency, traffic, errors, saturation]) }), id).status).toBe(
			'pass',
		);
	});

	it('takes the percentile from the widget when the row has none', () => {
		const rows = [['AWS/ApiGateway', 'Latency', 'ApiId', app.apiId], traffic, errors, saturation];
		expect(gradeCheck(withDashboards({ ops: dashboard(rows, 'p90') }), id).status).toBe('pass');
	});

	it('fails when latency is only an average', () => {
		const rows = [['AWS/Lambda', 'Duration', 'FunctionName', app.orders], traffic, errors, saturation];
		const result = gradeCheck(withDashboards({ ops: dashboard(rows) }), id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'No dashboard covers all four golden signals: "ops" lacks latency (latency is charted only as an average or sum, not a percentile).',
		);
	});

	it('fails when a signal is missing, naming it', () => {
		const result = gradeCheck(withDashboards({ ops: dashboard([latency, traffic, errors]) }), id);
		expect(result.message).toBe('No dashboard covers all four golden signals: "ops" lacks saturation.');
	});

	it("fails when the metrics point at another API's or function's resources", () => {
		const rows = [
			['AWS/ApiGateway', 'Latency', 'ApiId', 'zzz999', { stat: 'p90' }],
			['AWS/Lambda', 'Invocations', 'FunctionName', 'someone-else'],
			errors,
			saturation,
		];
		const result = gradeCheck(withDashboards({ ops: dashboard(rows) }), id);
		expect(result.message).toBe(
			'No dashboard covers all four golden signals: "ops" lacks latency, traffic (2 metric(s) point at another API, function or table).',
		);
	});

	it('does not let four signals spread over two dashboards count', () => {
		const result = gradeCheck(
			withDashboards({ a: dashboard([latency, traffic]), b: dashboard([errors, saturation]) }),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('"a" lacks errors, saturation');
		expect(result.message).toContain('"b" lacks latency, traffic');
	});

	it('fails when no dashboard charts the application, and when there are none', () => {
		expect(
			gradeCheck(withDashboards({ other: dashboard([['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1']]) }), id)
				.message,
		).toBe("None of the dashboards (other) charts a metric of the application's API, functions or table.");
		expect(gradeCheck(withDashboards({}), id).message).toBe('There are no CloudWatch dashboards in eu-west-1.');
	});

	it('ignores metric-math expression rows but still reads the metrics they use', () => {
		const rows = [
			[{ expression: '100 * m1 / m2', id: 'rate', label: 'Error rate' }],
			['AWS/ApiGateway', '5xx', 'ApiId', app.apiId, { id: 'm1', visible: false }],
			['.', 'Count', '.', '.', { id: 'm2', visible: false }],
			latency,
			saturation,
		];
		expect(gradeCheck(withDashboards({ ops: dashboard(rows, 'Sum') }), id).status).toBe('pass');
	});

	it('is an error when a dashboard could not be read and none of the others qualifies', () => {
		const result = gradeCheck(
			withDashboards({ a: dashboard([latency]), b: { ok: false, error: accessDenied('cloudwatch:GetDashboard') } }),
			id,
		);
		expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('cloudwatch:GetDashboard') });
	});

	it('still passes when an unreadable dashboard sits beside a complete one', () => {
		const result = gradeCheck(
			withDashboards({
				a: { ok: false, error: accessDenied('cloudwatch:GetDashboard') },
				b: dashboard([latency, traffic, errors, saturation]),
			}),
			id,
		);
		expect(result.status).toBe('pass');
	});
});
