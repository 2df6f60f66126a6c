import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TEMPLATE_FILE } from '../../../../labs/lab3/app/build-template.ts';

// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is free-form data
type Cfn = any;
const template: Cfn = parse(readFileSync(TEMPLATE_FILE, 'utf8'));

const NO_VALUE = Symbol('AWS::NoValue');

/**
 * What CloudFormation would deploy with FaultInjection set to the given value, as far as conditions go:
 * resources and outputs whose condition is false are dropped, Fn::If takes its branch, and
 * AWS::NoValue removes the property or list item it stands in. Other intrinsics stay as written.
 */
function deployedWith(faultInjection: 'none' | 'fis'): Cfn {
	const conditions: Record<string, boolean> = {
		FisEnabled: faultInjection === 'fis',
		AccessLogsEnabled: false,
	};
	const resolve = (node: Cfn): Cfn => {
		if (Array.isArray(node)) return node.map(resolve).filter((item) => item !== NO_VALUE);
		if (node === null || typeof node !== 'object') return node;
		if (node.Ref === 'AWS::NoValue') return NO_VALUE;
		if ('Fn::If' in node) {
			const [name, whenTrue, whenFalse] = node['Fn::If'];
			if (!(name in conditions)) throw new Error(`test does not know condition ${name}`);
			return resolve(conditions[name] ? whenTrue : whenFalse);
		}
		const entries = Object.entries(node)
			.map(([key, value]) => [key, resolve(value)] as const)
			.filter(([, value]) => value !== NO_VALUE);
		return Object.fromEntries(entries);
	};
	const kept = (section: Record<string, Cfn>) =>
		Object.fromEntries(
			Object.entries(section).filter(([, item]) => !item.Condition || conditions[item.Condition] === true),
		);
	return { Resources: resolve(kept(template.Resources)), Outputs: resolve(kept(template.Outputs)) };
}

const functions = ['InventoryFunction', 'OrdersFunction'] as const;

describe('the application template: FaultInjection option for AWS FIS (Lab 4)', () => {
	it('is off by default, and needs the extension layer ARN when on', () => {
		expect(template.Parameters.FaultInjection).toMatchObject({ Default: 'none', AllowedValues: ['none', 'fis'] });
		expect(template.Parameters.FisExtensionLayerArn.Default).toBe('');
		const pattern = new RegExp(template.Parameters.FisExtensionLayerArn.AllowedPattern);
		expect('').toMatch(pattern);
		expect('arn:aws:lambda:eu-west-1:211125607513:layer:aws-fis-extension-x86_64:9').toMatch(pattern);
		expect('/aws/service/fis/lambda-extension/AWS-FIS-extension-x86_64/1.x.x').not.toMatch(pattern);
		const rule = template.Rules.FisNeedsTheExtensionLayer;
		expect(rule.RuleCondition).toEqual({ 'Fn::Equals': [{ Ref: 'FaultInjection' }, 'fis'] });
		expect(rule.Assertions[0].Assert).toEqual({
			'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'FisExtensionLayerArn' }, ''] }],
		});
	});

	it('with none, deploys the Lab 3 application exactly as before: no layer, no FIS variable, no bucket', () => {
		const off = deployedWith('none');
		expect(Object.keys(off.Resources)).not.toContain('FisConfigBucket');
		expect(Object.keys(off.Resources)).not.toContain('FisExtensionReadAccess');
		expect(Object.keys(off.Outputs)).not.toContain('FisConfigBucket');
		expect(off.Resources.InventoryFunction.Properties.Layers).toBeUndefined();
		expect(off.Resources.OrdersFunction.Properties.Layers).toBeUndefined();
		expect(Object.keys(off.Resources.InventoryFunction.Properties.Environment.Variables)).toEqual([
			'TABLE_NAME',
			'FAULT_PARAMETER',
		]);
		expect(Object.keys(off.Resources.OrdersFunction.Properties.Environment.Variables)).toEqual([
			'TABLE_NAME',
			'INVENTORY_FUNCTION',
		]);
	});

	it('with fis, gives both functions the extension layer and the two variables the FIS user guide requires', () => {
		const on = deployedWith('fis');
		for (const name of functions) {
			const fn = on.Resources[name].Properties;
			expect(fn.Layers).toEqual([{ Ref: 'FisExtensionLayerArn' }]);
			expect(fn.Environment.Variables.AWS_LAMBDA_EXEC_WRAPPER).toBe('/opt/aws-fis/bootstrap');
			expect(fn.Environment.Variables.AWS_FIS_CONFIGURATION_LOCATION).toEqual({
				'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${FisConfigBucket}/FisConfigs/`,
			});
			// The extension is a wrapper script: managed runtimes only, and the x86_64 layer for x86_64 functions.
			expect(fn.Runtime).toMatch(/^nodejs2\d\.x$/);
			expect(fn.Architectures ?? ['x86_64']).toEqual(['x86_64']);
		}
		expect(on.Outputs.FisConfigurationLocation.Value).toEqual(
			on.Resources.OrdersFunction.Properties.Environment.Variables.AWS_FIS_CONFIGURATION_LOCATION,
		);
		expect(on.Outputs.FisConfigBucket.Export.Name).toEqual({ 'Fn::Sub': `\${AWS::StackName}-FisConfigBucket` });
	});

	it('with fis, creates a private bucket and lets both function roles read only the configuration folder', () => {
		const on = deployedWith('fis');
		const bucket = on.Resources.FisConfigBucket.Properties;
		expect(Object.values(bucket.PublicAccessBlockConfiguration)).toEqual([true, true, true, true]);
		expect(bucket.LifecycleConfiguration.Rules[0]).toMatchObject({ Status: 'Enabled', ExpirationInDays: 1 });
		expect(bucket.Tags).toContainEqual({ Key: 'sre-lab', Value: 'lab3' });

		const policy = on.Resources.FisExtensionReadAccess.Properties;
		expect(policy.Roles).toEqual([{ Ref: 'InventoryRole' }, { Ref: 'OrdersRole' }]);
		expect(policy.PolicyDocument.Statement).toEqual([
			{
				Effect: 'Allow',
				Action: 's3:ListBucket',
				Resource: { 'Fn::GetAtt': ['FisConfigBucket', 'Arn'] },
				Condition: { StringLike: { 's3:prefix': 'FisConfigs/*' } },
			},
			{ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Sub': `\${FisConfigBucket.Arn}/FisConfigs/*` } },
		]);
	});
});
