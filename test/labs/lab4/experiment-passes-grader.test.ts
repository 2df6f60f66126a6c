import { SimulatePrincipalPolicyCommand, type SimulatePrincipalPolicyCommandInput } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { outsiderFunctionName } from '../../../graders/collectors/iam/fis-role-scope.ts';
import type { CheckResult } from '../../../graders/engine/types.ts';
import { lab4 } from '../../../graders/labs/lab4/index.ts';
import {
	collectedAt,
	completeLab4Account,
	type Lab4Account,
	mockLab4Account,
	region,
} from '../../graders/labs/lab4/support/lab4-account.ts';
import { gradeCheck } from '../../graders/labs/lab4/support/lab4-steps.ts';
import { collectFromMockedAccount } from '../../graders/support/collect-mocked.ts';
import { fisCommands } from '../../graders/support/fis-mock.ts';
import { type Cfn, readTemplate } from './support/cloudformation.ts';
import { metricAlarmFromCfn } from './support/cloudwatch-alarm.ts';
import { experimentTemplateFromCfn } from './support/fis-experiment-template.ts';
import { type InlinePolicy, simulateInlinePolicies } from './support/iam-policy.ts';
import {
	appStack,
	type DeployedStack,
	deployExperiment,
	experimentTemplatePath,
	monitoringStack,
} from './support/sample-account.ts';

const checkId = 'experiment-template-ready';
const solution = readTemplate(experimentTemplatePath);

/** The Lab 3 reference alarms as DescribeAlarms lists them, named and resolved by CloudFormation. */
const lab3Alarms = monitoringStack.resources
	.filter((resource) => resource.type === 'AWS::CloudWatch::Alarm')
	.map(({ logicalId, physicalId }) =>
		metricAlarmFromCfn(
			monitoringStack.resolver.resolve(monitoringStack.resolver.deployment.template.Resources[logicalId].Properties),
			physicalId,
			monitoringStack.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] }),
		),
	);
const errorRateAlarm = monitoringStack.refs.ErrorRateAlarm as string;
const appFunctions = appStack.resources.filter((resource) => resource.type === 'AWS::Lambda::Function');

/** The single resource of a type in a deployed stack. */
function onlyResource(stack: DeployedStack, type: string): { logicalId: string; physicalId: string; properties: Cfn } {
	const found = stack.resources.filter((resource) => resource.type === type);
	if (found.length !== 1) throw new Error(`${stack.stackName}: ${found.length} resources of type ${type}, not 1`);
	const [{ logicalId, physicalId }] = found as [(typeof found)[number]];
	return { logicalId, physicalId, properties: stack.resolver.deployment.template.Resources[logicalId].Properties };
}

/**
 * A learner's account after deploying `template` as labs/lab4/solution/README.md says (the stop
 * condition names the monitoring stack's error-rate alarm), graded by check 1 through the real
 * collectors: FIS answers GetExperimentTemplate with what it keeps of the resolved template, and IAM
 * simulates the experiment role by evaluating that template's own role policy.
 */
