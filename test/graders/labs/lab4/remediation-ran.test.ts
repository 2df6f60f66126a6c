import { describe, expect, it } from 'vitest';
import type { AutomationExecution } from '../../../../graders/collectors/ssm/automation-executions.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { automationDocumentOf, remediationRoutes } from '../../../../graders/labs/lab4/facts/automation-targets.ts';
import { accountId, app, completeLab4Account } from './support/lab4-account.ts';
import { collectLab4 } from './support/lab4-scenarios.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const id = 'remediation-ran';

/** ExecutedBy of a run a learner started with their own credentials. */
const byUser = `arn:aws:iam::${accountId}:user/alice`;
const bySso = `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b/alice@example.com`;

/** The account of a learner who created the rule but started the runbook by hand. */
function startedByHand(executedBy: string) {
	const account = completeLab4Account();
	for (const run of account.executions) run.executedBy = executedBy;
	return account;
}

/** The snapshot as an sre-lab that did not yet record who started a run would have saved it. */
function withoutStarters(snapshot: Snapshot): Snapshot {
	const outcome = snapshot.reads['ssm.automation-executions'];
	if (!outcome?.ok) throw new Error('no ssm.automation-executions read');
	const runs = (outcome.data as AutomationExecution[]).map(({ startedBy: _, ...run }) => run);
	return { ...snapshot, reads: { ...snapshot.reads, 'ssm.automation-executions': { ok: true, data: runs } } };
}

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

	it('reads an AWS-owned runbook (no account in the ARN) and a pinned version', () => {
		expect(automationDocumentOf('arn:aws:ssm:eu-west-1::automation-definition/AWS-RestartEC2Instance')).toBe(
			'AWS-RestartEC2Instance',
		);
		expect(automationDocumentOf('arn:aws:ssm:eu-west-1:123456789012:automation-definition/MyRunbook:3')).toBe(
			'MyRunbook',
		);
	});

	it('counts a rule ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (a ListRules state) as enabled', () => {
		const [route] = remediationRoutes([
			{
				name: 'remediate',
				state: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS',
				eventPattern: '{"source":["aws.cloudwatch"]}',
				targets: [
					{ id: 'runbook', arn: 'arn:aws:ssm:eu-west-1::automation-definition/AWS-RestartEC2Instance', roleArn: null },
				],
			},
		]);
		expect(route?.enabled).toBe(true);
	});

	it('leaves out rules of a snapshot whose pattern can never match an alarm state change', () => {
		const target = {
			id: 'runbook',
			arn: 'arn:aws:ssm:eu-west-1:123456789012:automation-definition/MyRunbook',
			roleArn: null,
		};
		const rule = (name: string, pattern: object) => ({
			name,
			state: 'ENABLED',
			eventPattern: JSON.stringify(pattern),
			targets: [target],
		});
		const routes = remediationRoutes([
			rule('source-only', { source: ['aws.cloudwatch'] }),
			rule('by-wildcard', { 'detail-type': [{ wildcard: 'CloudWatch Alarm *' }] }),
			rule('config-changes', { source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm Configuration Change'] }),
		]);
		expect(routes.map((route) => route.rule)).toEqual(['source-only', 'by-wildcard']);
	});
});

