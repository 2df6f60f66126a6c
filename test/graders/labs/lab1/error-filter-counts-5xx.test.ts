import { describe, expect, it } from 'vitest';
import type { MetricFilterTests } from '../../../../graders/collectors/logs/metric-filter-tests.ts';
import type { MetricFilter } from '../../../../graders/collectors/logs/metric-filters.ts';
import type { ReadError, Snapshot } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'error-filter-counts-5xx';
const errorPattern = '[ip, identity, user, timestamp, request, status_code=5*, size, referrer, agent]';

/** Rewrites what TestMetricFilter reported for the 5xx filter's pattern. */
function matchesFor5xxPattern(
	snapshot: Snapshot,
	pick: (sample: { status: number; line: string }) => boolean,
): Snapshot {
	return editRead<MetricFilterTests>(snapshot, 'logs.metric-filter-tests', (tests) => {
		tests.byPattern[errorPattern] = {
			ok: true,
			data: { matchedLines: tests.samples.filter(pick).map((sample) => sample.line) },
		};
	});
}

describe(id, () => {
	it('passes when the filter matches exactly the 5xx sample lines', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			'Filter "http-5xx" on /sre-lab/lab1/access matched all 4 sample 5xx lines and none of the 7 others; it adds 1 to SRE/Lab1/Http5xx.',
		);
		expect(result.evidence).toEqual(['/sre-lab/lab1/access', 'http-5xx']);
	});

	it('fails a pattern that looks for "503" in the text (the committed failing fixture)', () => {
		const result = gradeCheck(loadFixture('failing'), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('matched 1 of 4 sample 5xx lines and 1 line(s) that are not 5xx (status 200)');
		expect(result.hint).toContain('status_code=5*');
	});

	it('fails a pattern that also counts 4xx responses', () => {
		const result = gradeCheck(
			matchesFor5xxPattern(loadFixture('passing'), (sample) => sample.status >= 400),
			id,
		);
		expect(result.message).toContain(
			'matched 4 of 4 sample 5xx lines and 2 line(s) that are not 5xx (status 404, 403)',
		);
	});

	it('fails a pattern that misses some 5xx responses', () => {
		const result = gradeCheck(
			matchesFor5xxPattern(loadFixture('passing'), (sample) => sample.status === 500),
			id,
		);
		expect(result.message).toContain('matched 1 of 4 sample 5xx lines');
	});

	it('fails when the filter does not add 1 per matching line', () => {
		const snapshot = editRead<MetricFilter[]>(loadFixture('passing'), 'logs.metric-filters', (filters) =>
			filters.map((filter) => ({
				...filter,
				transformations: filter.transformations.map((t) => ({ ...t, metricValue: '$size' })),
			})),
		);
		expect(gradeCheck(snapshot, id).message).toContain('matches the right lines but emits no metric with value 1');
	});

	it('fails when the access-log group has no filters', () => {
		const snapshot = editRead<MetricFilter[]>(loadFixture('passing'), 'logs.metric-filters', () => []);
		expect(gradeCheck(snapshot, id).message).toBe('No metric filter is defined on /sre-lab/lab1/access.');
	});

	it('is an error when the endpoint does not implement TestMetricFilter', () => {
		const notImplemented: ReadError = {
			kind: 'not-implemented',
			service: 'logs',
			operation: 'TestMetricFilter',
			action: 'logs:TestMetricFilter',
			message: 'The endpoint does not implement logs:TestMetricFilter, so this could not be verified there.',
		};
		const snapshot = editRead<MetricFilterTests>(loadFixture('passing'), 'logs.metric-filter-tests', (tests) => {
			for (const pattern of Object.keys(tests.byPattern))
				tests.byPattern[pattern] = { ok: false, error: notImplemented };
		});
		expect(gradeCheck(snapshot, id)).toMatchObject({ status: 'error', message: notImplemented.message });
	});

	it('ignores filters on the error log: only the group receiving access-log lines is the access log', () => {
		const snapshot = editRead<MetricFilter[]>(loadFixture('passing'), 'logs.metric-filters', (filters) =>
			filters.map((filter) => ({ ...filter, logGroupName: '/sre-lab/lab1/error' })),
		);
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'fail',
			message: 'No metric filter is defined on /sre-lab/lab1/access.',
		});
	});

	it("is an error, not a failure, when another filter's TestMetricFilter was throttled and the tested one does not count", () => {
		const throttled: ReadError = {
			kind: 'throttled',
			service: 'logs',
			operation: 'TestMetricFilter',
			action: 'logs:TestMetricFilter',
			message: 'logs:TestMetricFilter was throttled after 8 attempts. Wait a minute and run the check again.',
		};
		const base = editRead<MetricFilter[]>(loadFixture('passing'), 'logs.metric-filters', (filters) => [
			...filters,
			{
				...(filters[0] as MetricFilter),
				filterName: 'http-5xx-v2',
				filterPattern: '[..., status_code=5*, size, referrer, agent]',
			},
		]);
		const snapshot = editRead<MetricFilterTests>(
			matchesFor5xxPattern(base, (sample) => sample.status === 500),
			'logs.metric-filter-tests',
			(tests) => {
				tests.byPattern['[..., status_code=5*, size, referrer, agent]'] = { ok: false, error: throttled };
			},
		);
		expect(gradeCheck(snapshot, id)).toMatchObject({ status: 'error', message: throttled.message });
		// When the tested filter alone already counts the 5xx lines, the throttled one cannot change that.
		const passing = editRead<MetricFilterTests>(base, 'logs.metric-filter-tests', (tests) => {
			tests.byPattern['[..., status_code=5*, size, referrer, agent]'] = { ok: false, error: throttled };
		});
		expect(gradeCheck(passing, id).status).toBe('pass');
	});

	it('is an error when DescribeMetricFilters is denied (the committed access-denied fixture)', () => {
		const result = gradeCheck(loadFixture('access-denied'), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('Access denied for logs:DescribeMetricFilters');
		expect(
			gradeCheck(
				failRead(loadFixture('passing'), 'logs.metric-filters', accessDenied('logs:DescribeMetricFilters')),
				id,
			).status,
		).toBe('error');
	});
});
