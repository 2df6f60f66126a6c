import { CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { ClientProvider } from '../../engine/clients.ts';

/** LookupEvents returns at most 50 events a page and allows two requests per second per account and Region. */
const pageSize = 50;
const pageIntervalMs = 500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface EventLookup {
	events: Event[];
	/** True when there were more events than `maxPages` pages; the newest came first. */
	truncated: boolean;
}

/**
 * Every management event with this name between `start` and `end`, from CloudTrail's event history
 * (the last 90 days, in this Region), paced to the API's rate limit and bounded to `maxPages`.
 */
export async function lookupByEventName(
	clients: ClientProvider,
	eventName: string,
	start: Date,
	end: Date,
	maxPages: number,
): Promise<EventLookup> {
	const client = clients.get(CloudTrailClient);
	const events: Event[] = [];
	let token: string | undefined;
	let pages = 0;
	do {
		if (pages > 0) await pause(pageIntervalMs);
		const page = await client.send(
			new LookupEventsCommand({
				LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
				StartTime: start,
				EndTime: end,
				MaxResults: pageSize,
				NextToken: token,
			}),
		);
		pages += 1;
		events.push(...(page.Events ?? []));
		token = page.NextToken;
	} while (token && pages < maxPages);
	return { events, truncated: token !== undefined };
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