describe('remediation-ran: rule patterns', () => {
	it('passes with a rule on detail-type alone and prefix matchers (no source named)', async () => {
		const account = completeLab4Account();
		for (const rule of account.rules) {
			rule.pattern = {
				'detail-type': [{ prefix: 'CloudWatch Alarm State' }],
				detail: { state: { value: [{ 'anything-but': ['OK', 'INSUFFICIENT_DATA'] }] } },
			};
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('pass');
	});

	it('fails with a rule on state values an alarm never has', async () => {
		const account = completeLab4Account();
		for (const rule of account.rules) {
			rule.pattern = { source: ['aws.cloudwatch'], detail: { state: { value: ['Alarm'] } } };
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No EventBridge rule');
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

	it('says a run still in progress has not ended, instead of pointing at a failed step', async () => {
		const account = completeLab4Account();
		account.executions = [{ id: 'run-1', document: app.runbook, start: '2026-11-22T11:58:00Z', status: 'InProgress' }];
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('run-1 (started 2026-11-22T11:58:00.000Z) is InProgress');
		expect(result.message).toContain('Check again when it ends');
		expect(result.message).not.toContain('failed step');
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

	it('passes on a successful run the rule started as its target role', async () => {
		const result = gradeCheck(await collectLab4(completeLab4Account()), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain("started by the rule's role sre-lab4-remediation");
	});

	it('matches the target role by name when the role has a path (an assumed-role ARN drops it)', async () => {
		const account = completeLab4Account();
		for (const rule of account.rules) {
			for (const target of rule.targets)
				target.roleArn = `arn:aws:iam::${accountId}:role/service-role/sre-lab4-remediation`;
		}
		expect(gradeCheck(await collectLab4(account), id).status).toBe('pass');
	});

	it('fails a successful run started by hand by an IAM user, naming who started it and what to do', async () => {
		const result = gradeCheck(await collectLab4(startedByHand(byUser)), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`started by ${byUser}, not by the rule "lab4-remediate-latency"`);
		expect(result.message).toContain('switch the Lab 3 fault on');
		expect(result.evidence).toContain('e0a1b2c3-0000-4000-8000-000000000001');
	});

	it("fails a run started by hand through the learner's own role, without keeping their session name", async () => {
		const result = gradeCheck(await collectLab4(startedByHand(bySso)), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('assumed-role/AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b,');
		expect(result.message).not.toContain('alice@example.com');
	});

	it('does not count a role of the same name in another account', async () => {
		const result = gradeCheck(
			await collectLab4(startedByHand('arn:aws:sts::210987654321:assumed-role/sre-lab4-remediation/x')),
			id,
		);
		expect(result.status).toBe('fail');
	});

	it('says a target without a role cannot start the runbook', async () => {
		const account = startedByHand(byUser);
		for (const rule of account.rules) for (const target of rule.targets) target.roleArn = null;
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('target role none');
		expect(result.message).toContain('A target without a role cannot start a runbook');
	});

	it("passes on the rule's run beside runs started by hand, and names the rule's failed runs otherwise", async () => {
		const account = completeLab4Account();
		const [ruleRun] = account.executions;
		if (!ruleRun) throw new Error('no run');
		account.executions.unshift({ ...ruleRun, id: 'hand-1', start: '2026-11-22T09:30:00Z', executedBy: byUser });
		expect(gradeCheck(await collectLab4(account), id).status).toBe('pass');
		ruleRun.status = 'Failed';
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`run hand-1 succeeded, but it was started by ${byUser}`);
		expect(result.message).toContain(`${ruleRun.id}: Failed`);
	});

	it('counts a successful run as before in a snapshot saved before who started it was recorded', async () => {
		const result = gradeCheck(withoutStarters(await collectLab4(startedByHand(byUser))), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('does not record who started the run');
	});

	it('is could-not-grade when a run was started by hand and a rule that might have started it cannot be read', async () => {
		const snapshot = await collectLab4(startedByHand(byUser));
		const rules = snapshot.reads['events.alarm-state-rules'];
		if (!rules?.ok) throw new Error('no events.alarm-state-rules read');
		const denied = {
			ok: false as const,
			error: {
				kind: 'access-denied' as const,
				service: 'events',
				operation: 'ListTargetsByRule',
				action: 'events:ListTargetsByRule',
				message: 'Access denied for events:ListTargetsByRule.',
			},
		};
		const data = { ...(rules.data as object), 'other-rule': denied };
		const result = gradeCheck(
			{ ...snapshot, reads: { ...snapshot.reads, 'events.alarm-state-rules': { ok: true, data } } },
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('events:ListTargetsByRule');
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
