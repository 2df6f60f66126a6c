import { GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { LambdaFunction } from './functions.ts';
import { labTaggedFunctions } from './lab-functions.ts';

/** The function's resource-based policy document, or null when it has none. */
export type FunctionPolicy = { document: unknown } | null;

function isNotFound(error: unknown): boolean {
	return (
		typeof error === 'object' && error !== null && (error as { name?: string }).name === 'ResourceNotFoundException'
	);
}

/**
 * Resource-based policies (who may invoke) of the sre-lab tagged functions, keyed by function ARN.
 * Lambda answers "no policy" with ResourceNotFoundException; that is data (nobody else may invoke),
 * not a failed read.
 */
export const lambdaFunctionPolicies: Collector<PerResource<FunctionPolicy>> = {
	id: 'lambda.function-policies',
	description: 'Resource-based policies of the Lambda functions tagged sre-lab',
	iamActions: ['lambda:GetPolicy'],
	needs: ['lambda.functions', 'lambda.function-tags'],
	async collect({ clients, need }) {
		const lambda = clients.get(LambdaClient);
		const functions = labTaggedFunctions(
			need<LambdaFunction[]>('lambda.functions'),
			need<PerResource<Record<string, string>>>('lambda.function-tags'),
		);
		return fanOut(
			functions.map((fn) => fn.functionArn),
			async (arn): Promise<FunctionPolicy> => {
				try {
					const { Policy } = await lambda.send(new GetPolicyCommand({ FunctionName: arn }));
					return Policy ? { document: JSON.parse(Policy) } : null;
				} catch (error) {
					if (isNotFound(error)) return null;
					throw error;
				}
			},
			{ service: 'lambda', operation: 'GetPolicy' },
		);
	},
};
