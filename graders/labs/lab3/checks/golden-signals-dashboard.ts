import type { Dashboard } from '../../../collectors/cloudwatch/dashboards.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition, PerResource, ReadError } from '../../../engine/types.ts';
import { type AppResources, appResources, appStackReads } from '../facts/app-stack.ts';
import { dashboardMetricRows } from '../facts/dashboard-metric-rows.ts';
import {
	appMetricSignal,
	type GoldenSignal,
	goldenSignals,
	isOtherResourceMetric,
	percentileOf,
} from '../facts/golden-signals.ts';

interface Coverage {
	name: string;
	covered: Set<GoldenSignal>;
	/** Latency charted, but only as an average or sum. */
	latencyWithoutPercentile: boolean;
	/** Rows that chart the right metric for a different API, function or table. */
	otherResources: number;
}

function coverageOf(name: string, body: unknown, app: AppResources): Coverage {
	const coverage: Coverage = { name, covered: new Set(), latencyWithoutPercentile: false, otherResources: 0 };
	for (const row of dashboardMetricRows(body)) {
		const signal = appMetricSignal(row, app);
		if (signal === null) {
			if (isOtherResourceMetric(row, app)) coverage.otherResources += 1;
			continue;
		}
		if (signal === 'latency' && percentileOf(row.stat) === null) coverage.latencyWithoutPercentile = true;
		else coverage.covered.add(signal);
	}
	return coverage;
}

function describeGaps(coverage: Coverage): string {
	const missing = goldenSignals.filter((signal) => !coverage.covered.has(signal));
	const notes = [
		coverage.latencyWithoutPercentile && missing.includes('latency')
			? 'latency is charted only as an average or sum, not a percentile'
			: null,
		coverage.otherResources > 0 ? `${coverage.otherResources} metric(s) point at another API, function or table` : null,
	].filter((note): note is string => note !== null);
	return `"${coverage.name}" lacks ${missing.join(', ')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

export const goldenSignalsDashboard: CheckDefinition = {
	id: 'golden-signals-dashboard',
	reads: [...appStackReads, 'cloudwatch.dashboards'],
	evaluate(view) {
		const app = appResources(view);
		const dashboards = view.read<PerResource<Dashboard>>('cloudwatch.dashboards');
		const coverages: Coverage[] = [];
		let firstFailure: ReadError | undefined;
		for (const [name, outcome] of Object.entries(dashboards)) {
			if (!outcome.ok) {
				firstFailure ??= outcome.error;
				continue;
			}
			const coverage = coverageOf(name, outcome.data.body, app);
			if (coverage.covered.size === goldenSignals.length) {
				return {
					status: 'pass',
					message: `Dashboard "${name}" charts latency as a percentile, traffic, errors and saturation of the application.`,
					evidence: [name],
				};
			}
			coverages.push(coverage);
		}
		// A dashboard we could not read might be the complete one: say so rather than fail the learner.
		if (firstFailure) throw new ReadFailed(firstFailure);
		if (coverages.length === 0)
			return { status: 'fail', message: `There are no CloudWatch dashboards in ${view.region}.` };
		const ranked = [...coverages].sort((a, b) => b.covered.size - a.covered.size);
		const best = ranked.filter(
			(coverage) => coverage.covered.size > 0 || coverage.otherResources > 0 || coverage.latencyWithoutPercentile,
		);
		return {
			status: 'fail',
			message:
				best.length > 0
					? `No dashboard covers all four golden signals: ${best.slice(0, 3).map(describeGaps).join('; ')}.`
					: `None of the dashboards (${coverages.map((c) => c.name).join(', ')}) charts a metric of the application's API, functions or table.`,
			evidence: coverages.map((coverage) => coverage.name),
		};
	},
};
