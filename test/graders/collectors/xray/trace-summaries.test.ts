import { GetTraceSummariesCommand, XRayClient } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { traceSummaryCap, xrayTraceSummaries } from '../../../../graders/collectors/xray/trace-summaries.ts';
import { testClientProvider } from '../../support/collect-lab1.ts';

const xray = mockClient(XRayClient);
afterEach(() => xray.reset());

const window = { since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' };
const collect = async () => {
	const clients = testClientProvider();
	try {
		return await xrayTraceSummaries.collect({ clients, region: 'eu-west-1', window, need: () => undefined as never });
	} finally {
		clients.destroy();
	}
};

describe('xray.trace-summaries', () => {
	it('queries the window in slices and keeps the service names of each trace', async () => {
		xray.on(GetTraceSummariesCommand).resolves({});
		xray.on(GetTraceSummariesCommand, { StartTime: new Date('2026-11-22T06:00:00.000Z') }).resolves({
			TraceSummaries: [
				{ Id: '1-a', Duration: 0.2, ServiceIds: [{ Name: 'orders', Names: ['orders'] }, { Name: 'inventory' }] },
			],
		});
		const result = await collect();
		expect(result).toEqual({
			summaries: [
				{ id: '1-a', services: ['inventory', 'orders'], hasFault: false, hasError: false, durationSeconds: 0.2 },
			],
			truncated: false,
		});
		expect(xray.commandCalls(GetTraceSummariesCommand)).toHaveLength(4);
	});

	it('stops at the cap and says the sample is truncated', async () => {
		const many = Array.from({ length: 150 }, (_, index) => ({ Id: `1-${index}`, ServiceIds: [] }));
		xray.on(GetTraceSummariesCommand).resolves({ TraceSummaries: many, NextToken: 'more' });
		const result = await collect();
		expect(result.summaries).toHaveLength(traceSummaryCap);
		expect(result.truncated).toBe(true);
		expect(xray.commandCalls(GetTraceSummariesCommand)).toHaveLength(2);
	});
});
