import type { AccessLogSample } from '../../../collectors/logs/access-log-samples.ts';
import type { MetricFilterTests } from '../../../collectors/logs/metric-filter-tests.ts';
import type { MetricFilter, MetricTransformation } from '../../../collectors/logs/metric-filters.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckVerdict, ReadError, SnapshotView } from '../../../engine/types.ts';
import { accessLogReads, instanceLogGroups } from './access-log-groups.ts';

export interface SampleMatches {
	serverErrors: { matched: number; total: number };
	/** Lines that are not 5xx but were matched: 2xx, 3xx and 4xx. */
	others: { matched: AccessLogSample[]; total: number };
	successes: { matched: number; total: number };
	all: { matched: number; total: number };
}

const isServerError = (sample: AccessLogSample) => sample.status >= 500;
const isSuccess = (sample: AccessLogSample) => sample.status >= 200 && sample.status < 300;

export function sampleMatches(samples: readonly AccessLogSample[], matchedLines: readonly string[]): SampleMatches {
	const matched = new Set(matchedLines);
	const count = (predicate: (sample: AccessLogSample) => boolean) => {
		const relevant = samples.filter(predicate);
		return { matched: relevant.filter((sample) => matched.has(sample.line)).length, total: relevant.length };
	};
	const others = samples.filter((sample) => !isServerError(sample));
	return {
		serverErrors: count(isServerError),
		others: { matched: others.filter((sample) => matched.has(sample.line)), total: others.length },
		successes: count(isSuccess),
		all: count(() => true),
	};
}

/** Counts only 5xx responses: every 5xx sample matched, nothing else. */
export function countsServerErrors(matches: SampleMatches): boolean {
	return matches.serverErrors.matched === matches.serverErrors.total && matches.others.matched.length === 0;
}

/** Counts every request, or every successful one (all 2xx, no 5xx; 3xx and 4xx either way). */
export function countsRequests(matches: SampleMatches): 'all' | 'successful' | null {
	if (matches.all.matched === matches.all.total) return 'all';
	if (matches.successes.matched === matches.successes.total && matches.serverErrors.matched === 0) return 'successful';
	return null;
}

/** A filter only counts events when it adds 1 per matched line. */
export function countingTransformation(filter: MetricFilter): MetricTransformation | undefined {
	return filter.transformations.find((transformation) => transformation.metricValue.trim() === '1');
}

export interface TestedFilter {
	filter: MetricFilter;
	matches: SampleMatches;
}

/**
 * Metric filters on the log groups that receive a lab web server's access log, with what their
 * pattern matched in the sample log. Also what stands between the grader and a complete answer: the
 * patterns whose test failed (throttled, denied) and the groups with metric filters whose streams or
 * lines could not be read (any of them might be the access log). A group without filters cannot
 * hold a counting filter, so it is left out of that list.
 */
export function accessLogFilters(view: SnapshotView): {
	logGroups: string[];
	tested: TestedFilter[];
	untested: ReadError[];
} {
	const groups = instanceLogGroups(view);
	const logGroups = [...new Set(groups.accessLog.map((group) => group.logGroupName))];
	const allFilters = view.read<MetricFilter[]>('logs.metric-filters');
	const filters = allFilters.filter((filter) => logGroups.includes(filter.logGroupName));
	const tests = view.read<MetricFilterTests>('logs.metric-filter-tests');
	const tested: TestedFilter[] = [];
	const hasFilters = (group: { logGroupName: string }) =>
		allFilters.some((filter) => filter.logGroupName === group.logGroupName);
	for (const group of groups.unread.filter((unread) => !hasFilters(unread))) {
		view.setAside(group.error, `${group.logGroupName} has no metric filter, so it cannot hold the filter that counts`);
	}
	const untested: ReadError[] = groups.unread.filter(hasFilters).map((group) => group.error);
	for (const filter of filters) {
		const outcome = tests.byPattern[filter.filterPattern];
		if (!outcome) {
			untested.push({
				kind: 'other',
				service: 'logs',
				operation: 'TestMetricFilter',
				message: `The snapshot has no test result for the pattern of filter "${filter.filterName}". Collect a new snapshot.`,
			});
		} else if (!outcome.ok) {
			untested.push(outcome.error);
		} else {
			tested.push({ filter, matches: sampleMatches(tests.samples, outcome.data.matchedLines) });
		}
	}
	return { logGroups, tested, untested };
}

/**
 * A filter check's failure stands only when nothing was left unjudged: a filter whose test could not
 * run, or an unread group with filters, might be the one that counts. Then the verdict is the first
 * such read error instead.
 */
export function failUnlessUnjudged(result: { untested: ReadError[] }, verdict: CheckVerdict): CheckVerdict {
	const [firstFailure] = result.untested;
	if (firstFailure) throw new ReadFailed(firstFailure);
	return verdict;
}

export interface FilterMetric {
	filterName: string;
	logGroupName: string;
	namespace: string;
	metricName: string;
}

