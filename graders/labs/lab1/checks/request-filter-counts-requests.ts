import type { CheckDefinition } from '../../../engine/types.ts';
import {
	countingTransformation,
	countsRequests,
	failUnlessUnjudged,
	filterReads,
	testedAccessLogFilters,
} from '../facts/filter-behaviour.ts';

export const requestFilterCountsRequests: CheckDefinition = {
	id: 'request-filter-counts-requests',
	reads: filterReads,
	evaluate(view) {
		const result = testedAccessLogFilters(view);
		if ('verdict' in result) return result.verdict;
		const counter = result.tested.find(
			(candidate) => countsRequests(candidate.matches) !== null && countingTransformation(candidate.filter),
		);
		if (!counter) {
			const seen = result.tested.map(
				(candidate) =>
					`"${candidate.filter.filterName}" matched ${candidate.matches.all.matched} of ${candidate.matches.all.total} sample lines`,
			);
			// A filter that could not be tested may be the one that counts: then this is not a failure.
			return failUnlessUnjudged(result, {
				status: 'fail',
				message: `No filter with metric value 1 counts every request or every 2xx response: ${seen.join('; ')}.`,
				evidence: result.tested.map((candidate) => candidate.filter.filterName),
			});
		}
		const kind = countsRequests(counter.matches) === 'all' ? 'every request' : 'every successful (2xx) request';
		const metric = countingTransformation(counter.filter);
		return {
			status: 'pass',
			message: `Filter "${counter.filter.filterName}" on ${counter.filter.logGroupName} counts ${kind} into ${metric?.metricNamespace}/${metric?.metricName}.`,
			evidence: [counter.filter.logGroupName, counter.filter.filterName],
		};
	},
};
