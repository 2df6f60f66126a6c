/**
 * A Lab 3 learner who did every step, written into moto through the AWS SDK: the application stack
 * (through CloudFormation, tagged sre-lab=lab3, functions with Active tracing), the HTTP API with
 * access logs, traces of a request through both services, the golden-signals dashboard, the latency
 * and error-rate alarms with their topic, and the fault switch turned on and off again.
 *
 * moto's CloudFormation does not model AWS::ApiGatewayV2::* (such resources come back without type
 * or id) and drops a function's TracingConfig, so the API and one traced function are also created
 * through the SDK, next to the stack: lab3.test.ts reads them with the stack-scoped collectors.
 */
import { ApiGatewayV2Client, CreateApiCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CloudFormationClient, CreateStackCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, PutDashboardCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { PutTraceSegmentsCommand, XRayClient } from '@aws-sdk/client-xray';
import { lab3FaultParameter } from '../../../graders/collectors/ssm/lab3-fault-history.ts';
import type { SeedingClients } from '../support/moto-account.ts';

export const lab3Names = {
	stack: 'sre-lab3-app',
	api: 'sre-lab3-orders',
	accessLogGroup: '/sre-lab/lab3/api-access',
	latencyAlarm: 'sre-lab3-p90-latency',
	errorAlarm: 'sre-lab3-error-rate',
	topic: 'sre-lab3-alerts',
	dashboard: 'sre-lab3-golden-signals',
	tracedFunction: 'sre-lab3-traced-orders',
} as const;

export interface Lab3Seed {
	stackId: string;
	functionNames: string[];
	apiId: string;
	topicArn: string;
	subscriptionArn: string;
	traceId: string;
}

const lambdaTrust = {
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const tracedFunction = (code: string) => ({
	Type: 'AWS::Lambda::Function',
	Properties: {
		Runtime: 'nodejs22.x',
		Handler: 'index.handler',
		Role: { 'Fn::GetAtt': ['ServiceRole', 'Arn'] },
		Code: { ZipFile: code },
		TracingConfig: { Mode: 'Active' },
	},
});

/** The application's template, cut down to the resource types moto's CloudFormation models. */
const appTemplate = {
	AWSTemplateFormatVersion: '2010-09-09',
	Resources: {
		FaultSwitch: {
			Type: 'AWS::SSM::Parameter',
			Properties: { Name: lab3FaultParameter, Type: 'String', Value: 'off' },
		},
		ServiceRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: lambdaTrust } },
		OrdersFunction: tracedFunction('exports.handler = async () => ({ statusCode: 200 });'),
		InventoryFunction: tracedFunction('exports.handler = async () => ({ inStock: true });'),
		OrdersTable: {
			Type: 'AWS::DynamoDB::Table',
			Properties: {
				BillingMode: 'PAY_PER_REQUEST',
				AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
				KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
			},
		},
	},
	Outputs: { SreLab: { Value: 'lab3' } },
};

/** A segment document as the X-Ray SDK sends it (times in epoch seconds). */
function segment(traceId: string, id: string, name: string, origin: string, start: number, parentId?: string) {
	return JSON.stringify({
		trace_id: traceId,
		id,
		name,
		origin,
		start_time: start,
		end_time: start + 0.2,
		...(parentId ? { parent_id: parentId } : {}),
	});
}

