import type { GetExperimentTemplateCommandOutput } from '@aws-sdk/client-fis';
import { afterEach, describe, expect, it } from 'vitest';
import { fisLab4ExperimentTemplates } from '../../../../graders/collectors/fis/lab4-experiment-templates.ts';
import { accessDenied, runCollector } from '../../labs/lab4/support/run-collector.ts';
import { fisCommands, mockFis } from '../../support/fis-mock.ts';

const fis = mockFis();
afterEach(() => fis.reset());

const ordersArn = 'arn:aws:lambda:eu-west-1:111122223333:function:sre-lab3-app-OrdersFunction-Ab12Cd34Ef56';
const alarmArn = 'arn:aws:cloudwatch:eu-west-1:111122223333:alarm:lab3-api-p90-latency';

/** A GetExperimentTemplate answer as the FIS API reference shows it (ExperimentTemplate). */
const lambdaDelayTemplate: GetExperimentTemplateCommandOutput['experimentTemplate'] = {
	id: 'EXT1a2b3c4d5e6f7',
	description: 'Game day: delay the orders function',
	targets: {
		'orders-function': { resourceType: 'aws:lambda:function', resourceArns: [ordersArn], selectionMode: 'ALL' },
	},
	actions: {
		'add-delay': {
			actionId: 'aws:lambda:invocation-add-delay',
			parameters: { duration: 'PT10M', invocationPercentage: '50', startupDelayMilliseconds: '1500' },
			targets: { Functions: 'orders-function' },
		},
	},
	stopConditions: [{ source: 'aws:cloudwatch:alarm', value: alarmArn }],
	creationTime: new Date('2026-11-22T09:00:00Z'),
	lastUpdateTime: new Date('2026-11-22T09:10:00Z'),
	roleArn: 'arn:aws:iam::111122223333:role/sre-lab4-fis',
	tags: { 'sre-lab': 'lab4' },
	logConfiguration: {
		cloudWatchLogsConfiguration: { logGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:fis:*' },
		logSchemaVersion: 2,
	},
};

describe('fis.lab4-experiment-templates', () => {
	it('pages through the templates (100 a page) and reads only those tagged sre-lab=lab4, keeping what the checks read', async () => {
		fis
			.on(fisCommands.ListExperimentTemplates)
			.resolvesOnce({
				experimentTemplates: [
					{ id: 'EXTotherteam00001', description: 'not ours', tags: { team: 'payments' } },
					{ id: 'EXTlab3leftover01', tags: { 'sre-lab': 'lab3' } },
				],
				nextToken: 'page-2',
			})
			.resolvesOnce({
				experimentTemplates: [
					{
						id: 'EXT1a2b3c4d5e6f7',
						description: 'Game day: delay the orders function',
						creationTime: new Date('2026-11-22T09:00:00Z'),
						lastUpdateTime: new Date('2026-11-22T09:10:00Z'),
						tags: { 'sre-lab': 'lab4', Name: 'game-day' },
					},
				],
			});
		fis
			.on(fisCommands.GetExperimentTemplate, { id: 'EXT1a2b3c4d5e6f7' })
			.resolves({ experimentTemplate: lambdaDelayTemplate });

		const templates = await runCollector(fisLab4ExperimentTemplates);

		expect(templates).toEqual({
			EXT1a2b3c4d5e6f7: {
				ok: true,
				data: {
					id: 'EXT1a2b3c4d5e6f7',
					roleArn: 'arn:aws:iam::111122223333:role/sre-lab4-fis',
					actions: [
						{
							name: 'add-delay',
							actionId: 'aws:lambda:invocation-add-delay',
							targets: { Functions: 'orders-function' },
						},
					],
					targets: {
						'orders-function': {
							resourceType: 'aws:lambda:function',
							resourceArns: [ordersArn],
							resourceTags: {},
						},
					},
					stopConditions: [{ source: 'aws:cloudwatch:alarm', value: alarmArn }],
				},
			},
		});
		const lists = fis.commandCalls(fisCommands.ListExperimentTemplates).map((call) => call.args[0].input);
		// This SDK release's paginator reuses one input object, so only the last call's input is distinct.
		expect(lists).toHaveLength(2);
		expect(lists[1]).toEqual({ maxResults: 100, nextToken: 'page-2' });
		expect(fis.commandCalls(fisCommands.GetExperimentTemplate)).toHaveLength(1);
	});

	it('keeps a stop condition of source none, and targets selected by tag', async () => {
		fis
			.on(fisCommands.ListExperimentTemplates)
			.resolves({ experimentTemplates: [{ id: 'EXTbytag000000001', tags: { 'sre-lab': 'lab4' } }] });
		fis.on(fisCommands.GetExperimentTemplate).resolves({
			experimentTemplate: {
				...lambdaDelayTemplate,
				id: 'EXTbytag000000001',
				targets: {
					'lab3-functions': {
						resourceType: 'aws:lambda:function',
						resourceTags: { 'sre-lab': 'lab3' },
						selectionMode: 'COUNT(1)',
					},
				},
				stopConditions: [{ source: 'none' }],
			},
		});
		const templates = await runCollector(fisLab4ExperimentTemplates);
		expect(templates.EXTbytag000000001).toMatchObject({
			ok: true,
			data: {
				targets: {
					'lab3-functions': { resourceArns: [], resourceTags: { 'sre-lab': 'lab3' } },
				},
				stopConditions: [{ source: 'none', value: null }],
			},
		});
	});

	it('records a template it may not read as that template failing, and still reads the others', async () => {
		fis.on(fisCommands.ListExperimentTemplates).resolves({
			experimentTemplates: [
				{ id: 'EXT1a2b3c4d5e6f7', tags: { 'sre-lab': 'lab4' } },
				{ id: 'EXTdenied00000001', tags: { 'sre-lab': 'lab4' } },
			],
		});
		fis
			.on(fisCommands.GetExperimentTemplate, { id: 'EXT1a2b3c4d5e6f7' })
			.resolves({ experimentTemplate: lambdaDelayTemplate });
		fis
			.on(fisCommands.GetExperimentTemplate, { id: 'EXTdenied00000001' })
			.rejects(accessDenied('fis:GetExperimentTemplate'));
		const templates = await runCollector(fisLab4ExperimentTemplates);
		expect(templates.EXT1a2b3c4d5e6f7?.ok).toBe(true);
		expect(templates.EXTdenied00000001).toMatchObject({
			ok: false,
			error: { kind: 'access-denied', service: 'fis', operation: 'GetExperimentTemplate' },
		});
	});

	it('lets a denied list fail the read', async () => {
		fis.on(fisCommands.ListExperimentTemplates).rejects(accessDenied('fis:ListExperimentTemplates'));
		await expect(runCollector(fisLab4ExperimentTemplates)).rejects.toThrow('fis:ListExperimentTemplates');
	});
});
