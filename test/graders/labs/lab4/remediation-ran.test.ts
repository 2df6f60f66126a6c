import { describe, expect, it } from 'vitest';
import {
	automationDocumentOf,
	matchesAlarmStateChanges,
} from '../../../../graders/labs/lab4/facts/automation-targets.ts';
import { app, completeLab4Account } from './support/lab4-account.ts';
import { collectLab4 } from './support/lab4-scenarios.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const id = 'remediation-ran';

describe('automation targets', () => {
	it('reads the runbook from an automation-definition ARN, with or without a version', () => {
		expect(automationDocumentOf('arn:aws:ssm:eu-west-1:123456789012:automation-definition/MyRunbook:$DEFAULT')).toBe(
			'MyRunbook',
		);
		expect(automationDocumentOf('arn:aws:ssm:eu-west-1:123456789012:automation-definition/MyRunbook')).toBe(
			'MyRunbook',
		);
		expect(automationDocumentOf('arn:aws:lambda:eu-west-1:123456789012:function:f')).toBeNull();
	});

	it('counts patterns on alarm state changes, or on the source alone, and not other detail types', () => {
		expect(matchesAlarmStateChanges('{"source":["aws.cloudwatch"]}')).toBe(true);
		expect(matchesAlarmStateChanges('{"detail-type":["CloudWatch Alarm State Change"]}')).toBe(true);
		expect(matchesAlarmStateChanges('{"detail-type":["CloudWatch Alarm Configuration Change"]}')).toBe(false);
	});
});

describe('remediation-ran', () => {
	it('fails without a rule that starts a runbook', async () => {
		const account = completeLab4Account();
		account.rules = [];
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No EventBridge rule');
	});

	it('fails when the runbook never succeeded, naming the runs', async () => {
		const account = completeLab4Account();
		account.executions = [{ id: 'run-1', document: app.runbook, start: '2026-11-22T10:07:00Z', status: 'Failed' }];
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('run-1: Failed');
	});

	it('does not count a successful run of another runbook', async () => {
		const account = completeLab4Account();
		for (const run of account.executions) run.document = 'AWS-StopEC2Instance';
		expect(gradeCheck(await collectLab4(account), id).status).toBe('fail');
	});

	it('is could-not-grade when the executions may not be read', async () => {
		const result = gradeCheck(
			await collectLab4(completeLab4Account(), { deny: ['ssm:DescribeAutomationExecutions'] }),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('ssm:DescribeAutomationExecutions');
	});
});
