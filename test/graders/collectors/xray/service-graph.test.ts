import { GetServiceGraphCommand, XRayClient } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { xrayServiceGraph } from '../../../../graders/collectors/xray/service-graph.ts';
import { testClientProvider } from '../../support/collect-lab1.ts';

const xray = mockClient(XRayClient);
afterEach(() => xray.reset());

const context = (clients: ReturnType<typeof testClientProvider>) => ({
	clients,
	region: 'eu-west-1',
	window: { since: '2026-11-22T00:00:00.000Z', until: '2026-11-22T12:00:00.000Z' },
	need: () => {
		throw new Error('no needs');
	},
});

describe('xray.service-graph', () => {
	it('resolves edges to nodes on another page and merges slices by type and name, in code-point order', async () => {
		// Slice 1 (newest) comes in two pages; the edge on page 1 points at a node on page 2.
		xray.on(GetServiceGraphCommand).callsFake((input: { StartTime: Date; NextToken?: string }) => {
			if (input.NextToken === 'p2')
				return { Services: [{ ReferenceId: 7, Name: 'inventory', Type: 'AWS::Lambda', Edges: [] }] };
			if (input.StartTime.toISOString() === '2026-11-22T06:00:00.000Z') {
				return {
					Services: [{ ReferenceId: 0, Name: 'orders', Type: 'AWS::Lambda::Function', Edges: [{ ReferenceId: 7 }] }],
					NextToken: 'p2',
				};
			}
			// Slice 2 numbers the same nodes differently: keys, not ReferenceIds, must identify them.
			return {
				Services: [
					{ ReferenceId: 3, Name: 'inventory', Type: 'AWS::Lambda', Edges: [] },
					{ ReferenceId: 4, Name: 'orders', Type: 'AWS::Lambda::Function', Edges: [{ ReferenceId: 3 }] },
				],
			};
		});
		const clients = testClientProvider();
		const graph = await xrayServiceGraph.collect(context(clients));
		clients.destroy();
		expect(graph).toEqual({
			services: [
				{ key: 'AWS::Lambda::Function:orders', name: 'orders', type: 'AWS::Lambda::Function' },
				{ key: 'AWS::Lambda:inventory', name: 'inventory', type: 'AWS::Lambda' },
			],
			edges: [{ from: 'AWS::Lambda::Function:orders', to: 'AWS::Lambda:inventory' }],
		});
		expect(xray.commandCalls(GetServiceGraphCommand)).toHaveLength(3);
	});
});
