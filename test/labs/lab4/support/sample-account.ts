import { type Cfn, type Deployment, Resolver, readTemplate, sampleAccount } from './cloudformation.ts';

/** A resource as ListStackResources names it. */
export interface StackResource {
	logicalId: string;
	physicalId: string;
	type: string;
}

/** A stack deployed in the sample account: how to resolve its template, its resources and its exports. */
export interface DeployedStack {
	stackName: string;
	stackId: string;
	resolver: Resolver;
	resources: StackResource[];
	/** Logical id → physical id (what Ref returns). */
	refs: Record<string, string>;
	exports: Record<string, string>;
}

const { partition, region, accountId } = sampleAccount;

/** CloudFormation's random suffix of a generated name, made repeatable from the stack and logical id. */
function suffix(seed: string): string {
	let hash = 7;
	for (const character of seed) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
	return `${hash.toString(36)}${((hash ^ 0x5bd1e995) >>> 0).toString(36)}`.toUpperCase().padEnd(12, 'X').slice(0, 12);
}

/**
 * The physical id CloudFormation gives a resource the template does not name: `<stack>-<LogicalId>-<SUFFIX>`
 * for functions, roles, tables and alarms (lower case for buckets), an ARN for topics, a short id for
 * HTTP APIs and `EXT…` for FIS experiment templates. A plain-string name in the template is kept.
 */
function physicalId(stackName: string, logicalId: string, resource: Cfn): string {
	const named = ['Name', 'FunctionName', 'RoleName', 'TableName', 'AlarmName', 'BucketName', 'LogGroupName']
		.map((property) => resource.Properties?.[property])
		.find((value) => typeof value === 'string');
	if (named) return named;
	const generated = `${stackName}-${logicalId}-${suffix(`${stackName}/${logicalId}`)}`;
	switch (resource.Type) {
		case 'AWS::S3::Bucket':
			return generated.toLowerCase();
		case 'AWS::SNS::Topic':
			return `arn:${partition}:sns:${region}:${accountId}:${generated}`;
		case 'AWS::ApiGatewayV2::Api':
			return suffix(`${stackName}/${logicalId}`).slice(0, 10).toLowerCase();
		case 'AWS::FIS::ExperimentTemplate':
			return `EXT${suffix(`${stackName}/${logicalId}`)}ab`;
		default:
			return generated;
	}
}

/** What Fn::GetAtt <resource>.Arn returns for the types the sample templates ask it of. */
function arnOf(type: string, id: string): string | null {
	const arns: Record<string, string> = {
		'AWS::IAM::Role': `arn:${partition}:iam::${accountId}:role/${id}`,
		'AWS::Lambda::Function': `arn:${partition}:lambda:${region}:${accountId}:function:${id}`,
		'AWS::DynamoDB::Table': `arn:${partition}:dynamodb:${region}:${accountId}:table/${id}`,
		'AWS::S3::Bucket': `arn:${partition}:s3:::${id}`,
		'AWS::CloudWatch::Alarm': `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${id}`,
		'AWS::Logs::LogGroup': `arn:${partition}:logs:${region}:${accountId}:log-group:${id}:*`,
	};
	return arns[type] ?? null;
}

/** Deploys a template in the sample account, as `aws cloudformation deploy --parameter-overrides …` would. */
export function deploy(
	stackName: string,
	template: Cfn,
	parameters: Record<string, string> = {},
	exports: Record<string, string> = {},
): DeployedStack {
	const base: Deployment = { stackName, template, parameters, exports };
	const resources = new Resolver(base).createdResources().map(([logicalId, resource]) => ({
		logicalId,
		physicalId: physicalId(stackName, logicalId, resource),
		type: resource.Type,
	}));
	const refs = Object.fromEntries(resources.map((resource) => [resource.logicalId, resource.physicalId]));
	const attributes = Object.fromEntries(
		resources.flatMap(({ logicalId, physicalId: id, type }) => {
			const arn = arnOf(type, id);
			return arn ? [[`${logicalId}.Arn`, arn]] : [];
		}),
	);
	const resolver = new Resolver({ ...base, refs, attributes });
	return {
		stackName,
		stackId: `arn:${partition}:cloudformation:${region}:${accountId}:stack/${stackName}/${suffix(stackName).toLowerCase()}-0000-4000-8000-000000000000`,
		resolver,
		resources,
		refs,
		exports: resolver.exports(),
	};
}

/**
 * The Lab 3 application as Lab 4 needs it (labs/lab4/solution/README.md, step 1): FaultInjection=fis with
 * the FIS extension layer, after Lab 3 turned tracing and access logs on.
 */
export const appStack = deploy('sre-lab3-app', readTemplate('labs/lab3/app/template.yaml'), {
	FaultInjection: 'fis',
	// The public parameter /aws/service/fis/lambda-extension/... names the real layer; any ARN of that form deploys.
	FisExtensionLayerArn: `arn:${partition}:lambda:${region}:111122223333:layer:aws-fis-extension-x86_64:9`,
	TracingMode: 'Active',
	AccessLogs: 'Enabled',
});

/** The Lab 3 reference monitoring (labs/lab3/solution/monitoring.yaml), deployed as its header says. */
export const monitoringStack = deploy(
	'sre-lab3-monitoring',
	readTemplate('labs/lab3/solution/monitoring.yaml'),
	{ AppStackName: appStack.stackName, AlertEmail: 'learner@example.com' },
	appStack.exports,
);

export const experimentTemplatePath = 'labs/lab4/solution/experiment.yaml';

/** The Lab 4 experiment stack, deployed on the sample app with the given parameter overrides. */
export const deployExperiment = (template: Cfn, parameters: Record<string, string> = {}) =>
	deploy('sre-lab4-experiment', template, parameters, appStack.exports);
