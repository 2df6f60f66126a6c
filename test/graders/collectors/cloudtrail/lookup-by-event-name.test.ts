import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lookupByEventName } from '../../../../graders/collectors/cloudtrail/lookup-by-event-name.ts';
import { testClientProvider } from '../../support/collect-mocked.ts';

const cloudtrail = mockClient(CloudTrailClient);
afterEach(() => {
	cloudtrail.reset();
	vi.useRealTimers();
});

describe('lookupByEventName', () => {
	it('never asks for more than the 90 days CloudTrail keeps (less an hour for clock skew), and says where it started', async () => {
		const clients = testClientProvider({ region: 'eu-west-1' });
		cloudtrail.on(LookupEventsCommand).resolves({ Events: [] });
		try {
			const end = new Date('2026-11-22T12:00:00Z');
			const lookup = await lookupByEventName(clients, 'DetectStackDrift', new Date('2026-01-01T00:00:00Z'), end, 10);
			expect(lookup.start.toISOString()).toBe('2026-08-24T13:00:00.000Z');
			expect(cloudtrail.commandCalls(LookupEventsCommand)[0]?.args[0].input.StartTime).toEqual(lookup.start);
			const recent = await lookupByEventName(clients, 'DetectStackDrift', new Date('2026-11-21T12:00:00Z'), end, 10);
			expect(recent.start.toISOString()).toBe('2026-11-21T12:00:00.000Z');
		} finally {
			clients.destroy();
		}
	});

	it("keeps the lookups of one account and Region together within LookupEvents' two requests a second", async () => {
		vi.useFakeTimers();
		const clients = testClientProvider({ region: 'eu-west-1' });
		const starts: number[] = [];
		// Three pages for each event name; the tokens count the pages.
		cloudtrail.on(LookupEventsCommand).callsFake((input: { NextToken?: string }) => {
			starts.push(Date.now());
			const page = Number(input.NextToken ?? 0) + 1;
			return { Events: [], ...(page < 3 ? { NextToken: String(page) } : {}) };
		});
		try {
			const start = new Date('2026-11-21T12:00:00Z');
			const end = new Date('2026-11-22T12:00:00Z');
			const both = Promise.all([
				lookupByEventName(clients, 'DetectStackDrift', start, end, 10),
				lookupByEventName(clients, 'SetAlarmState', start, end, 10),
			]);
			await vi.runAllTimersAsync();
			await both;
			expect(starts).toHaveLength(6);
			// No one-second span holds more than two of the six requests.
			for (const [index, at] of starts.entries()) {
				expect(starts.filter((other) => other >= at && other < at + 1000).length, String(index)).toBeLessThanOrEqual(2);
			}
		} finally {
			clients.destroy();
		}
	});
});
