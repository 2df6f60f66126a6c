import {
	GetFunctionConfigurationCommand,
	LambdaClient,
	type Runtime,
	type State,
	type TracingMode,
} from '@aws-sdk/client-lambda';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { lambdaFunctions, lambdaFunctionTags } from '../../../../graders/collectors/lambda/functions.ts';
import type { Collector, PerResource } from '../../../../graders/engine/types.ts';
import { accessDenied, lab4Window } from '../../labs/lab4/support/run-collector.ts';
import { testClientProvider } from '../../support/collect-mocked.ts';

const tagging = mockClient(ResourceGroupsTaggingAPIClient);
const lambda = mockClient(LambdaClient);
afterEach(() => {
	tagging.reset();
	lambda.reset();
});

const arn = (name: string) => `arn:aws:lambda:eu-west-1:111122223333:function:${name}`;

/** Runs a collector with the guard allowing only its own reads, `needs` answered from `inputs`. */
async function run<T>(collector: Collector<T>, inputs: Record<string, unknown> = {}): Promise<T> {
	const clients = testClientProvider({ region: 'eu-west-1', reads: [collector] });
	try {
		return await collector.collect({
			clients,
			region: 'eu-west-1',
			window: lab4Window,
			need: <N>(id: string) => inputs[id] as N,
		});
	} finally {
		clients.destroy();
	}
}

/** A GetFunctionConfiguration answer as the Lambda API reference shows it, environment included. */
function configuration(name: string, role: string) {
	return {
		FunctionName: name,
		FunctionArn: arn(name),
		Runtime: 'python3.12' as Runtime,
		Role: `arn:aws:iam::111122223333:role/${role}`,
		Handler: 'app.handler',
		CodeSize: 1024,
		Timeout: 30,
		MemorySize: 128,
		LastModified: '2026-11-20T10:15:00.000+0000',
		Environment: { Variables: { DB_PASSWORD: 'hunter2', API_TOKEN: 'tok-123' } },
		TracingConfig: { Mode: 'PassThrough' as TracingMode },
		State: 'Active' as State,
	};
}

describe('lambda.function-tags', () => {
	it('asks the tag index for sre-lab tagged functions only and follows PaginationToken to the empty one', async () => {
		tagging
			.on(GetResourcesCommand, { PaginationToken: undefined })
			.resolves({
				PaginationToken: 'page-2',
				ResourceTagMappingList: [
					{
						ResourceARN: arn('lab2-cleanup'),
						Tags: [
							{ Key: 'sre-lab', Value: 'lab2' },
							{ Key: 'Team', Value: 'sre' },
						],
					},
				],
			})
			.on(GetResourcesCommand, { PaginationToken: 'page-2' })
			.resolves({
				PaginationToken: '',
				ResourceTagMappingList: [{ ResourceARN: arn('lab3-inventory'), Tags: [{ Key: 'sre-lab', Value: 'lab3' }] }],
			});

		const tags = await run(lambdaFunctionTags);

		// Every tag is kept: Lab 4's FIS targets may select the functions by any of them.
		expect(tags).toEqual({
			[arn('lab2-cleanup')]: { ok: true, data: { 'sre-lab': 'lab2', Team: 'sre' } },
			[arn('lab3-inventory')]: { ok: true, data: { 'sre-lab': 'lab3' } },
		});
		const requests = tagging.commandCalls(GetResourcesCommand).map((call) => call.args[0].input);
		expect(requests).toHaveLength(2);
		for (const request of requests) {
			expect(request).toMatchObject({
				ResourceTypeFilters: ['lambda:function'],
				TagFilters: [{ Key: 'sre-lab' }],
				ResourcesPerPage: 100,
			});
		}
	});

	it('fails as a whole when the tag index is denied (no function list is guessed)', async () => {
		tagging.on(GetResourcesCommand).rejects(accessDenied('tag:GetResources'));
		await expect(run(lambdaFunctionTags)).rejects.toThrow('tag:GetResources');
	});
});

describe('lambda.functions', () => {
	const tags: PerResource<Record<string, string>> = {
		[arn('lab2-cleanup')]: { ok: true, data: { 'sre-lab': 'lab2' } },
		[arn('gone')]: { ok: true, data: { 'sre-lab': 'lab2' } },
		[arn('grader-helper')]: { ok: true, data: { 'sre-lab': 'grader-role' } },
	};

	it('reads the configuration of each lab-tagged function and keeps no environment variable', async () => {
		lambda
			.on(GetFunctionConfigurationCommand, { FunctionName: arn('lab2-cleanup') })
			.resolves(configuration('lab2-cleanup', 'cleanup-role'))
			.on(GetFunctionConfigurationCommand, { FunctionName: arn('gone') })
			.rejects(
				Object.assign(new Error('Function not found: gone'), {
					name: 'ResourceNotFoundException',
					$metadata: { httpStatusCode: 404 },
				}),
			);

		const functions = await run(lambdaFunctions, { 'lambda.function-tags': tags });

		expect(functions).toEqual([
			{
				functionName: 'lab2-cleanup',
				functionArn: arn('lab2-cleanup'),
				runtime: 'python3.12',
				roleArn: 'arn:aws:iam::111122223333:role/cleanup-role',
				lastModified: '2026-11-20T10:15:00.000+0000',
			},
		]);
		expect(JSON.stringify(functions)).not.toContain('hunter2');
		// sre-lab=grader-role is outside the policy's `lab*` condition: never asked for.
		const asked = lambda.commandCalls(GetFunctionConfigurationCommand).map((call) => call.args[0].input.FunctionName);
		expect(asked.sort()).toEqual([arn('gone'), arn('lab2-cleanup')]);
	});

	it('fails the whole list when one configuration is unreadable, so no check concludes from a partial one', async () => {
		lambda
			.on(GetFunctionConfigurationCommand, { FunctionName: arn('lab2-cleanup') })
			.rejects(accessDenied('lambda:GetFunctionConfiguration'))
			.on(GetFunctionConfigurationCommand, { FunctionName: arn('gone') })
			.resolves(configuration('gone', 'gone-role'));

		await expect(run(lambdaFunctions, { 'lambda.function-tags': tags })).rejects.toThrow(
			'lambda:GetFunctionConfiguration',
		);
	});

	it('declares no ListFunctions and scopes GetFunctionConfiguration to lab-tagged functions', () => {
		expect([...lambdaFunctions.iamActions, ...lambdaFunctionTags.iamActions]).not.toContain('lambda:ListFunctions');
		expect(lambdaFunctions.iamScopes?.['lambda:GetFunctionConfiguration']?.condition).toEqual({
			StringLike: { 'aws:ResourceTag/sre-lab': 'lab*' },
		});
	});
});