export async function seedLab3Account(clients: SeedingClients): Promise<Lab3Seed> {
	const cloudformation = clients.get(CloudFormationClient);
	const stack = await cloudformation.send(
		new CreateStackCommand({
			StackName: lab3Names.stack,
			TemplateBody: JSON.stringify(appTemplate),
			Capabilities: ['CAPABILITY_IAM'],
			Tags: [{ Key: 'sre-lab', Value: 'lab3' }],
		}),
	);
	const resources = await cloudformation.send(new ListStackResourcesCommand({ StackName: lab3Names.stack }));
	const functionNames = (resources.StackResourceSummaries ?? [])
		.filter((resource) => resource.ResourceType === 'AWS::Lambda::Function')
		.map((resource) => resource.PhysicalResourceId as string)
		.sort();

	const logs = clients.get(CloudWatchLogsClient);
	await logs.send(new CreateLogGroupCommand({ logGroupName: lab3Names.accessLogGroup }));
	const region = await logs.config.region();
	const apigateway = clients.get(ApiGatewayV2Client);
	const api = await apigateway.send(new CreateApiCommand({ Name: lab3Names.api, ProtocolType: 'HTTP' }));
	const apiId = api.ApiId as string;
	await apigateway.send(
		new CreateStageCommand({
			ApiId: apiId,
			StageName: '$default',
			AutoDeploy: true,
			AccessLogSettings: {
				DestinationArn: `arn:aws:logs:${region}:123456789012:log-group:${lab3Names.accessLogGroup}`,
				Format: '{"requestId":"$context.requestId","status":"$context.status"}',
			},
		}),
	);

	const roleArn = (resources.StackResourceSummaries ?? []).find(
		(resource) => resource.ResourceType === 'AWS::IAM::Role',
	)?.PhysicalResourceId;
	await clients.get(LambdaClient).send(
		new CreateFunctionCommand({
			FunctionName: lab3Names.tracedFunction,
			Runtime: 'nodejs22.x',
			Handler: 'index.handler',
			Role: `arn:aws:iam::123456789012:role/${roleArn}`,
			Code: { ZipFile: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]) },
			TracingConfig: { Mode: 'Active' },
		}),
	);

	// One request through the API and both functions, a minute ago.
	const now = Date.now() / 1000 - 60;
	const traceId = `1-${Math.floor(now).toString(16)}-${'a1b2c3d4e5f6a7b8c9d0e1f2'}`;
	await clients.get(XRayClient).send(
		new PutTraceSegmentsCommand({
			TraceSegmentDocuments: [
				segment(traceId, '1111111111111111', `${lab3Names.api}/$default`, 'AWS::ApiGateway::Stage', now),
				segment(traceId, '2222222222222222', functionNames[1] ?? 'orders', 'AWS::Lambda::Function', now + 0.01),
				segment(traceId, '3333333333333333', functionNames[0] ?? 'inventory', 'AWS::Lambda::Function', now + 0.05),
			],
		}),
	);

	const sns = clients.get(SNSClient);
	const topicArn = (await sns.send(new CreateTopicCommand({ Name: lab3Names.topic }))).TopicArn as string;
	const subscription = await sns.send(
		new SubscribeCommand({ TopicArn: topicArn, Protocol: 'email', Endpoint: 'oncall@example.com' }),
	);

	const cloudwatch = clients.get(CloudWatchClient);
	const apiDimension = [{ Name: 'ApiId', Value: apiId }];
	await cloudwatch.send(
		new PutMetricAlarmCommand({
			AlarmName: lab3Names.latencyAlarm,
			Namespace: 'AWS/ApiGateway',
			MetricName: 'Latency',
			Dimensions: apiDimension,
			ExtendedStatistic: 'p90',
			Period: 60,
			EvaluationPeriods: 3,
			DatapointsToAlarm: 2,
			Threshold: 1000,
			ComparisonOperator: 'GreaterThanThreshold',
			TreatMissingData: 'notBreaching',
			AlarmActions: [topicArn],
			OKActions: [topicArn],
		}),
	);
	const apiMetric = (id: string, metricName: string) => ({
		Id: id,
		ReturnData: false,
		MetricStat: {
			Metric: { Namespace: 'AWS/ApiGateway', MetricName: metricName, Dimensions: apiDimension },
			Period: 60,
			Stat: 'Sum',
		},
	});
	await cloudwatch.send(
		new PutMetricAlarmCommand({
			AlarmName: lab3Names.errorAlarm,
			Metrics: [
				apiMetric('errors', '5xx'),
				apiMetric('requests', 'Count'),
				{
					Id: 'rate',
					Label: 'Error rate (%)',
					Expression: 'IF(requests > 0, 100 * errors / requests, 0)',
					ReturnData: true,
				},
			],
			EvaluationPeriods: 3,
			DatapointsToAlarm: 2,
			Threshold: 5,
			ComparisonOperator: 'GreaterThanThreshold',
			TreatMissingData: 'notBreaching',
			AlarmActions: [topicArn],
			OKActions: [topicArn],
		}),
	);
	const [inventory = '', orders = ''] = functionNames;
	await cloudwatch.send(
		new PutDashboardCommand({
			DashboardName: lab3Names.dashboard,
			DashboardBody: JSON.stringify({
				widgets: [
					{
						type: 'metric',
						properties: {
							title: 'Latency',
							region,
							metrics: [
								['AWS/ApiGateway', 'Latency', 'ApiId', apiId, { stat: 'p50' }],
								['...', { stat: 'p90' }],
							],
						},
					},
					{
						type: 'metric',
						properties: {
							title: 'Traffic',
							region,
							stat: 'Sum',
							metrics: [['AWS/ApiGateway', 'Count', 'ApiId', apiId]],
						},
					},
					{
						type: 'metric',
						properties: {
							title: 'Errors',
							region,
							stat: 'Sum',
							metrics: [
								['AWS/ApiGateway', '5xx', 'ApiId', apiId],
								['AWS/Lambda', 'Errors', 'FunctionName', inventory],
							],
						},
					},
					{
						type: 'metric',
						properties: {
							title: 'Saturation',
							region,
							stat: 'Maximum',
							metrics: [
								['AWS/Lambda', 'ConcurrentExecutions', 'FunctionName', orders],
								['.', 'Throttles', '.', orders, { stat: 'Sum' }],
							],
						},
					},
				],
			}),
		}),
	);

	// The fault drill: switched on, then off again.
	const ssm = clients.get(SSMClient);
	for (const value of ['latency', 'off']) {
		await ssm.send(
			new PutParameterCommand({ Name: lab3FaultParameter, Value: value, Type: 'String', Overwrite: true }),
		);
	}

	return {
		stackId: stack.StackId as string,
		functionNames,
		apiId,
		topicArn,
		subscriptionArn: subscription.SubscriptionArn as string,
		traceId,
	};
}
