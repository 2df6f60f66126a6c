import { CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { ClientProvider } from '../../engine/clients.ts';
import { createRateLimiter } from '../rate-limit.ts';

/** LookupEvents returns at most 50 events a page and allows two requests per second per account and Region. */
const pageSize = 50;
const requestsPerSecond = 2;

/**
 * One limiter per CloudTrail client, that is per account and Region (the engine makes one client per
 * account, Region and service): a lab reads several event names (Lab 4: DetectStackDrift and
 * SetAlarmState), and their lookups run at the same time, so their pages share the quota.
 */
const limiters = new WeakMap<CloudTrailClient, ReturnType<typeof createRateLimiter>>();
function limiterFor(client: CloudTrailClient) {
	let limiter = limiters.get(client);
	if (!limiter) {
		limiter = createRateLimiter(requestsPerSecond);
		limiters.set(client, limiter);
	}
	return limiter;
}

export interface EventLookup {
	/** The start actually looked up from: the one asked for, or CloudTrail's oldest kept day when that is later. */
	start: Date;
	events: Event[];
	/** True when there were more events than `maxPages` pages; the newest came first. */
	truncated: boolean;
}

const dayMs = 24 * 3_600_000;
/**
 * LookupEvents covers the last 90 days of management events in a Region, and may answer a range
 * "outside the range of possible values" with InvalidTimeRangeException; an hour's margin keeps the
 * start inside even when AWS's clock is ahead of the collection time.
 */
export const cloudTrailRetentionMs = 90 * dayMs - 3_600_000;

/**
 * Every management event with this name between `start` and `end`, from CloudTrail's event history
 * (the last 90 days, in this Region: an earlier start is moved up to that), paced to the API's rate
 * limit and bounded to `maxPages`.
 */
export async function lookupByEventName(
	clients: ClientProvider,
	eventName: string,
	requestedStart: Date,
	end: Date,
	maxPages: number,
): Promise<EventLookup> {
	const start = new Date(Math.max(requestedStart.getTime(), end.getTime() - cloudTrailRetentionMs));
	const client = clients.get(CloudTrailClient);
	const limited = limiterFor(client);
	const events: Event[] = [];
	let token: string | undefined;
	let pages = 0;
	do {
		const NextToken = token;
		const page = await limited(() =>
			client.send(
				new LookupEventsCommand({
					LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
					StartTime: start,
					EndTime: end,
					MaxResults: pageSize,
					NextToken,
				}),
			),
		);
		pages += 1;
		events.push(...(page.Events ?? []));
		token = page.NextToken;
	} while (token && pages < maxPages);
	return { start, events, truncated: token !== undefined };
}

/** The JSON record CloudTrail keeps for an event; an unreadable one reads as empty. */
export function cloudTrailRecord<T extends object>(event: Event): Partial<T> {
	try {
		const record = JSON.parse(event.CloudTrailEvent ?? '{}');
		return typeof record === 'object' && record !== null ? record : {};
	} catch {
		return {};
	}
}
