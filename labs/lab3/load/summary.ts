import { isServerFailure, type RequestOutcome } from './outcome.ts';
import { percentile } from './percentiles.ts';

export interface LoadSummary {
	requests: number;
	ok: number;
	clientErrors: number;
	serverErrors: number;
	networkErrors: number;
	/** Server errors and network failures as a percentage of all requests. */
	errorRatePercent: number;
	p50Ms: number | null;
	p90Ms: number | null;
	p99Ms: number | null;
	maxMs: number | null;
}

export function summarize(outcomes: readonly RequestOutcome[]): LoadSummary {
	const latencies = outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
	const count = (predicate: (outcome: RequestOutcome) => boolean) => outcomes.filter(predicate).length;
	const failures = count(isServerFailure);
	return {
		requests: outcomes.length,
		ok: count((outcome) => outcome.status !== null && outcome.status < 400),
		clientErrors: count((outcome) => outcome.status !== null && outcome.status >= 400 && outcome.status < 500),
		serverErrors: count((outcome) => outcome.status !== null && outcome.status >= 500),
		networkErrors: count((outcome) => outcome.status === null),
		errorRatePercent: outcomes.length === 0 ? 0 : Math.round((failures / outcomes.length) * 1000) / 10,
		p50Ms: percentile(latencies, 50),
		p90Ms: percentile(latencies, 90),
		p99Ms: percentile(latencies, 99),
		maxMs: latencies.at(-1) ?? null,
	};
}

const ms = (value: number | null) => (value === null ? '-' : `${Math.round(value)} ms`);

/** One line a person can scan while the load runs: traffic, errors, latency. */
export function formatSummary(label: string, summary: LoadSummary): string {
	return [
		label.padEnd(8),
		`${summary.requests} req`,
		`${summary.ok} ok`,
		`${summary.clientErrors} 4xx`,
		`${summary.serverErrors} 5xx`,
		`${summary.networkErrors} net`,
		`errors ${summary.errorRatePercent} %`,
		`p50 ${ms(summary.p50Ms)}`,
		`p90 ${ms(summary.p90Ms)}`,
		`p99 ${ms(summary.p99Ms)}`,
		`max ${ms(summary.maxMs)}`,
	].join('  ');
}
