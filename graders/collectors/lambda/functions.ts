import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
	paginateGetResources,
	ResourceGroupsTaggingAPIClient,
	type ResourceTagMapping,
} from '@aws-sdk/client-resource-groups-tagging-api';
import pLimit from 'p-limit';
import { sreLabFunctions } from '../../engine/iam-resources.ts';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOutConcurrency } from '../fan-out.ts';

export interface LambdaFunction {
	functionName: string;
	functionArn: string;
	runtime: string | null;
	/** The execution role the function runs as. */
	roleArn: string;
	lastModified: string | null;
}

/** The tag every lab's functions carry (`sre-lab=lab2`, …); the grader role may only read functions with it. */
const labTagKey = 'sre-lab';

/** The value the grader policy's condition accepts (`aws:ResourceTag/sre-lab` like `lab*`). */
function isLabTagValue(value: string | undefined): boolean {
	return value?.startsWith('lab') === true;
}

/**
 * `[{Key, Value}]` as GetResources returns it → `{key: value}` as the checks read tags. All of a lab
 * function's tags are kept, unlike other resources' tags: Lab 4's FIS experiment targets select
 * functions by any tag (`resourceTags`), and its checks match them against these. Only functions that
 * carry an `sre-lab` tag are listed; redaction guards the values when they are stored.
 */
export function tagMap(mapping: ResourceTagMapping): Record<string, string> {
	const tags: Record<string, string> = {};
	for (const tag of mapping.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
	return tags;
}

/**
 * The tags of the functions carrying an `sre-lab` tag, keyed by function ARN. Read through the Resource
 * Groups Tagging API, not ListFunctions + ListTags: ListFunctions returns every function's configuration,
 * environment variables included, and cannot be scoped to tagged functions.
 */
export const lambdaFunctionTags: Collector<PerResource<Record<string, string>>> = {
	id: 'lambda.function-tags',
	description: 'Tags of the Lambda functions tagged sre-lab (Resource Groups Tagging API)',
	iamActions: ['tag:GetResources'],
	async collect({ clients }) {
		const tags: PerResource<Record<string, string>> = {};
		const pages = paginateGetResources(
			// ResourcesPerPage is at most 100; the paginator follows PaginationToken until it comes back empty.
			{ client: clients.get(ResourceGroupsTaggingAPIClient), pageSize: 100 },
			{ ResourceTypeFilters: ['lambda:function'], TagFilters: [{ Key: labTagKey }] },
		);
		for await (const page of pages) {
			for (const mapping of page.ResourceTagMappingList ?? []) {
				if (mapping.ResourceARN) tags[mapping.ResourceARN] = { ok: true, data: tagMap(mapping) };
			}
		}
		return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => a.localeCompare(b)));
	},
};

function isNotFound(error: unknown): boolean {
	return (
		typeof error === 'object' && error !== null && (error as { name?: string }).name === 'ResourceNotFoundException'
	);
}

/**
 * The functions tagged for a lab, with their runtime and execution role (GetFunctionConfiguration per
 * function, which the policy allows only on functions tagged `sre-lab=lab*`). The configuration also holds
 * environment variables: only the fields below are kept. A function the tag index still lists but Lambda
 * no longer has (deleted since) is left out; any other failed read fails the whole list, because a check
 * that looks for the learner's function must not conclude from a partial one.
 */
export const lambdaFunctions: Collector<LambdaFunction[]> = {
	id: 'lambda.functions',
	description: 'Lambda functions tagged sre-lab=lab*, with their runtime and execution role',
	iamActions: ['lambda:GetFunctionConfiguration'],
	iamScopes: { 'lambda:GetFunctionConfiguration': sreLabFunctions },
	needs: ['lambda.function-tags'],
	async collect({ clients, need }) {
		const lambda = clients.get(LambdaClient);
		const arns = Object.entries(need<PerResource<Record<string, string>>>('lambda.function-tags'))
			.filter(([, outcome]) => outcome.ok && isLabTagValue(outcome.data[labTagKey]))
			.map(([arn]) => arn);
		const limit = pLimit(fanOutConcurrency);
		const found = await Promise.all(
			arns.map((arn) =>
				limit(async (): Promise<LambdaFunction | null> => {
					try {
						const fn = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: arn }));
						return {
							functionName: fn.FunctionName ?? arn.split(':').at(-1) ?? arn,
							// The tag index's ARN: the tags are keyed by it, and it is the unqualified one targets use.
							functionArn: arn,
							runtime: fn.Runtime ?? null,
							roleArn: fn.Role ?? '',
							lastModified: fn.LastModified ?? null,
						};
					} catch (error) {
						if (isNotFound(error)) return null;
						throw error;
					}
				}),
			),
		);
		return found
			.filter((fn): fn is LambdaFunction => fn !== null)
			.sort((a, b) => a.functionName.localeCompare(b.functionName));
	},
};
