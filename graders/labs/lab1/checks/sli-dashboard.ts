import type { Dashboard } from '../../../collectors/cloudwatch/dashboards.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition, PerResource, ReadError } from '../../../engine/types.ts';
import { dashboardMetrics, dashboardShows } from '../facts/dashboard-metrics.ts';
import { errorMetrics, filterReads, metricKey, requestMetrics } from '../facts/filter-behaviour.ts';

export const sliDashboard: CheckDefinition = {
	id: 'sli-dashboard',
	reads: [...filterReads, 'cloudwatch.dashboards'],
	evaluate(view) {
		const errors = errorMetrics(view);
		const requests = requestMetrics(view);
		const dashboards = view.read<PerResource<Dashboard>>('cloudwatch.dashboards');
		const partial: string[] = [];
		let firstFailure: ReadError | undefined;
		for (const [name, outcome] of Object.entries(dashboards)) {
			if (!outcome.ok) {
				firstFailure ??= outcome.error;
				continue;
			}
			const charted = dashboardMetrics(outcome.data.body);
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
		if (partial.length === 0 && firstFailure) throw new ReadFailed(firstFailure);
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
