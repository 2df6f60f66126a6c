import { describe, expect, it } from 'vitest';
import type { MetricFilterTests } from '../../../../graders/collectors/logs/metric-filter-tests.ts';
import { createSnapshotView } from '../../../../graders/engine/snapshot-view.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { untestedFilterMetrics } from '../../../../graders/labs/lab1/facts/filter-behaviour.ts';
import { accessDenied, editRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'request-filter-counts-requests';
const requestPattern = '[ip, identity, user, timestamp, request, status_code, size, referrer, agent]';

function requestPatternMatches(snapshot: Snapshot, pick: (sample: { status: number }) => boolean): Snapshot {
	return editRead<MetricFilterTests>(snapshot, 'logs.metric-filter-tests', (tests) => {
		tests.byPattern[requestPattern] = {
			ok: true,
			data: { matchedLines: tests.samples.filter(pick).map((sample) => sample.line) },
		};
	});
}

describe(id, () => {
	it('passes when a filter matches every request', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			'Filter "http-requests" on /sre-lab/lab1/access counts every request into SRE/Lab1/HttpRequests.',
		);
	});

	it('passes when a filter counts the successful (2xx) requests', () => {
		const result = gradeCheck(
			requestPatternMatches(loadFixture('passing'), (sample) => sample.status < 300),
			id,
		);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('counts every successful (2xx) request');
	});

	it('fails when the filter skips some requests', () => {
		const result = gradeCheck(
			requestPatternMatches(loadFixture('passing'), (sample) => sample.status !== 404),
			id,
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('"http-requests" matched 10 of 11 sample lines');
	});

	it('fails when only an error filter exists (the committed failing fixture)', () => {
		const result = gradeCheck(loadFixture('failing'), id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'No filter with metric value 1 counts every request or every 2xx response: "errors" matched 2 of 11 sample lines.',
		);
	});

	it("is an error, not a failure, when the request filter's test was denied and the other filter counts only errors", () => {
		const snapshot = editRead<MetricFilterTests>(loadFixture('passing'), 'logs.metric-filter-tests', (tests) => {
			tests.byPattern[requestPattern] = { ok: false, error: accessDenied('logs:TestMetricFilter') };
		});
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('logs:TestMetricFilter'),
		});
	});

	it('names the metric of a filter whose test failed, for checks built on that metric', () => {
		const snapshot = editRead<MetricFilterTests>(loadFixture('passing'), 'logs.metric-filter-tests', (tests) => {
			tests.byPattern[requestPattern] = { ok: false, error: accessDenied('logs:TestMetricFilter') };
		});
		expect(untestedFilterMetrics(createSnapshotView(snapshot))).toEqual([
			{
				metric: {
					filterName: 'http-requests',
					logGroupName: '/sre-lab/lab1/access',
					namespace: 'SRE/Lab1',
					metricName: 'HttpRequests',
				},
				error: accessDenied('logs:TestMetricFilter'),
			},
		]);
		expect(untestedFilterMetrics(createSnapshotView(loadFixture('passing')))).toEqual([]);
	});
});
