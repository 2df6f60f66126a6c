import type { AppResources } from './app-stack.ts';

export type GoldenSignal = 'latency' | 'traffic' | 'errors' | 'saturation';

export const goldenSignals: readonly GoldenSignal[] = ['latency', 'traffic', 'errors', 'saturation'];

export interface MetricRef {
	namespace: string;
	metricName: string;
	dimensions: Readonly<Record<string, string>>;
}

/**
 * The golden signal each CloudWatch metric of the application's services measures, per namespace,
 * and the dimension that names the resource. 4xx are left out of errors: they are the client's
 * mistakes, and an alarm on them pages people for other people's typos.
 */
const signalTable: Readonly<
	Record<
		string,
		{ dimension: keyof Omit<AppResources, 'stacks'>; key: string; metrics: Readonly<Record<string, GoldenSignal>> }
	>
> = {
	'AWS/ApiGateway': {
		dimension: 'apiIds',
		key: 'ApiId',
		metrics: { Latency: 'latency', IntegrationLatency: 'latency', Count: 'traffic', '5xx': 'errors' },
	},
	'AWS/Lambda': {
		dimension: 'functionNames',
		key: 'FunctionName',
		metrics: {
			Duration: 'latency',
			Invocations: 'traffic',
			Errors: 'errors',
			ConcurrentExecutions: 'saturation',
			Throttles: 'saturation',
		},
	},
	'AWS/DynamoDB': {
		dimension: 'tableNames',
		key: 'TableName',
		metrics: {
			SuccessfulRequestLatency: 'latency',
			ConsumedReadCapacityUnits: 'saturation',
			ConsumedWriteCapacityUnits: 'saturation',
			ThrottledRequests: 'saturation',
			ReadThrottleEvents: 'saturation',
			WriteThrottleEvents: 'saturation',
		},
	},
};

/** The golden signal a metric measures for this application, or null when it is not one of the app's metrics. */
export function appMetricSignal(metric: MetricRef, app: AppResources): GoldenSignal | null {
	const entry = signalTable[metric.namespace];
	const signal = entry?.metrics[metric.metricName];
	if (!entry || !signal) return null;
	const resource = metric.dimensions[entry.key];
	return resource !== undefined && app[entry.dimension].includes(resource) ? signal : null;
}

/** Whether a metric names another resource of the same kind (another API, another function). */
export function isOtherResourceMetric(metric: MetricRef, app: AppResources): boolean {
	const entry = signalTable[metric.namespace];
	return Boolean(entry?.metrics[metric.metricName]) && appMetricSignal(metric, app) === null;
}

/** `p90` → 90, `p99.9` → 99.9; null for Average, Sum, trimmed means and the like. */
export function percentileOf(stat: string | null | undefined): number | null {
	const match = /^p(\d{1,2}(?:\.\d+)?|100)$/i.exec(stat ?? '');
	return match?.[1] ? Number(match[1]) : null;
}

export function describeMetric(metric: MetricRef, stat?: string | null): string {
	const dimensions = Object.entries(metric.dimensions).map(([name, value]) => `${name}=${value}`);
	return `${metric.namespace} ${metric.metricName}${dimensions.length > 0 ? ` (${dimensions.join(', ')})` : ''}${stat ? ` ${stat}` : ''}`;
}
