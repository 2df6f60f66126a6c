import { describe, expect, it } from 'vitest';
import type {
	ExperimentTemplate,
	TemplateTarget,
} from '../../../../graders/collectors/fis/lab4-experiment-templates.ts';
import {
	functionsOfTarget,
	lambdaFaultTargets,
	unqualifiedFunctionArn,
} from '../../../../graders/collectors/fis/lambda-fault-targets.ts';

const orders = 'arn:aws:lambda:eu-west-1:123456789012:function:orders';
const inventory = 'arn:aws:lambda:eu-west-1:123456789012:function:inventory';
const target = (part: Partial<TemplateTarget>): TemplateTarget => ({
	resourceType: 'aws:lambda:function',
	resourceArns: [],
	resourceTags: {},
	...part,
});

describe('Lambda fault targets', () => {
	it('drops a version or alias from a function ARN, and rejects what is not one', () => {
		expect(unqualifiedFunctionArn(`${orders}:live`)).toBe(orders);
		expect(unqualifiedFunctionArn(`${orders}:7`)).toBe(orders);
		expect(unqualifiedFunctionArn(orders)).toBe(orders);
		expect(unqualifiedFunctionArn('arn:aws:ec2:eu-west-1:123456789012:instance/i-0123')).toBeNull();
	});

	it('resolves tags the way FIS does: a function must carry every tag of the target', () => {
		const tagged = { [orders]: { 'sre-lab': 'lab3', tier: 'api' }, [inventory]: { 'sre-lab': 'lab3' } };
		expect(functionsOfTarget(target({ resourceTags: { 'sre-lab': 'lab3', tier: 'api' } }), tagged).arns).toEqual([
			orders,
		]);
		expect(functionsOfTarget(target({ resourceTags: { 'sre-lab': 'lab3' } }), tagged).arns).toEqual([
			inventory,
			orders,
		]);
		expect(functionsOfTarget(target({ resourceTags: { 'sre-lab': 'lab3' } }), null)).toEqual({
			arns: [],
			tagsUnknown: true,
		});
	});

	it('pairs only the Lambda fault actions with their aws:lambda:function targets', () => {
		const template: ExperimentTemplate = {
			id: 'EXT1',
			roleArn: 'arn:aws:iam::123456789012:role/fis',
			actions: [
				{ name: 'errors', actionId: 'aws:lambda:invocation-error', targets: { Functions: 'fns' } },
				{ name: 'wait', actionId: 'aws:fis:wait', targets: {} },
				{ name: 'stop', actionId: 'aws:ec2:stop-instances', targets: { Instances: 'vms' } },
				{ name: 'dangling', actionId: 'aws:lambda:invocation-add-delay', targets: { Functions: 'missing' } },
			],
			targets: { fns: target({ resourceArns: [orders] }), vms: { ...target({}), resourceType: 'aws:ec2:instance' } },
			stopConditions: [],
		};
		expect(lambdaFaultTargets(template).map(({ action, targetName }) => [action.name, targetName])).toEqual([
			['errors', 'fns'],
		]);
	});
});