async function gradeDeployed(template: Cfn): Promise<{ result: CheckResult; simulated: string[] }> {
	const experiment = deployExperiment(template, { StopConditionAlarmName: errorRateAlarm });
	const fisTemplate = onlyResource(experiment, 'AWS::FIS::ExperimentTemplate');
	const apiTemplate = experimentTemplateFromCfn(experiment.resolver.resolve(fisTemplate.properties), {
		id: fisTemplate.physicalId,
		at: new Date('2026-11-22T09:00:00Z'),
	});
	const role = onlyResource(experiment, 'AWS::IAM::Role');
	const roleArn = experiment.resolver.resolve({ 'Fn::GetAtt': [role.logicalId, 'Arn'] });
	const policies: InlinePolicy[] = experiment.resolver.resolve(role.properties.Policies).map((policy: Cfn) => ({
		name: policy.PolicyName,
		statements: [policy.PolicyDocument.Statement].flat(),
	}));

	const account: Lab4Account = {
		...completeLab4Account(),
		stacks: [
			{ stack: appStack, lab: 'lab3' },
			{ stack: monitoringStack, lab: 'lab3' },
			{ stack: experiment, lab: 'lab4' },
		].map(({ stack, lab }) => ({
			name: stack.stackName,
			id: stack.stackId,
			status: 'CREATE_COMPLETE',
			tags: { 'sre-lab': lab },
		})),
		resources: Object.fromEntries(
			[appStack, monitoringStack, experiment].map((stack) => [stack.stackId, stack.resources]),
		),
		// CloudFormation puts the stack's tags (--tags sre-lab=lab3) and its own on the functions.
		functionTags: Object.fromEntries(
			appFunctions.map(({ logicalId, physicalId }) => [
				physicalId,
				{
					'sre-lab': 'lab3',
					'aws:cloudformation:stack-name': appStack.stackName,
					'aws:cloudformation:stack-id': appStack.stackId,
					'aws:cloudformation:logical-id': logicalId,
				},
			]),
		),
		alarms: lab3Alarms,
		compositeAlarms: [],
		fisTemplates: [
			{
				id: apiTemplate.id as string,
				tags: apiTemplate.tags ?? {},
				roleArn: apiTemplate.roleArn as string,
				targets: apiTemplate.targets ?? {},
				actions: apiTemplate.actions ?? {},
				stopConditions: apiTemplate.stopConditions ?? [],
			},
		],
		// Answered below from the role's own policy instead of a list of ARNs.
		roleAllows: {},
	};

	const simulated: string[] = [];
	const snapshot = await collectFromMockedAccount({
		collectors: lab4.collectors,
		installMocks: () => mockLab4Account(account),
		region,
		collectedAt,
		before(mocks) {
			mocks.fis.on(fisCommands.GetExperimentTemplate).callsFake((input: { id: string }) => {
				if (input.id !== apiTemplate.id) throw new Error(`unexpected template ${input.id}`);
				return { experimentTemplate: apiTemplate };
			});
			mocks.iam.on(SimulatePrincipalPolicyCommand).callsFake((input: SimulatePrincipalPolicyCommandInput) => {
				if (input.PolicySourceArn !== roleArn) {
					throw Object.assign(new Error(`The role with name ${input.PolicySourceArn} cannot be found.`), {
						name: 'NoSuchEntityException',
						$metadata: { httpStatusCode: 404 },
					});
				}
				simulated.push(...(input.ResourceArns ?? ['*']));
				return simulateInlinePolicies(policies, input.ActionNames ?? [], input.ResourceArns);
			});
		},
	});
	return { result: gradeCheck(snapshot, checkId), simulated };
}

/** The solution with one edit, the rest untouched. */
function edited(edit: (template: Cfn) => void): Cfn {
	const copy = structuredClone(solution);
	edit(copy);
	return copy;
}

describe('Lab 4 reference solution, step 1: what the grader makes of experiment.yaml deployed on the Lab 3 app', () => {
	it('passes experiment-template-ready: a delay on both app functions, a role scoped to them, the error-rate alarm as stop condition', async () => {
		const { result, simulated } = await gradeDeployed(solution);
		expect(result.status, result.message).toBe('pass');
		for (const { physicalId } of appFunctions) expect(result.message).toContain(physicalId);
		expect(result.message).toContain('DelayInvocations (aws:lambda:invocation-add-delay)');
		expect(result.message).toContain(`the alarm ${errorRateAlarm} stops it`);
		// The role was judged by simulation: on both targets and on a function it does not target.
		expect(simulated).toHaveLength(3);
		expect(simulated.filter((arn) => !appFunctions.some(({ physicalId }) => arn.endsWith(`:${physicalId}`)))).toEqual([
			`arn:aws:lambda:${region}:123456789012:function:${outsiderFunctionName}`,
		]);
	});

	it('fails the same template when the role may call lambda:GetFunction on every function', async () => {
		const widened = edited((template) => {
			const statements = template.Resources.ExperimentRole.Properties.Policies[0].PolicyDocument.Statement;
			const read = statements.find((statement: Cfn) => statement.Action === 'lambda:GetFunction');
			read.Resource = '*';
		});
		const { result } = await gradeDeployed(widened);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('may also lambda:GetFunction on functions it does not target');
		expect(result.message).not.toContain('stop condition');
	});

	it('fails the same template without a stop condition (FIS source "none")', async () => {
		const unguarded = edited((template) => {
			template.Resources.InvocationDelayExperiment.Properties.StopConditions = [{ Source: 'none' }];
		});
		const { result } = await gradeDeployed(unguarded);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('it has no stop condition of source aws:cloudwatch:alarm');
		expect(result.message).not.toContain('may also');
	});
});
