import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../../graders/collectors/cloudwatch/dashboards.ts';
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
});
