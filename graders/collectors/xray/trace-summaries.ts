import { paginateGetTraceSummaries, XRayClient } from '@aws-sdk/client-xray';
import type { Collector } from '../../engine/types.ts';
import { timeSlices } from './time-slices.ts';

export interface TraceSummary {
	id: string;
	/** Names of the services (nodes) the trace passed through, e.g. Lambda function names. */
	services: string[];
	hasFault: boolean;
	hasError: boolean;
	durationSeconds: number | null;
}

export interface TraceSummaries {
	summaries: TraceSummary[];
	/** True when more traces exist than were kept (the cap keeps the snapshot and the call count small). */
	truncated: boolean;
}

/** Enough traces to see which services are traced; grading never needs every trace. */
export const traceSummaryCap = 200;

export const xrayTraceSummaries: Collector<TraceSummaries> = {
	id: 'xray.trace-summaries',
	description: 'A sample of X-Ray trace summaries in the time window, newest first',
	iamActions: ['xray:GetTraceSummaries'],
	async collect({ clients, window }) {
		const xray = clients.get(XRayClient);
		const summaries: TraceSummary[] = [];
		for (const slice of timeSlices(window)) {
			const pages = paginateGetTraceSummaries({ client: xray }, { StartTime: slice.start, EndTime: slice.end });
			for await (const page of pages) {
				for (const trace of page.TraceSummaries ?? []) {
					summaries.push({
						id: trace.Id ?? '',
						services: [
							...new Set(
								(trace.ServiceIds ?? []).flatMap((service) => service.Names ?? (service.Name ? [service.Name] : [])),
							),
						].sort(),
						hasFault: trace.HasFault ?? false,
						hasError: trace.HasError ?? false,
						durationSeconds: trace.Duration ?? null,
					});
					if (summaries.length >= traceSummaryCap) return { summaries, truncated: true };
				}
			}
		}
		return { summaries, truncated: false };
	},
};