function metricOf(filter: MetricFilter): FilterMetric | null {
	const transformation = countingTransformation(filter);
	return transformation
		? {
				filterName: filter.filterName,
				logGroupName: filter.logGroupName,
				namespace: transformation.metricNamespace,
				metricName: transformation.metricName,
			}
		: null;
}

/** Metrics emitted by filters that count exactly the server errors. */
export function errorMetrics(view: SnapshotView): FilterMetric[] {
	return accessLogFilters(view)
		.tested.filter((candidate) => countsServerErrors(candidate.matches))
		.flatMap((candidate) => metricOf(candidate.filter) ?? []);
}

/**
 * Metrics of access-log filters whose behaviour could not be tested, with why: an alarm or dashboard
 * built on one of them may be right, so a check that would fail for want of a recognised error or
 * request metric must be `error` when such a metric is involved.
 */
export function untestedFilterMetrics(view: SnapshotView): { metric: FilterMetric; error: ReadError }[] {
	const logGroups = new Set(instanceLogGroups(view).accessLog.map((group) => group.logGroupName));
	const tests = view.read<MetricFilterTests>('logs.metric-filter-tests');
	return view
		.read<MetricFilter[]>('logs.metric-filters')
		.filter((filter) => logGroups.has(filter.logGroupName))
		.flatMap((filter) => {
			const outcome = tests.byPattern[filter.filterPattern];
			const metric = metricOf(filter);
			if (!metric || outcome?.ok) return [];
			const error: ReadError = outcome?.error ?? {
				kind: 'other',
				service: 'logs',
				operation: 'TestMetricFilter',
				message: `The snapshot has no test result for the pattern of filter "${filter.filterName}". Collect a new snapshot.`,
			};
			return [{ metric, error }];
		});
}

/**
 * Every failed read that leaves access-log filters unjudged — a log group whose streams or lines could
 * not be read (it may be the access log), a filter pattern whose test failed — with the metrics its
 * counting filters emit: the only way such a read can change a check built on filter metrics.
 */
export function unjudgedFilterReads(view: SnapshotView): { error: ReadError; metrics: FilterMetric[] }[] {
	const groups = instanceLogGroups(view);
	const accessLog = new Set(groups.accessLog.map((group) => group.logGroupName));
	const filters = view.read<MetricFilter[]>('logs.metric-filters');
	const tests = view.read<MetricFilterTests>('logs.metric-filter-tests');
	const metricsOf = (candidates: MetricFilter[]) => candidates.flatMap((filter) => metricOf(filter) ?? []);
	const unread = groups.unread.map(({ logGroupName, error }) => ({
		error,
		metrics: metricsOf(filters.filter((filter) => filter.logGroupName === logGroupName)),
	}));
	const onAccessLog = filters.filter((filter) => accessLog.has(filter.logGroupName));
	const untestedPatterns = [...new Set(onAccessLog.map((filter) => filter.filterPattern))].flatMap((pattern) => {
		const outcome = tests.byPattern[pattern];
		return outcome && !outcome.ok
			? [{ error: outcome.error, metrics: metricsOf(onAccessLog.filter((filter) => filter.filterPattern === pattern)) }]
			: [];
	});
	return [...unread, ...untestedPatterns];
}

/**
 * Sets aside (SnapshotView.setAside) the failed reads behind filters whose metrics `matters` rejects,
 * e.g. metrics no alarm watches: whatever those filters count, the check's verdict is the same.
 */
export function setAsideFilterReadsUnless(
	view: SnapshotView,
	matters: (metric: FilterMetric) => boolean,
	because: string,
): void {
	for (const { error, metrics } of unjudgedFilterReads(view)) {
		if (!metrics.some(matters)) view.setAside(error, because);
	}
}

/** Metrics emitted by filters that count all (or all successful) requests. */
export function requestMetrics(view: SnapshotView): FilterMetric[] {
	return accessLogFilters(view)
		.tested.filter((candidate) => countsRequests(candidate.matches) !== null)
		.flatMap((candidate) => metricOf(candidate.filter) ?? []);
}

export const metricKey = (metric: { namespace: string; metricName: string }) =>
	`${metric.namespace}/${metric.metricName}`;

/** The reads behind `accessLogFilters`: the web servers, their access-log groups and the filters' behaviour. */
export const filterReads = [...accessLogReads, 'logs.metric-filters', 'logs.metric-filter-tests'] as const;

/**
 * The access-log filters that were put to the test (with what was left unjudged), or the verdict
 * both filter checks give when the access-log group has none.
 */
export function testedAccessLogFilters(
	view: SnapshotView,
): { tested: TestedFilter[]; untested: ReadError[] } | { verdict: CheckVerdict } {
	const result = accessLogFilters(view);
	if (result.tested.length > 0) return { tested: result.tested, untested: result.untested };
	return {
		verdict: failUnlessUnjudged(result, {
			status: 'fail',
			message:
				result.logGroups.length > 0
					? `No metric filter is defined on ${result.logGroups.join(', ')}.`
					: 'No log group receives the access log yet, so no filter on it can count requests (see step 2).',
			evidence: result.logGroups,
		}),
	};
}
