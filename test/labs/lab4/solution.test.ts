import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { remediationRoutes } from '../../../graders/labs/lab4/facts/automation-targets.ts';
import { startedByRole } from '../../../graders/labs/lab4/facts/run-starter.ts';

// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is free-form data
type Cfn = any;
const template: Cfn = parse(
	readFileSync(new URL('../../../labs/lab4/solution/remediation.yaml', import.meta.url), 'utf8'),
);
const resources = template.Resources;

/** What CloudFormation's Fn::Sub would make of the target ARN in account 123456789012, eu-west-1. */
const values: Record<string, string> = {
	'AWS::Partition': 'aws',
	'AWS::Region': 'eu-west-1',
	'AWS::AccountId': '123456789012',
	SwitchFaultOffRunbook: 'sre-lab4-remediation-SwitchFaultOffRunbook-AbC123',
};
/** The ARN CloudFormation gives EventsRole (no RoleName, so a generated name on the default path). */
const eventsRoleArn = 'arn:aws:iam::123456789012:role/sre-lab4-remediation-EventsRole-XyZ789';
const substitute = (text: string) => text.replace(/\$\{([^}]+)\}/g, (_, name: string) => values[name] ?? `?${name}`);

describe('Lab 4 reference solution: remediation', () => {
	it('routes the alarm state change to its own runbook, as the grader recognises it', () => {
		const rule = resources.AlarmRule.Properties;
		const routes = remediationRoutes([
			{
				name: 'AlarmRule',
				state: rule.State,
				eventPattern: JSON.stringify(rule.EventPattern),
				targets: rule.Targets.map((target: Cfn) => ({
					id: target.Id,
					arn: substitute(target.Arn['Fn::Sub']),
					roleArn: target.RoleArn['Fn::GetAtt'] === 'EventsRole.Arn' ? eventsRoleArn : null,
				})),
			},
		]);
		expect(routes).toEqual([
			{
				rule: 'AlarmRule',
				enabled: true,
				document: 'sre-lab4-remediation-SwitchFaultOffRunbook-AbC123',
				roleArn: eventsRoleArn,
			},
		]);
		// EventBridge starts the runbook as EventsRole, so the grader counts the runs named after it.
		expect(
			startedByRole('arn:aws:sts::123456789012:assumed-role/sre-lab4-remediation-EventsRole-XyZ789', eventsRoleArn),
		).toBe(true);
	});

	it('lets EventBridge start only that runbook and pass only its role', () => {
		const statements = resources.EventsRole.Properties.Policies[0].PolicyDocument.Statement;
		expect(statements.map((statement: Cfn) => statement.Action)).toEqual([
			'ssm:StartAutomationExecution',
			'iam:PassRole',
		]);
		expect(substitute(statements[0].Resource['Fn::Sub'])).toBe(
			'arn:aws:ssm:eu-west-1:123456789012:automation-definition/sre-lab4-remediation-SwitchFaultOffRunbook-AbC123:*',
		);
		expect(statements[1].Resource).toEqual({ 'Fn::GetAtt': 'AutomationRole.Arn' });
	});

	it('lets the runbook change the fault switch and nothing else', () => {
		const statements = resources.AutomationRole.Properties.Policies[0].PolicyDocument.Statement;
		expect(statements).toHaveLength(1);
		expect(statements[0].Action).toBe('ssm:PutParameter');
		expect(statements[0].Resource['Fn::Sub']).toMatch(/:parameter\$\{FaultParameterName\}$/);
	});
});
