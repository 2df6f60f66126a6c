import { CloudWatchClient, type MetricDataResult, paginateGetMetricData } from '@aws-sdk/client-cloudwatch';
import type { Collector, PerResource, TimeWindow } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { LambdaFunction } from '../lambda/functions.ts';
import { labTaggedFunctions } from '../lambda/lab-functions.ts';

/** One metric period in which the function was invoked or reported errors. */
export interface InvocationPeriod {
	/** ISO 8601 start of the period. */
	start: string;
	/** Sum of AWS/Lambda Invocations in the period. */
	invocations: number;
	/** Sum of AWS/Lambda Errors in the period. */
	errors: number;
}

export interface InvocationHistory {
	/** Length of each period in seconds: the finest CloudWatch still keeps for the whole window. */
	periodSeconds: number;
	/** Periods with any invocation or error, oldest first; quiet periods are left out. */
	periods: InvocationPeriod[];
}

const dayMs = 24 * 3_600_000;

/**
 * CloudWatch keeps 1-minute data for 15 days, 5-minute data for 63 days and hourly data for 455 days
 * (GetMetricData reference). The finest period available for the whole window separates a fixed run
 * from the failed one before it, unless both fall in the same period.
 */
export function invocationPeriodSeconds(window: TimeWindow): number {
	const age = Date.parse(window.until) - Date.parse(window.since);
	if (age <= 15 * dayMs) return 60;
	if (age <= 63 * dayMs) return 300;
	return 3600;
}

function metric(id: string, metricName: string, functionName: string, period: number) {
	return {
		Id: id,
		MetricStat: {
			Metric: {
				Namespace: 'AWS/Lambda',
				MetricName: metricName,
				Dimensions: [{ Name: 'FunctionName', Value: functionName }],
			},
			Period: period,
			Stat: 'Sum',
		},
	};
}

function addValues(byStart: Map<string, InvocationPeriod>, result: MetricDataResult): void {
	const field = result.Id === 'errors' ? 'errors' : result.Id === 'invocations' ? 'invocations' : null;
	if (!field) return;
	(result.Timestamps ?? []).forEach((timestamp, index) => {
		const start = timestamp.toISOString();
		const period = byStart.get(start) ?? { start, invocations: 0, errors: 0 };
		period[field] += result.Values?.[index] ?? 0;
		byStart.set(start, period);
	});
}

/**
 * Per-period AWS/Lambda Invocations and Errors of each sre-lab tagged function within the window,
 * keyed by function name, so a check can judge the most recent run rather than the whole window.
 * The start is aligned down to a whole period, as the reference advises, so periods fall on the clock.
 */
export const cloudwatchLambdaInvocationPeriods: Collector<PerResource<InvocationHistory>> = {
	id: 'cloudwatch.lambda-invocation-periods',
	description: 'AWS/Lambda Invocations and Errors of the functions tagged sre-lab, per period over the time window',
	iamActions: ['cloudwatch:GetMetricData'],
	needs: ['lambda.functions', 'lambda.function-tags'],
	async collect({ clients, need, window }) {
		const cloudwatch = clients.get(CloudWatchClient);
		const functions = labTaggedFunctions(
			need<LambdaFunction[]>('lambda.functions'),
			need<PerResource<Record<string, string>>>('lambda.function-tags'),
		);
		const periodSeconds = invocationPeriodSeconds(window);
		const periodMs = periodSeconds * 1000;
		const start = new Date(Math.floor(Date.parse(window.since) / periodMs) * periodMs);
		return fanOut(
			functions.map((fn) => fn.functionName),
			async (functionName): Promise<InvocationHistory> => {
				const byStart = new Map<string, InvocationPeriod>();
				const pages = paginateGetMetricData(
					{ client: cloudwatch },
					{
						StartTime: start,
						EndTime: new Date(window.until),
						MetricDataQueries: [
							metric('invocations', 'Invocations', functionName, periodSeconds),
							metric('errors', 'Errors', functionName, periodSeconds),
						],
					},
				);
				for await (const page of pages) for (const result of page.MetricDataResults ?? []) addValues(byStart, result);
				const periods = [...byStart.values()]
					.filter((period) => period.invocations > 0 || period.errors > 0)
					.sort((a, b) => a.start.localeCompare(b.start));
				return { periodSeconds, periods };
			},
			{ service: 'cloudwatch', operation: 'GetMetricData' },
		);
	},
};
