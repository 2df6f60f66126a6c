import { CloudWatchClient, paginateGetMetricData } from '@aws-sdk/client-cloudwatch';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { LambdaFunction } from '../lambda/functions.ts';
import { labTaggedFunctions } from '../lambda/lab-functions.ts';

export interface InvocationTotals {
	/** Sum of AWS/Lambda Invocations over the time window. */
	invocations: number;
	/** Sum of AWS/Lambda Errors over the time window. */
	errors: number;
	/** Number of hours in the window that had any invocation data. */
	activeHours: number;
}

/** Hour-aligned buckets: large enough to be few, small enough to exist for any window up to 63 days. */
const periodSeconds = 3600;

function metric(id: string, metricName: string, functionName: string) {
	return {
		Id: id,
		MetricStat: {
			Metric: {
				Namespace: 'AWS/Lambda',
				MetricName: metricName,
				Dimensions: [{ Name: 'FunctionName', Value: functionName }],
			},
			Period: periodSeconds,
			Stat: 'Sum',
		},
	};
}

/** Invocations and errors of each sre-lab tagged function within the grading window, keyed by function name. */
export const cloudwatchLambdaInvocations: Collector<PerResource<InvocationTotals>> = {
	id: 'cloudwatch.lambda-invocations',
	description: 'AWS/Lambda Invocations and Errors of the functions tagged sre-lab, summed over the time window',
	iamActions: ['cloudwatch:GetMetricData'],
	needs: ['lambda.functions', 'lambda.function-tags'],
	async collect({ clients, need, window }) {
		const cloudwatch = clients.get(CloudWatchClient);
		const functions = labTaggedFunctions(
			need<LambdaFunction[]>('lambda.functions'),
			need<PerResource<Record<string, string>>>('lambda.function-tags'),
		);
		return fanOut(
			functions.map((fn) => fn.functionName),
			async (functionName): Promise<InvocationTotals> => {
				const totals: InvocationTotals = { invocations: 0, errors: 0, activeHours: 0 };
				const pages = paginateGetMetricData(
					{ client: cloudwatch },
					{
						StartTime: new Date(window.since),
						EndTime: new Date(window.until),
						MetricDataQueries: [
							metric('invocations', 'Invocations', functionName),
							metric('errors', 'Errors', functionName),
						],
					},
				);
				for await (const page of pages) {
					for (const result of page.MetricDataResults ?? []) {
						const values = result.Values ?? [];
						const sum = values.reduce((total, value) => total + value, 0);
						if (result.Id === 'invocations') {
							totals.invocations += sum;
							totals.activeHours += values.filter((value) => value > 0).length;
						} else if (result.Id === 'errors') {
							totals.errors += sum;
						}
					}
				}
				return totals;
			},
			{ service: 'cloudwatch', operation: 'GetMetricData' },
		);
	},
};
