import { LambdaClient, ListTagsCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';

export interface LambdaFunction {
	functionName: string;
	functionArn: string;
	runtime: string | null;
	/** The execution role the function runs as. */
	roleArn: string;
	lastModified: string | null;
}

/** Every Lambda function in the region (ListFunctions does not return tags: see lambda.function-tags). */
export const lambdaFunctions: Collector<LambdaFunction[]> = {
	id: 'lambda.functions',
	description: 'Lambda functions with their runtime and execution role',
	iamActions: ['lambda:ListFunctions'],
	async collect({ clients }) {
		const functions: LambdaFunction[] = [];
		for await (const page of paginateListFunctions({ client: clients.get(LambdaClient), pageSize: 50 }, {})) {
			for (const fn of page.Functions ?? []) {
				if (!fn.FunctionName || !fn.FunctionArn) continue;
				functions.push({
					functionName: fn.FunctionName,
					functionArn: fn.FunctionArn,
					runtime: fn.Runtime ?? null,
					roleArn: fn.Role ?? '',
					lastModified: fn.LastModified ?? null,
				});
			}
		}
		return functions.sort((a, b) => a.functionName.localeCompare(b.functionName));
	},
};

/** The tags of every function, keyed by function ARN; labs find their functions by the sre-lab tag. */
export const lambdaFunctionTags: Collector<PerResource<Record<string, string>>> = {
	id: 'lambda.function-tags',
	description: 'Tags of every Lambda function',
	iamActions: ['lambda:ListTags'],
	needs: ['lambda.functions'],
	async collect({ clients, need }) {
		const lambda = clients.get(LambdaClient);
		const arns = need<LambdaFunction[]>('lambda.functions').map((fn) => fn.functionArn);
		return fanOut(
			arns,
			async (arn) => ({ ...((await lambda.send(new ListTagsCommand({ Resource: arn }))).Tags ?? {}) }),
			{ service: 'lambda', operation: 'ListTags' },
		);
	},
};
