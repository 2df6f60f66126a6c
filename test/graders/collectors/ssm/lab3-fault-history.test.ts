import { GetParameterHistoryCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ssmLab3FaultHistory } from '../../../../graders/collectors/ssm/lab3-fault-history.ts';
import { testClientProvider } from '../../support/collect-lab1.ts';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());

async function collect() {
	const clients = testClientProvider();
	try {
		return await ssmLab3FaultHistory.collect({
			clients,
			region: 'eu-west-1',
			window: { since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' },
			need: () => undefined as never,
		});
	} finally {
		clients.destroy();
	}
}

describe('ssm.lab3-fault-history', () => {
	it('follows pages and returns every version oldest first', async () => {
		ssm
			.on(GetParameterHistoryCommand, { NextToken: 'p2' })
			.resolves({ Parameters: [{ Value: 'none', LastModifiedDate: new Date('2026-11-22T08:00:00Z') }] })
			.on(GetParameterHistoryCommand, { Name: '/sre-lab/lab3/fault', NextToken: undefined })
			.resolves({
				Parameters: [{ Value: 'latency', LastModifiedDate: new Date('2026-11-22T10:00:00Z') }],
				NextToken: 'p2',
			});
		expect(await collect()).toEqual({
			exists: true,
			changes: [
				{ value: 'none', at: '2026-11-22T08:00:00.000Z' },
				{ value: 'latency', at: '2026-11-22T10:00:00.000Z' },
			],
		});
	});

	it('reports a missing parameter as an answer, not a failure', async () => {
		ssm
			.on(GetParameterHistoryCommand)
			.rejects(Object.assign(new Error(''), { name: 'ParameterNotFound', $metadata: {} }));
		expect(await collect()).toEqual({ exists: false, changes: [] });
	});

	it('lets access denied fail the read, so the check reports an error', async () => {
		ssm
			.on(GetParameterHistoryCommand)
			.rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: {} }));
		await expect(collect()).rejects.toThrow('not authorized');
	});
});
