import { GetIndexingRulesCommand, GetTraceSegmentDestinationCommand, XRayClient } from '@aws-sdk/client-xray';
import type { Collector } from '../../engine/types.ts';

export interface TraceDestination {
	/**
	 * `XRay`, or `CloudWatchLogs` when CloudWatch Transaction Search is on: spans then land in the
	 * `aws/spans` log group and X-Ray turns only a sampled share of them into trace summaries.
	 */
	destination: string;
	/** `ACTIVE`, or `PENDING` while a change of destination is under way. */
	status: string;
	/**
	 * The share of spans (0–100) indexed as trace summaries under Transaction Search: the Default
	 * indexing rule's applied percentage, else its configured one. Null when the destination is X-Ray
	 * (every sampled trace is indexed) or no probabilistic rule was returned.
	 */
	indexingPercent: number | null;
}

/** The Default probabilistic indexing rule's percentage, reading every page of GetIndexingRules. */
async function indexingPercent(xray: XRayClient): Promise<number | null> {
	let NextToken: string | undefined;
	let found: number | null = null;
	do {
		const page = await xray.send(new GetIndexingRulesCommand({ NextToken }));
		for (const rule of page.IndexingRules ?? []) {
			const probabilistic = rule.Rule?.Probabilistic;
			if (!probabilistic) continue;
			const percent = probabilistic.ActualSamplingPercentage ?? probabilistic.DesiredSamplingPercentage ?? null;
			if (rule.Name === 'Default' || found === null) found = percent;
		}
		NextToken = page.NextToken;
	} while (NextToken);
	return found;
}

/**
 * Where X-Ray sends trace segments. Under CloudWatch Transaction Search (destination CloudWatchLogs)
 * only about 1 % of spans become trace summaries by default, so "no traces" from GetTraceSummaries
 * does not mean tracing is off.
 */
export const xrayTraceDestination: Collector<TraceDestination> = {
	id: 'xray.trace-destination',
	description: 'Where X-Ray sends trace segments (Transaction Search) and the share of spans it indexes',
	iamActions: ['xray:GetTraceSegmentDestination', 'xray:GetIndexingRules'],
	async collect({ clients }) {
		const xray = clients.get(XRayClient);
		const answer = await xray.send(new GetTraceSegmentDestinationCommand({}));
		const destination = answer.Destination ?? 'XRay';
		return {
			destination,
			status: answer.Status ?? 'ACTIVE',
			indexingPercent: destination === 'CloudWatchLogs' ? await indexingPercent(xray) : null,
		};
	},
};
