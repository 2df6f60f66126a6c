import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { eventsAlarmStateRules } from '../../../../graders/collectors/events/alarm-state-rules.ts';
import { accessDenied, runCollector } from '../../labs/lab4/support/run-collector.ts';

const events = mockClient(EventBridgeClient);
afterEach(() => events.reset());

const alarmPattern = JSON.stringify({
	source: ['aws.cloudwatch'],
	'detail-type': ['CloudWatch Alarm State Change'],
	detail: { state: { value: ['ALARM'] } },
});
const automationArn = 'arn:aws:ssm:eu-west-1:111122223333:automation-definition/AWS-RestartEC2Instance:$DEFAULT';

describe('events.alarm-state-rules', () => {
	it('keeps only rules matching CloudWatch events and reads their targets', async () => {
		events.on(ListRulesCommand).resolves({
			Rules: [
				{ Name: 'remediate-latency', State: 'ENABLED', EventPattern: alarmPattern, EventBusName: 'default' },
				{ Name: 'nightly', State: 'ENABLED', ScheduleExpression: 'rate(1 day)', EventBusName: 'default' },
				{ Name: 'ec2-changes', State: 'ENABLED', EventPattern: '{"source":["aws.ec2"]}', EventBusName: 'default' },
			],
		});
		events.on(ListTargetsByRuleCommand, { Rule: 'remediate-latency' }).resolves({
			Targets: [{ Id: 'runbook', Arn: automationArn, RoleArn: 'arn:aws:iam::111122223333:role/sre-lab4-remediation' }],
		});
		expect(await runCollector(eventsAlarmStateRules)).toEqual({
			'remediate-latency': {
				ok: true,
				data: {
					name: 'remediate-latency',
					state: 'ENABLED',
					eventPattern: alarmPattern,
					targets: [
						{ id: 'runbook', arn: automationArn, roleArn: 'arn:aws:iam::111122223333:role/sre-lab4-remediation' },
					],
				},
			},
		});
		expect(events.commandCalls(ListTargetsByRuleCommand)).toHaveLength(1);
	});

	it('keeps a rule on detail-type alone or with prefix matchers, and drops one on alarm configuration changes', async () => {
		const byDetailType = JSON.stringify({ 'detail-type': ['CloudWatch Alarm State Change'] });
		const byPrefix = JSON.stringify({
			source: [{ prefix: 'aws.' }],
			'detail-type': [{ prefix: 'CloudWatch Alarm S' }],
		});
		const configChanges = JSON.stringify({
			source: ['aws.cloudwatch'],
			'detail-type': ['CloudWatch Alarm Configuration Change'],
		});
		events.on(ListRulesCommand).resolves({
			Rules: [
				{ Name: 'by-detail-type', State: 'ENABLED', EventPattern: byDetailType, EventBusName: 'default' },
				{ Name: 'by-prefix', State: 'ENABLED', EventPattern: byPrefix, EventBusName: 'default' },
				{ Name: 'config-changes', State: 'ENABLED', EventPattern: configChanges, EventBusName: 'default' },
			],
		});
		events.on(ListTargetsByRuleCommand).resolves({ Targets: [] });
		expect(Object.keys(await runCollector(eventsAlarmStateRules)).sort()).toEqual(['by-detail-type', 'by-prefix']);
	});

	it('lets access denied fail the read', async () => {
		events.on(ListRulesCommand).rejects(accessDenied('events:ListRules'));
		await expect(runCollector(eventsAlarmStateRules)).rejects.toThrow('events:ListRules');
	});
});
