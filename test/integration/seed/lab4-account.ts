/**
 * Lab 4 steps 4–7 as a learner leaves them, written into moto through the AWS SDK: the Lab 3 stack
 * (the drift target), an EventBridge rule that starts an Automation runbook on an alarm state change,
 * and an AWS Config rule. moto 5.x cannot create OpsItems (no CreateOpsItem), run Automation, or
 * record CloudTrail events, so the postmortem, the runs and the drift detections exist only as the
 * reads the grader makes; those come back as errors.
 */
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { ConfigServiceClient, PutConfigRuleCommand } from '@aws-sdk/client-config-service';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import type { SeedingClients } from '../support/moto-account.ts';

export const lab4Names = {
	stack: 'sre-lab3-app',
	rule: 'sre-lab4-remediate-on-alarm',
	runbook: 'AWS-RestartEC2Instance',
	configRule: 'sre-lab4-lambda-tracing',
} as const;

export interface Lab4Seed {
	stackId: string;
	runbookArn: string;
}

export async function seedLab4Account(clients: SeedingClients): Promise<Lab4Seed> {
	const region = await clients.get(CloudFormationClient).config.region();
	const stack = await clients.get(CloudFormationClient).send(
		new CreateStackCommand({
			StackName: lab4Names.stack,
			TemplateBody: JSON.stringify({
				Resources: {
					FaultSwitch: {
						Type: 'AWS::SSM::Parameter',
						Properties: { Name: '/sre-lab/lab3/fault', Type: 'String', Value: 'off' },
					},
				},
				Outputs: { SreLab: { Value: 'lab3' } },
			}),
			Tags: [{ Key: 'sre-lab', Value: 'lab3' }],
		}),
	);

	const events = clients.get(EventBridgeClient);
	await events.send(
		new PutRuleCommand({
			Name: lab4Names.rule,
			State: 'ENABLED',
			EventPattern: JSON.stringify({
				source: ['aws.cloudwatch'],
				'detail-type': ['CloudWatch Alarm State Change'],
				detail: { state: { value: ['ALARM'] } },
			}),
		}),
	);
	const runbookArn = `arn:aws:ssm:${region}:123456789012:automation-definition/${lab4Names.runbook}:$DEFAULT`;
	await events.send(
		new PutTargetsCommand({
			Rule: lab4Names.rule,
			Targets: [{ Id: 'runbook', Arn: runbookArn, RoleArn: 'arn:aws:iam::123456789012:role/sre-lab4-automation' }],
		}),
	);

	await clients.get(ConfigServiceClient).send(
		new PutConfigRuleCommand({
			ConfigRule: {
				ConfigRuleName: lab4Names.configRule,
				Source: { Owner: 'AWS', SourceIdentifier: 'LAMBDA_FUNCTION_SETTINGS_CHECK' },
				InputParameters: JSON.stringify({ runtime: 'nodejs22.x' }),
				Scope: { ComplianceResourceTypes: ['AWS::Lambda::Function'] },
			},
		}),
	);

	return { stackId: stack.StackId as string, runbookArn };
}
