import { GetIndexingRulesCommand, GetTraceSegmentDestinationCommand, XRayClient } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { xrayTraceDestination } from '../../../../graders/collectors/xray/trace-destination.ts';
import { testClientProvider } from '../../support/collect-lab1.ts';

const xray = mockClient(XRayClient);
afterEach(() => xray.reset());

const window = { since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' };
const collect = async () => {
	const clients = testClientProvider();
	try {
		return await xrayTraceDestination.collect({ clients, region: 'eu-west-1', window, need: () => undefined as never });
	} finally {
		clients.destroy();
	}
};

/** Response shapes from the X-Ray API reference: GetTraceSegmentDestination, GetIndexingRules. */
describe('xray.trace-destination', () => {
	it('reports Transaction Search with the Default rule’s applied indexing percentage, over every page', async () => {
		xray.on(GetTraceSegmentDestinationCommand).resolves({ Destination: 'CloudWatchLogs', Status: 'ACTIVE' });
		xray.on(GetIndexingRulesCommand).resolves({ IndexingRules: [], NextToken: 'page-2' });
		xray.on(GetIndexingRulesCommand, { NextToken: 'page-2' }).resolves({
			IndexingRules: [
				{
					Name: 'Default',
					ModifiedAt: new Date('2026-11-20T09:00:00Z'),
					Rule: { Probabilistic: { DesiredSamplingPercentage: 5, ActualSamplingPercentage: 1 } },
				},
			],
		});
		expect(await collect()).toEqual({ destination: 'CloudWatchLogs', status: 'ACTIVE', indexingPercent: 1 });
		expect(xray.commandCalls(GetIndexingRulesCommand)).toHaveLength(2);
	});

	it('does not read indexing rules when X-Ray is the destination', async () => {
		xray.on(GetTraceSegmentDestinationCommand).resolves({ Destination: 'XRay', Status: 'ACTIVE' });
		expect(await collect()).toEqual({ destination: 'XRay', status: 'ACTIVE', indexingPercent: null });
		expect(xray.commandCalls(GetIndexingRulesCommand)).toHaveLength(0);
	});
});
