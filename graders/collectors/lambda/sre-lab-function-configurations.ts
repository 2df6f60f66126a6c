import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { sreLabFunctions } from '../../engine/iam-resources.ts';
import type { Collector, PerResource } from '../../engine/types.ts';
import type { StackResource } from '../cloudformation/sre-lab-stack-resources.ts';
import { fanOut } from '../fan-out.ts';

export interface FunctionConfiguration {
	functionName: string;
	functionArn: string;
	/** `Active` when the function sends traces to X-Ray; `PassThrough` otherwise. */
	tracingMode: string;
	runtime: string | null;
}

/** The configuration of every Lambda function that a lab stack created, keyed by function name. */
export const lambdaSreLabFunctionConfigurations: Collector<PerResource<FunctionConfiguration>> = {
	id: 'lambda.sre-lab-function-configurations',
	description: 'Configuration (tracing mode, runtime) of the Lambda functions in sre-lab stacks',
	iamActions: ['lambda:GetFunctionConfiguration'],
	// The configuration includes environment variables: only functions tagged for a lab (the lab stacks tag theirs).
	iamScopes: { 'lambda:GetFunctionConfiguration': sreLabFunctions },
	needs: ['cloudformation.sre-lab-stack-resources'],
	async collect({ clients, need }) {
		const lambda = clients.get(LambdaClient);
		const names = Object.values(need<PerResource<StackResource[]>>('cloudformation.sre-lab-stack-resources'))
			.flatMap((outcome) => (outcome.ok ? outcome.data : []))
			.filter((resource) => resource.type === 'AWS::Lambda::Function' && resource.physicalId !== '')
			.map((resource) => resource.physicalId);
		return fanOut(
			names,
			async (name) => {
				const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
				return {
					functionName: config.FunctionName ?? name,
					functionArn: config.FunctionArn ?? '',
					tracingMode: config.TracingConfig?.Mode ?? 'PassThrough',
					runtime: config.Runtime ?? null,
				};
			},
			{ service: 'lambda', operation: 'GetFunctionConfiguration' },
		);
	},
};
