import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is free-form data
type Cfn = any;
const read = (path: string): Cfn => parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
const experiment = read('labs/lab4/solution/experiment.yaml');
const app = read('labs/lab3/app/template.yaml');
const monitoring = read('labs/lab3/solution/monitoring.yaml');
const resources = experiment.Resources;

/** The account the solution is deployed in, and what the Lab 3 app stack (sre-lab3-app, FIS on) exports there. */
const pseudo: Record<string, string> = {
	'AWS::Partition': 'aws',
	'AWS::Region': 'eu-west-1',
	'AWS::AccountId': '123456789012',
};
const configBucket = 'sre-lab3-app-fisconfigbucket-0a1b2c';
const exports: Record<string, string> = {
	'sre-lab3-app-OrdersFunctionName': 'sre-lab3-app-OrdersFunction-AbC123',
	'sre-lab3-app-InventoryFunctionName': 'sre-lab3-app-InventoryFunction-DeF456',
	'sre-lab3-app-FisConfigBucket': configBucket,
};
const ordersArn = 'arn:aws:lambda:eu-west-1:123456789012:function:sre-lab3-app-OrdersFunction-AbC123';
const inventoryArn = 'arn:aws:lambda:eu-west-1:123456789012:function:sre-lab3-app-InventoryFunction-DeF456';
const configLocation = `arn:aws:s3:::${configBucket}/FisConfigs/`;

/** What CloudFormation makes of a value with the parameters' defaults: Ref, Fn::Sub, Fn::ImportValue. */
function resolve(node: Cfn, names: Record<string, string> = {}): Cfn {
	if (typeof node === 'string' || typeof node === 'number') return String(node);
	if (Array.isArray(node)) return node.map((item) => resolve(item, names));
	if ('Ref' in node) return refValue(node.Ref, names);
	if ('Fn::ImportValue' in node) {
		const name = resolve(node['Fn::ImportValue'], names);
		if (!(name in exports)) throw new Error(`no export ${name}`);
		return exports[name];
	}
	if ('Fn::Sub' in node) {
		const [text, variables] = Array.isArray(node['Fn::Sub']) ? node['Fn::Sub'] : [node['Fn::Sub'], {}];
		const local = Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, resolve(value, names)]));
		return text.replace(/\$\{([^}]+)\}/g, (_: string, name: string) => local[name] ?? refValue(name, names));
	}
	if ('Fn::GetAtt' in node) return `<${[node['Fn::GetAtt']].flat().join('.')}>`;
	return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(value, names)]));
}

function refValue(name: string, names: Record<string, string>): string {
	if (name in names) return names[name] as string;
	if (name in pseudo) return pseudo[name] as string;
	const parameter = experiment.Parameters[name];
	if (parameter?.Default === undefined) throw new Error(`cannot resolve ${name}`);
	return String(parameter.Default);
}

/** IAM's wildcard match for an action or a resource ARN (case-insensitive actions, * and ?). */
const matches = (pattern: string, value: string, ignoreCase = false) =>
	new RegExp(
		`^${pattern
			.replace(/[.+^${}()|[\]\\]/g, '\\$&')
			.replace(/\*/g, '.*')
			.replace(/\?/g, '.')}$`,
		ignoreCase ? 'i' : '',
	).test(value);

const roleStatements = (): Cfn[] => resolve(resources.ExperimentRole.Properties.Policies[0].PolicyDocument.Statement);

/** Whether the role's identity policy allows the action on the resource (Allow only; it has no Deny). */
function allows(action: string, resource: string): boolean {
	return roleStatements().some(
		(statement: Cfn) =>
			statement.Effect === 'Allow' &&
			[statement.Action].flat().some((pattern: string) => matches(pattern, action, true)) &&
			[statement.Resource].flat().some((pattern: string) => matches(pattern, resource)),
	);
}

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
		const location = resolve(appLocation['Fn::If'][1], { FisConfigBucket: configBucket });
		expect(location).toBe(configLocation);

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
