import { DescribeOpsItemsCommand, GetOpsItemCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { maxTextLength, ssmLab4OpsItems } from '../../../../graders/collectors/ssm/lab4-ops-items.ts';
import { accessDenied, runCollector } from '../../labs/lab4/support/run-collector.ts';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());

const alarmArn = 'arn:aws:cloudwatch:eu-west-1:111122223333:alarm:sre-lab3-p90-latency';

describe('ssm.lab4-ops-items', () => {
	it('filters on the lab marker in Systems Manager, then reads each OpsItem in full', async () => {
		ssm.on(DescribeOpsItemsCommand).resolves({
			OpsItemSummaries: [
				{ OpsItemId: 'oi-0123456789ab', Title: 'Game day: p90 latency', Status: 'Resolved', Source: 'sre-lab' },
			],
		});
		ssm.on(GetOpsItemCommand, { OpsItemId: 'oi-0123456789ab' }).resolves({
			OpsItem: {
				OpsItemId: 'oi-0123456789ab',
				Title: 'Game day: p90 latency',
				Status: 'Resolved',
				Source: 'sre-lab',
				CreatedTime: new Date('2026-11-22T11:00:00Z'),
				LastModifiedTime: new Date('2026-11-22T11:30:00Z'),
				Description: `## Summary\n${'x'.repeat(maxTextLength)}`,
				OperationalData: {
					'sre-lab': { Type: 'SearchableString', Value: 'lab4' },
					'/aws/resources': { Type: 'SearchableString', Value: JSON.stringify([{ arn: alarmArn }]) },
					'action-items': { Type: 'String', Value: '- Add a timeout (owner: @sam)' },
					// Operational data is free-form: entries the check does not read are never stored.
					'/aws/automations': {
						Type: 'SearchableString',
						Value: JSON.stringify([{ automationType: 'AWS::SSM::Automation', automationId: 'AWS-RestartEC2Instance' }]),
					},
					DbConnection: { Type: 'String', Value: 'postgres://admin:Tr0ub4dor-3@db.internal:5432/orders' },
				},
				RelatedOpsItems: [{ OpsItemId: 'oi-ba9876543210' }],
			},
		});
		const items = await runCollector(ssmLab4OpsItems);
		expect(items['oi-0123456789ab']).toMatchObject({
			ok: true,
			data: {
				opsItemId: 'oi-0123456789ab',
				title: 'Game day: p90 latency',
				lastModifiedTime: '2026-11-22T11:30:00.000Z',
				operationalData: {
					'/aws/resources': JSON.stringify([{ arn: alarmArn }]),
					'action-items': '- Add a timeout (owner: @sam)',
				},
			},
		});
		const detail = items['oi-0123456789ab'];
		expect(detail?.ok && Object.keys(detail.data.operationalData).sort()).toEqual(['/aws/resources', 'action-items']);
		expect(detail?.ok && Object.keys(detail.data).sort()).toEqual([
			'description',
			'lastModifiedTime',
			'operationalData',
			'opsItemId',
			'title',
		]);
		expect(JSON.stringify(items)).not.toContain('Tr0ub4dor');
		expect(detail?.ok && detail.data.description.length).toBe(maxTextLength);
		expect(ssm.commandCalls(DescribeOpsItemsCommand)[0]?.args[0].input.OpsItemFilters).toEqual([
			{ Key: 'OperationalData', Operator: 'Equal', Values: ['{"key":"sre-lab","value":"lab4"}'] },
			{ Key: 'LastModifiedTime', Operator: 'GreaterThan', Values: ['2026-11-21T12:00:00Z'] },
		]);
	});

	it('records an OpsItem it may not read as that item failing', async () => {
		ssm.on(DescribeOpsItemsCommand).resolves({ OpsItemSummaries: [{ OpsItemId: 'oi-0123456789ab' }] });
		ssm.on(GetOpsItemCommand).rejects(accessDenied('ssm:GetOpsItem'));
		expect(await runCollector(ssmLab4OpsItems)).toMatchObject({
			'oi-0123456789ab': { ok: false, error: { kind: 'access-denied', operation: 'GetOpsItem' } },
		});
	});

	it('lets a denied search fail the read', async () => {
		ssm.on(DescribeOpsItemsCommand).rejects(accessDenied('ssm:DescribeOpsItems'));
		await expect(runCollector(ssmLab4OpsItems)).rejects.toThrow('ssm:DescribeOpsItems');
	});
});
