import { describe, expect, it } from 'vitest';
import { type Cfn, readTemplate } from './support/cloudformation.ts';
import { allowingStatements } from './support/iam-policy.ts';
import { appStack, deployExperiment, experimentTemplatePath } from './support/sample-account.ts';

const experiment = readTemplate(experimentTemplatePath);
const app = readTemplate('labs/lab3/app/template.yaml');
const monitoring = readTemplate('labs/lab3/solution/monitoring.yaml');
const resources = experiment.Resources;

/** The solution deployed with its parameters' defaults on the sample Lab 3 app stack (FIS on). */
const deployed = deployExperiment(experiment);
const resolve = (node: Cfn) => deployed.resolver.resolve(node);

const functionArn = (logicalId: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${appStack.refs[logicalId]}`;
const ordersArn = functionArn('OrdersFunction');
const inventoryArn = functionArn('InventoryFunction');
const configBucket = appStack.refs.FisConfigBucket as string;
const configLocation = `arn:aws:s3:::${configBucket}/FisConfigs/`;

const roleStatements = (): Cfn[] => resolve(resources.ExperimentRole.Properties.Policies[0].PolicyDocument.Statement);

/** Whether the role's identity policy allows the action on the resource (Allow only; it has no Deny). */
const allows = (action: string, resource: string) => allowingStatements(roleStatements(), action, resource).length > 0;

describe('Lab 4 reference solution: the FIS experiment template (steps 1-3)', () => {
	const template = resources.InvocationDelayExperiment.Properties;

	it('is an FIS experiment template tagged sre-lab=lab4, run as its own role', () => {
		expect(resources.InvocationDelayExperiment.Type).toBe('AWS::FIS::ExperimentTemplate');
		expect(template.Tags['sre-lab']).toBe('lab4');
		expect(template.RoleArn).toEqual({ 'Fn::GetAtt': ['ExperimentRole', 'Arn'] });
		expect(template.ExperimentOptions.EmptyTargetResolutionMode).toBe('fail');
	});

	it('delays invocations through the FIS Lambda extension on exactly the two Lab 3 functions, by ARN', () => {
		const actions = Object.values(template.Actions) as Cfn[];
		expect(actions).toHaveLength(1);
		const [action] = actions;
		expect(action.ActionId).toBe('aws:lambda:invocation-add-delay');
		expect(Object.keys(action.Targets)).toEqual(['Functions']);
		const target = template.Targets[action.Targets.Functions];
		expect(target.ResourceType).toBe('aws:lambda:function');
		expect(target.SelectionMode).toBe('ALL');
		expect(target.ResourceTags).toBeUndefined();
		expect(resolve(target.ResourceArns)).toEqual([ordersArn, inventoryArn]);
	});

	it('adds enough delay for the Lab 3 latency alarm, within the functions timeouts, for a bounded time', () => {
		const parameters = resolve(Object.values(template.Actions)[0] as Cfn).Parameters;
		const delay = Number(parameters.startupDelayMilliseconds);
		expect(parameters.invocationPercentage).toBe('100');
		// orders waits for inventory, so a request through both is delayed twice; one through orders only, once.
		expect(delay).toBeGreaterThan(monitoring.Parameters.LatencyThresholdMs.Default);
		expect(2 * delay).toBeLessThan(app.Resources.InventoryFunction.Properties.Timeout * 1000);
		expect(parameters.duration).toMatch(new RegExp(experiment.Parameters.Duration.AllowedPattern));
		expect(Number(parameters.duration.match(/^PT(\d+)M$/)[1])).toBeLessThanOrEqual(15);
	});

	it('stops on a CloudWatch alarm: the Lab 3 error-rate alarm, named as the Lab 3 page names it', () => {
		expect(resolve(template.StopConditions)).toEqual([
			{ Source: 'aws:cloudwatch:alarm', Value: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:sre-lab3-error-rate' },
		]);
	});

	it('lets only this account’s FIS experiments assume the role', () => {
		const [trust] = resolve(resources.ExperimentRole.Properties.AssumeRolePolicyDocument.Statement);
		expect(trust.Principal).toEqual({ Service: 'fis.amazonaws.com' });
		expect(trust.Condition).toEqual({
			StringEquals: { 'aws:SourceAccount': '123456789012' },
			ArnLike: { 'aws:SourceArn': 'arn:aws:fis:eu-west-1:123456789012:experiment/*' },
		});
	});

	it('scopes the role to the targets and the configuration folder the Lab 3 functions read', () => {
		// The app template's AWS_FIS_CONFIGURATION_LOCATION, with this account's bucket.
		const appLocation = app.Resources.OrdersFunction.Properties.Environment.Variables.AWS_FIS_CONFIGURATION_LOCATION;
		expect(appStack.resolver.resolve(appLocation)).toBe(configLocation);

		for (const arn of [ordersArn, inventoryArn]) expect(allows('lambda:GetFunction', arn)).toBe(true);
		expect(allows('lambda:GetFunction', 'arn:aws:lambda:eu-west-1:123456789012:function:someone-else')).toBe(false);
		for (const action of ['s3:PutObject', 's3:DeleteObject']) {
			expect(allows(action, `${configLocation}aws-fis-config.json`)).toBe(true);
			expect(allows(action, `arn:aws:s3:::${configBucket}/elsewhere.json`)).toBe(false);
			expect(allows(action, 'arn:aws:s3:::another-bucket/FisConfigs/x.json')).toBe(false);
		}
		for (const action of ['lambda:UpdateFunctionConfiguration', 'lambda:InvokeFunction', 's3:GetObject']) {
			expect(allows(action, ordersArn) || allows(action, `${configLocation}x`)).toBe(false);
		}
	});

	it('grants nothing on every resource except tag:GetResources, which has no resource-level permissions', () => {
		const statements = roleStatements();
		const onEverything = (statement: Cfn) => [statement.Resource].flat().includes('*');
		expect(statements.filter(onEverything).map((statement: Cfn) => statement.Action)).toEqual(['tag:GetResources']);
		const scoped = statements
			.filter((statement: Cfn) => !onEverything(statement))
			.flatMap((statement: Cfn) => [statement.Resource].flat());
		expect(scoped).toEqual([ordersArn, inventoryArn, `${configLocation}*`]);
	});
});
