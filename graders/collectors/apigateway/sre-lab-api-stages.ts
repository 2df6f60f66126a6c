import { ApiGatewayV2Client, GetStagesCommand } from '@aws-sdk/client-apigatewayv2';
import type { Collector, PerResource } from '../../engine/types.ts';
import type { StackResource } from '../cloudformation/sre-lab-stack-resources.ts';
import { fanOut } from '../fan-out.ts';

export interface ApiStage {
	stageName: string;
	/** The CloudWatch Logs (or Firehose) ARN access logs go to; null when access logging is off. */
	accessLogDestination: string | null;
	accessLogFormat: string | null;
}

/**
 * The stages of every HTTP or WebSocket API (API Gateway v2) that a lab stack created, keyed by API id.
 * API Gateway's IAM actions are HTTP verbs on resource paths, so reading is `apigateway:GET`.
 */
export const apigatewaySreLabApiStages: Collector<PerResource<ApiStage[]>> = {
	id: 'apigateway.sre-lab-api-stages',
	description: 'Stages (and their access-log settings) of the API Gateway v2 APIs in sre-lab stacks',
	iamActions: ['apigateway:GET'],
	// The SDK operation behind that verb, for the read-only guard's allow-list.
	operations: ['apigateway:GetStages'],
	// Stage lists of HTTP/WebSocket APIs only: on "*" apigateway:GET would also read API key values.
	iamScopes: { 'apigateway:GET': { resources: ['arn:aws:apigateway:*::/apis/*/stages'] } },
	needs: ['cloudformation.sre-lab-stack-resources'],
	async collect({ clients, need }) {
		const apigateway = clients.get(ApiGatewayV2Client);
		const apiIds = Object.values(need<PerResource<StackResource[]>>('cloudformation.sre-lab-stack-resources'))
			.flatMap((outcome) => (outcome.ok ? outcome.data : []))
			.filter((resource) => resource.type === 'AWS::ApiGatewayV2::Api' && resource.physicalId !== '')
			.map((resource) => resource.physicalId);
		return fanOut(
			apiIds,
			async (apiId) => {
				const stages: ApiStage[] = [];
				let nextToken: string | undefined;
				// The SDK has no paginator for GetStages, so follow NextToken by hand.
				do {
					const page = await apigateway.send(new GetStagesCommand({ ApiId: apiId, NextToken: nextToken }));
					for (const stage of page.Items ?? []) {
						stages.push({
							stageName: stage.StageName ?? '',
							accessLogDestination: stage.AccessLogSettings?.DestinationArn ?? null,
							accessLogFormat: stage.AccessLogSettings?.Format ?? null,
						});
					}
					nextToken = page.NextToken;
				} while (nextToken);
				return stages;
			},
			{ service: 'apigateway', operation: 'GetStages' },
		);
	},
};
