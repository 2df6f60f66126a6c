import type { CheckDefinition } from '../../../engine/types.ts';
import {
	countingTransformation,
	countsServerErrors,
	failUnlessUnjudged,
	filterReads,
	type TestedFilter,
	testedAccessLogFilters,
} from '../facts/filter-behaviour.ts';

/** Why a filter is not a 5xx counter, in the learner's terms. */
function describeMiss(candidate: TestedFilter): string {
	const { serverErrors, others } = candidate.matches;
	const name = `"${candidate.filter.filterName}" (pattern ${JSON.stringify(candidate.filter.filterPattern)})`;
	if (serverErrors.matched === serverErrors.total && others.matched.length === 0) {
		return `${name} matches the right lines but emits no metric with value 1`;
	}
	const wrongly = others.matched.map((sample) => sample.status);
	const extra =
		wrongly.length > 0
			? ` and ${wrongly.length} line(s) that are not 5xx (status ${[...new Set(wrongly)].join(', ')})`
			: '';
	return `${name} matched ${serverErrors.matched} of ${serverErrors.total} sample 5xx lines${extra}`;
}

export const errorFilterCounts5xx: CheckDefinition = {
	id: 'error-filter-counts-5xx',
	reads: filterReads,
	evaluate(view) {
		const result = testedAccessLogFilters(view);
		if ('verdict' in result) return result.verdict;
		const counter = result.tested.find(
			(candidate) => countsServerErrors(candidate.matches) && countingTransformation(candidate.filter),
		);
		if (!counter) {
			// A filter that could not be tested may be the one that counts: then this is not a failure.
			return failUnlessUnjudged(result, {
				status: 'fail',
				message: `No filter counts exactly the server errors: ${result.tested.map(describeMiss).join('; ')}.`,
				evidence: result.tested.map((candidate) => candidate.filter.filterName),
			});
		}
		const metric = countingTransformation(counter.filter);
		return {
			status: 'pass',
			message: `Filter "${counter.filter.filterName}" on ${counter.filter.logGroupName} matched all ${counter.matches.serverErrors.total} sample 5xx lines and none of the ${counter.matches.others.total} others; it adds 1 to ${metric?.metricNamespace}/${metric?.metricName}.`,
			evidence: [counter.filter.logGroupName, counter.filter.filterName],
		};
	},
};
