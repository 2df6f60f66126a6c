import { CloudWatchLogsClient, TestMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import { type AccessLogSample, accessLogSamples } from './access-log-samples.ts';
import type { MetricFilter } from './metric-filters.ts';

export interface PatternTest {
	/** The sample lines the pattern matched, verbatim. */
	matchedLines: string[];
}

export interface MetricFilterTests {
	samples: readonly AccessLogSample[];
	/** Keyed by filter pattern: each distinct pattern is tested once. */
	byPattern: PerResource<PatternTest>;
}

/**
 * Judges metric filters by behaviour: every distinct pattern is replayed against the same sample
 * access log with TestMetricFilter, which evaluates the pattern without changing anything. Matches
 * are recorded by message text, which does not depend on how the API numbers events.
 */
export const logsMetricFilterTests: Collector<MetricFilterTests> = {
	id: 'logs.metric-filter-tests',
	description: 'What each metric filter pattern matches in a sample access log',
	iamActions: ['logs:TestMetricFilter'],
	needs: ['logs.metric-filters'],
	async collect({ clients, need }) {
		const logs = clients.get(CloudWatchLogsClient);
		const patterns = need<MetricFilter[]>('logs.metric-filters').map((filter) => filter.filterPattern);
		const byPattern = await fanOut(
			patterns,
			async (filterPattern) => {
				// An empty pattern matches every event by definition, and the API refuses to test one.
				if (filterPattern.trim() === '') return { matchedLines: accessLogSamples.map((sample) => sample.line) };
				const result = await logs.send(
					new TestMetricFilterCommand({
						filterPattern,
						logEventMessages: accessLogSamples.map((sample) => sample.line),
					}),
				);
				return { matchedLines: (result.matches ?? []).map((match) => match.eventMessage ?? '') };
			},
			{ service: 'logs', operation: 'TestMetricFilter' },
		);
		return { samples: accessLogSamples, byPattern };
	},
};
