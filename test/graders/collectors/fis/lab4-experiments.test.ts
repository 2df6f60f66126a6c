import { afterEach, describe, expect, it } from 'vitest';
import { fisLab4Experiments } from '../../../../graders/collectors/fis/lab4-experiments.ts';
import { accessDenied, lab4Window } from '../../labs/lab4/support/run-collector.ts';
import { testClientProvider } from '../../support/collect-mocked.ts';
import { fisCommands, mockFis } from '../../support/fis-mock.ts';

const fis = mockFis();
afterEach(() => fis.reset());

const alarmArn = 'arn:aws:cloudwatch:eu-west-1:111122223333:alarm:lab3-api-p90-latency';
const templates = { EXT1a2b3c4d5e6f7: { ok: true, data: {} } };

async function collect(lab4Templates: object = templates) {
	const clients = testClientProvider({ region: 'eu-west-1', reads: [fisLab4Experiments] });
	try {
		return await fisLab4Experiments.collect({
			clients,
			region: 'eu-west-1',
			window: lab4Window,
			need: <T>() => lab4Templates as T,
		});
	} finally {
		clients.destroy();
	}
}

describe('fis.lab4-experiments', () => {
	it('lists every experiment (100 a page), keeps those of the lab templates created in the window and reads each', async () => {
		fis
			.on(fisCommands.ListExperiments)
			.resolvesOnce({
				experiments: [
					{
						id: 'EXPorders0000001',
						experimentTemplateId: 'EXT1a2b3c4d5e6f7',
						state: { status: 'completed', reason: 'Experiment completed.' },
						creationTime: new Date('2026-11-22T10:00:00Z'),
						tags: {},
					},
					// Another team's template: never read.
					{
						id: 'EXPothers0000001',
						experimentTemplateId: 'EXTotherteam00001',
						state: { status: 'completed' },
						creationTime: new Date('2026-11-22T10:00:00Z'),
					},
				],
				nextToken: 'page-2',
			})
			.resolvesOnce({
				experiments: [
					// Before the window: a game day of another week.
					{
						id: 'EXPlastweek00001',
						experimentTemplateId: 'EXT1a2b3c4d5e6f7',
						state: { status: 'completed' },
						creationTime: new Date('2026-11-15T10:00:00Z'),
					},
				],
			});
		fis.on(fisCommands.GetExperiment, { id: 'EXPorders0000001' }).resolves({
			experiment: {
				id: 'EXPorders0000001',
				experimentTemplateId: 'EXT1a2b3c4d5e6f7',
				roleArn: 'arn:aws:iam::111122223333:role/sre-lab4-fis',
				state: { status: 'stopped', reason: 'Experiment stopped.' },
				targets: {},
				// GetExperiment's ExperimentAction map: the template's actions, each with its state in this run.
				actions: {
					'add-delay': {
						actionId: 'aws:lambda:invocation-add-delay',
						parameters: { duration: 'PT10M', startupDelayMilliseconds: '1500' },
						targets: { Functions: 'app-functions' },
						state: { status: 'stopped', reason: 'Experiment stopped.' },
					},
					'wait-first': { actionId: 'aws:fis:wait', parameters: { duration: 'PT1M' }, state: { status: 'completed' } },
				},
				// Newer than this SDK's types (actionsMode), but passed through by its deserializer.
				experimentOptions: {
					accountTargeting: 'single-account',
					emptyTargetResolutionMode: 'fail',
					actionsMode: 'run-all',
				} as object,
				stopConditions: [{ source: 'aws:cloudwatch:alarm', value: alarmArn }, { source: 'none' }],
				creationTime: new Date('2026-11-22T10:00:00Z'),
				startTime: new Date('2026-11-22T10:00:05Z'),
				endTime: new Date('2026-11-22T10:07:40Z'),
				tags: {},
			},
		});

		expect(await collect()).toEqual({
			EXPorders0000001: {
				ok: true,
				data: {
					id: 'EXPorders0000001',
					experimentTemplateId: 'EXT1a2b3c4d5e6f7',
					status: 'stopped',
					reason: 'Experiment stopped.',
					creationTime: '2026-11-22T10:00:00.000Z',
					startTime: '2026-11-22T10:00:05.000Z',
					endTime: '2026-11-22T10:07:40.000Z',
					stopConditionAlarms: [alarmArn],
					faultActionStates: ['stopped'],
					actionsMode: 'run-all',
				},
			},
		});
		const lists = fis.commandCalls(fisCommands.ListExperiments).map((call) => call.args[0].input);
		expect(lists).toHaveLength(2);
		expect(lists[1]).toEqual({ maxResults: 100, nextToken: 'page-2' });
		expect(fis.commandCalls(fisCommands.GetExperiment)).toHaveLength(1);
	});

	it('keeps a running experiment without an end time', async () => {
		fis.on(fisCommands.ListExperiments).resolves({
			experiments: [
				{
					id: 'EXPrunning000001',
					experimentTemplateId: 'EXT1a2b3c4d5e6f7',
					creationTime: new Date('2026-11-22T11:50:00Z'),
				},
			],
		});
		fis.on(fisCommands.GetExperiment).resolves({
			experiment: {
				id: 'EXPrunning000001',
				experimentTemplateId: 'EXT1a2b3c4d5e6f7',
				state: { status: 'running', reason: 'Experiment is running.' },
				creationTime: new Date('2026-11-22T11:50:00Z'),
				startTime: new Date('2026-11-22T11:50:04Z'),
			},
		});
		expect(await collect()).toMatchObject({
			EXPrunning000001: { ok: true, data: { status: 'running', startTime: '2026-11-22T11:50:04.000Z', endTime: null } },
		});
	});

	it('does not list experiments when no template is the lab’s', async () => {
		expect(await collect({})).toEqual({});
		expect(fis.commandCalls(fisCommands.ListExperiments)).toHaveLength(0);
	});

	it('records an experiment it may not read as that experiment failing', async () => {
		fis.on(fisCommands.ListExperiments).resolves({
			experiments: [
				{
					id: 'EXPorders0000001',
					experimentTemplateId: 'EXT1a2b3c4d5e6f7',
					creationTime: new Date('2026-11-22T10:00:00Z'),
				},
			],
		});
		fis.on(fisCommands.GetExperiment).rejects(accessDenied('fis:GetExperiment'));
		expect(await collect()).toMatchObject({
			EXPorders0000001: { ok: false, error: { kind: 'access-denied', operation: 'GetExperiment' } },
		});
	});

	it('lets a denied list fail the read', async () => {
		fis.on(fisCommands.ListExperiments).rejects(accessDenied('fis:ListExperiments'));
		await expect(collect()).rejects.toThrow('fis:ListExperiments');
	});
});
