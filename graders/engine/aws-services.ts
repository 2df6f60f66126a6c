/**
 * How the SDK's client names map to IAM service prefixes. The read-only guard, the call counter and
 * error messages speak IAM ("ec2:DescribeInstances") because that is what a learner or an
 * administrator has to grant.
 */
const iamPrefixByClientName: Readonly<Record<string, string>> = {
	ApiGatewayV2Client: 'apigateway',
	ApplicationSignalsClient: 'application-signals',
	CloudFormationClient: 'cloudformation',
	CloudTrailClient: 'cloudtrail',
	CloudWatchClient: 'cloudwatch',
	CloudWatchLogsClient: 'logs',
	ConfigServiceClient: 'config',
	EC2Client: 'ec2',
	FisClient: 'fis',
	EventBridgeClient: 'events',
	IAMClient: 'iam',
	LambdaClient: 'lambda',
	ResourceGroupsClient: 'resource-groups',
	ResourceGroupsTaggingAPIClient: 'tag',
	SchedulerClient: 'scheduler',
	SNSClient: 'sns',
	SSMClient: 'ssm',
	STSClient: 'sts',
	XRayClient: 'xray',
};

export function iamPrefixForClient(clientName: string): string {
	return iamPrefixByClientName[clientName] ?? clientName.replace(/Client$/, '').toLowerCase();
}

/** `DescribeInstancesCommand` → `DescribeInstances`. */
export function operationFromCommandName(commandName: string): string {
	return commandName.replace(/Command$/, '');
}
