import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../../graders/collectors/cloudwatch/dashboards.ts';
import type { MetricFilterTests } from '../../../../graders/collectors/logs/metric-filter-tests.ts';
import type { MetricFilter } from '../../../../graders/collectors/logs/metric-filters.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'sli-dashboard';
const withDashboards = (dashboards: PerResource<Dashboard>) =>
	editRead<PerResource<Dashboard>>(loadFixture('passing'), 'cloudwatch.dashboards', () => dashboards);
const metricWidget = (metrics: unknown[]) => ({
	ok: true as const,
	data: { body: { widgets: [{ type: 'metric', properties: { metrics } }] } },
});

describe(id, () => {
	it('passes when a dashboard charts both filter metrics (shorthand "." rows included)', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			'Dashboard "lab1-sli" charts both the 5xx and the request metrics, which together give the availability SLI.',
		);
	});

	it('accepts SEARCH expressions that name the metrics', () => {
		const result = gradeCheck(
			withDashboards({
				ops: metricWidget([[{ expression: "SEARCH('{SRE/Lab1} Http5xx OR HttpRequests', 'Sum')", id: 'e1' }]]),
			}),
			id,
		);
		expect(result.status).toBe('pass');
	});

	it('fails a dashboard that charts only the errors', () => {
		const result = gradeCheck(withDashboards({ ops: metricWidget([['SRE/Lab1', 'Http5xx']]) }), id);
		expect(result.message).toBe(
			'No dashboard shows the whole SLI: "ops" charts the 5xx metric but not the request metric.',
		);
	});

	it('fails when the dashboards chart other things, and when there are none', () => {
		expect(gradeCheck(withDashboards({ ops: metricWidget([['AWS/EC2', 'CPUUtilization']]) }), id).message).toBe(
			'None of the dashboards (ops) charts SRE/Lab1/Http5xx, SRE/Lab1/HttpRequests.',
		);
		expect(gradeCheck(withDashboards({}), id).message).toBe('There are no CloudWatch dashboards in this region.');
	});

	it('is an error when the only dashboard could not be read', () => {
		const result = gradeCheck(
			withDashboards({ ops: { ok: false, error: accessDenied('cloudwatch:GetDashboard') } }),
			id,
		);
		expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('cloudwatch:GetDashboard') });
	});

	it('is an error, not a fail, when one dashboard could not be read and another charts only part of the SLI', () => {
		const result = gradeCheck(
			withDashboards({
				ops: metricWidget([['SRE/Lab1', 'Http5xx']]),
				sli: { ok: false, error: accessDenied('cloudwatch:GetDashboard') },
			}),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('Access denied for cloudwatch:GetDashboard.');
		expect(result.message).toContain('"ops" charts the 5xx metric but not the request metric');
	});
});

describe(`${id}: a second request filter the grader could not test`, () => {
	// The learner has a tested request filter and a second one, with its own metric, whose
	// TestMetricFilter was throttled: the prerequisite checks pass on the first.
	const pattern = '[ip, identity, user, timestamp, request, status_code!=5*, size, referrer, agent]';
	const withUntestedFilter = (dashboard: unknown[]) => {
		const filters = editRead<MetricFilter[]>(
			withDashboards({ ops: metricWidget(dashboard) }),
			'logs.metric-filters',
			(all) => [
				...all,
				{
					filterName: 'http-good',
					logGroupName: '/sre-lab/lab1/access',
					filterPattern: pattern,
					transformations: [{ metricNamespace: 'SRE/Lab1', metricName: 'HttpGood', metricValue: '1' }],
				},
			],
		);
		return editRead<MetricFilterTests>(filters, 'logs.metric-filter-tests', (tests) => ({
			...tests,
			byPattern: { ...tests.byPattern, [pattern]: { ok: false, error: throttled } },
		}));
	};
	const throttled = {
		kind: 'throttled' as const,
		service: 'logs',
		operation: 'TestMetricFilter',
		action: 'logs:TestMetricFilter',
		message: 'AWS kept throttling logs:TestMetricFilter after 8 attempts. Wait a minute and run the grader again.',
	};

	it("is an error when a dashboard charts the untested filter's metric", () => {
		const result = gradeCheck(
			withUntestedFilter([
				['SRE/Lab1', 'Http5xx'],
				['.', 'HttpGood'],
			]),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('AWS kept throttling logs:TestMetricFilter');
	});

	it('still fails when no dashboard charts it', () => {
		expect(gradeCheck(withUntestedFilter([['SRE/Lab1', 'Http5xx']]), id)).toMatchObject({
			status: 'fail',
			message: 'No dashboard shows the whole SLI: "ops" charts the 5xx metric but not the request metric.',
		});
	});
});
