import { describe, expect, it } from 'vitest';
import { formatSummary, summarize } from '../../../../labs/lab3/load/summary.ts';

describe('summarize', () => {
	it('separates client errors from server and network failures', () => {
		const summary = summarize([
			{ status: 201, latencyMs: 100 },
			{ status: 200, latencyMs: 120 },
			{ status: 404, latencyMs: 90 },
			{ status: 502, latencyMs: 2000 },
			{ status: null, latencyMs: 10_000 },
		]);
		expect(summary).toEqual({
			requests: 5,
			ok: 2,
			clientErrors: 1,
			serverErrors: 1,
			networkErrors: 1,
			errorRatePercent: 40,
			p50Ms: 120,
			p90Ms: 10_000,
			p99Ms: 10_000,
			maxMs: 10_000,
		});
	});

	it('reports an empty interval without dividing by zero', () => {
		expect(summarize([])).toMatchObject({ requests: 0, errorRatePercent: 0, p90Ms: null });
	});
});

describe('formatSummary', () => {
	it('prints traffic, errors and latency percentiles on one line', () => {
		const line = formatSummary('+10s', summarize([{ status: 201, latencyMs: 87.4 }]));
		expect(line).toContain('1 req');
		expect(line).toContain('errors 0 %');
		expect(line).toContain('p90 87 ms');
		expect(formatSummary('total', summarize([]))).toContain('p99 -');
	});
});
