import type { Dashboard } from '../../../collectors/cloudwatch/dashboards.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { dashboardMetrics, dashboardShows } from '../facts/dashboard-metrics.ts';
import {
	errorMetrics,
	filterReads,
	metricKey,
	requestMetrics,
	setAsideFilterReadsUnless,
} from '../facts/filter-behaviour.ts';

/**
 * A dashboard that charts both filter metrics. A dashboard that could not be fetched might be the one,
 * so looking at it makes a fail an error (the engine's rule, engine/evaluate.ts); a filter left
 * unjudged (its group or its test unread) matters only when a dashboard charts its metric.
 */
export const sliDashboard: CheckDefinition = {
	id: 'sli-dashboard',
	reads: [...filterReads, 'cloudwatch.dashboards'],
	evaluate(view) {
		const errors = errorMetrics(view);
		const requests = requestMetrics(view);
		const dashboards = view.read<PerResource<Dashboard>>('cloudwatch.dashboards');
		const readable = Object.entries(dashboards).flatMap(([name, outcome]) =>
			outcome.ok ? [{ name, charted: dashboardMetrics(outcome.data.body) }] : [],
		);
		const partial: string[] = [];
		for (const { name, charted } of readable) {
			const showsErrors = errors.some((metric) => dashboardShows(charted, metric));
			const showsRequests = requests.some((metric) => dashboardShows(charted, metric));
			if (showsErrors && showsRequests) {
				return {
					status: 'pass',
					message: `Dashboard "${name}" charts both the 5xx and the request metrics, which together give the availability SLI.`,
					evidence: [name],
				};
			}
			if (showsErrors) partial.push(`"${name}" charts the 5xx metric but not the request metric`);
			if (showsRequests) partial.push(`"${name}" charts the request metric but not the 5xx metric`);
		}
		setAsideFilterReadsUnless(
			view,
			(metric) => readable.some(({ charted }) => dashboardShows(charted, metric)),
			'no dashboard charts the metrics of the filters it leaves unjudged, so whatever they count no dashboard shows the SLI',
		);
		const names = Object.keys(dashboards);
		const wanted = [...errors, ...requests].map(metricKey).join(', ');
		return {
			status: 'fail',
			message:
				partial.length > 0
					? `No dashboard shows the whole SLI: ${partial.join('; ')}.`
					: names.length === 0
						? 'There are no CloudWatch dashboards in this region.'
						: `None of the dashboards (${names.join(', ')}) charts ${wanted}.`,
			evidence: names,
		};
	},
};
