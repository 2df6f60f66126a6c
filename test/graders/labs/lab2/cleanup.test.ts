import { describe, expect, it } from 'vitest';
import type { ScheduledRule } from '../../../../graders/collectors/events/scheduled-rules.ts';
import type { ExecutionRole } from '../../../../graders/collectors/iam/lambda-execution-roles.ts';
import type { SchedulerRole } from '../../../../graders/collectors/iam/scheduler-roles.ts';
import type { FunctionPolicy } from '../../../../graders/collectors/lambda/function-policies.ts';
import type { LambdaSchedule } from '../../../../graders/collectors/scheduler/lambda-schedules.ts';
import type { PerResource, Snapshot } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead } from '../../support/snapshot-edit.ts';
import {
	accountId,
	executionRoleName,
	functionArn,
	functionName,
	region,
	schedulerRoleName,
} from './support/lab2-account.ts';
import { gradeLab2Check, loadLab2Fixture } from './support/lab2-fixtures.ts';

const executionRoleArn = `arn:aws:iam::${accountId}:role/${executionRoleName}`;
const schedulerRoleArn = `arn:aws:iam::${accountId}:role/${schedulerRoleName}`;
const scheduleKey = 'default/lab2-cleanup-daily';
const ruleArn = `arn:aws:events:${region}:${accountId}:rule/lab2-cleanup`;

function editOne<T>(snapshot: Snapshot, read: string, key: string, edit: (data: T) => void): Snapshot {
	return editRead<PerResource<T>>(snapshot, read, (all) => {
		const outcome = all[key];
		if (!outcome?.ok) throw new Error(`fixture has no ${read} ${key}`);
		edit(outcome.data);
		return all;
	});
}

const editRole = (snapshot: Snapshot, edit: (role: ExecutionRole) => void) =>
	editOne<ExecutionRole>(snapshot, 'iam.lambda-execution-roles', executionRoleArn, edit);

describe('cleanup-function-permitted', () => {
	const grade = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'cleanup-function-permitted');

	it('passes when the simulator allows both actions', () => {
		const result = grade(loadLab2Fixture('passing'));
		expect(result.status).toBe('pass');
		expect(result.message).toContain('according to the IAM policy simulator');
		expect(result.evidence.slice(0, 2)).toEqual([functionArn, executionRoleArn]);
	});

	it('falls back to the policy documents when the grader may not simulate', () => {
		const snapshot = editRole(loadLab2Fixture('passing'), (role) => {
			role.simulation = { ok: false, error: accessDenied('iam:SimulatePrincipalPolicy') };
		});
		const result = grade(snapshot);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('according to its policies');
	});

	it('fails when the documents do not grant DeleteSnapshot and no simulation is available', () => {
		const snapshot = editRole(loadLab2Fixture('passing'), (role) => {
			role.simulation = { ok: false, error: accessDenied('iam:SimulatePrincipalPolicy') };
			role.policies = role.policies.filter((policy) => policy.source !== 'inline:snapshot-cleanup');
		});
		const result = grade(snapshot);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('may not ec2:DescribeSnapshots or ec2:DeleteSnapshot');
	});

	it('trusts the simulator over the documents (a permissions boundary can take an action away)', () => {
		const snapshot = editRole(loadLab2Fixture('passing'), (role) => {
			role.simulation = {
				ok: true,
				data: {
					'ec2:DescribeSnapshots': { decision: 'allowed', missingContext: [] },
					'ec2:DeleteSnapshot': { decision: 'implicitDeny', missingContext: [] },
				},
			};
		});
		const result = grade(snapshot);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('which may not ec2:DeleteSnapshot (according to the IAM policy simulator)');
	});

	it('lets the documents decide where the simulator lacked a condition value', () => {
		const inconclusive = (documentsAllow: boolean) =>
			editRole(loadLab2Fixture('passing'), (role) => {
				role.simulation = {
					ok: true,
					data: {
						'ec2:DescribeSnapshots': { decision: 'allowed', missingContext: [] },
						'ec2:DeleteSnapshot': { decision: 'implicitDeny', missingContext: ['aws:RequestTag/owner'] },
					},
				};
				if (!documentsAllow)
					role.policies = role.policies.filter((policy) => policy.source !== 'inline:snapshot-cleanup');
			});
		expect(grade(inconclusive(true)).status).toBe('pass');
		expect(grade(inconclusive(false)).status).toBe('fail');
	});

	it('fails when no function carries the lab tag', () => {
		const snapshot = editOne<Record<string, string>>(
			loadLab2Fixture('passing'),
			'lambda.function-tags',
			functionArn,
			(tags) => {
				tags['sre-lab'] = 'lab1';
			},
		);
		expect(grade(snapshot).message).toBe('No Lambda function in eu-west-1 has the tag sre-lab=lab2.');
	});

	it('is an error when the tags of a function could not be read and no lab function was found', () => {
		const snapshot = editRead<PerResource<Record<string, string>>>(
			loadLab2Fixture('passing'),
			'lambda.function-tags',
			(tags) => ({
				...tags,
				[functionArn]: { ok: false, error: accessDenied('lambda:ListTags') },
			}),
		);
		const result = grade(snapshot);
		expect(result.status).toBe('error');
		expect(result.message).toContain('lambda:ListTags');
	});
});

describe('cleanup-scheduled', () => {
	const grade = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'cleanup-scheduled');
	const withoutSchedules = (snapshot: Snapshot) =>
		editRead<PerResource<LambdaSchedule>>(snapshot, 'scheduler.lambda-schedules', () => ({}));
	const withRule = (snapshot: Snapshot, rule: Partial<ScheduledRule> = {}, policy: FunctionPolicy = null) => {
		const withRules = editRead<PerResource<ScheduledRule>>(snapshot, 'events.scheduled-rules', (rules) => ({
			...rules,
			'lab2-cleanup': {
				ok: true,
				data: {
					name: 'lab2-cleanup',
					arn: ruleArn,
					state: 'ENABLED',
					scheduleExpression: 'rate(1 day)',
					targets: [{ id: 'cleanup', arn: functionArn, roleArn: null }],
					...rule,
				},
			},
		}));
		return editRead<PerResource<FunctionPolicy>>(withRules, 'lambda.function-policies', (policies) => ({
			...policies,
			[functionArn]: { ok: true, data: policy },
		}));
	};
	const eventsMayInvoke = (sourceArn: string): FunctionPolicy => ({
		document: {
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'events-invoke',
					Effect: 'Allow',
					Principal: { Service: 'events.amazonaws.com' },
					Action: 'lambda:InvokeFunction',
					Resource: functionArn,
					Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } },
				},
			],
		},
	});

	it('passes with an enabled daily Scheduler schedule whose role may invoke the function', () => {
		const result = grade(loadLab2Fixture('passing'));
		expect(result.status).toBe('pass');
		expect(result.evidence).toContain(schedulerRoleArn);
	});

	it('passes with a scheduled EventBridge rule that the resource policy allows', () => {
		const result = grade(withRule(withoutSchedules(loadLab2Fixture('passing')), {}, eventsMayInvoke(ruleArn)));
		expect(result.status).toBe('pass');
		expect(result.message).toContain('rule lab2-cleanup (rate(1 day)) invokes lab2-snapshot-cleanup');
	});

	it('passes with a rule that targets an alias and a policy that allows every rule of the account', () => {
		const snapshot = withRule(
			withoutSchedules(loadLab2Fixture('passing')),
			{ targets: [{ id: 'live', arn: `${functionArn}:live`, roleArn: null }] },
			eventsMayInvoke(`arn:aws:events:${region}:${accountId}:rule/*`),
		);
		expect(grade(snapshot).status).toBe('pass');
	});

	it('passes with the universal Lambda Invoke target of Scheduler', () => {
		const snapshot = editOne<LambdaSchedule>(
			loadLab2Fixture('passing'),
			'scheduler.lambda-schedules',
			scheduleKey,
			(schedule) => {
				schedule.targetArn = 'arn:aws:scheduler:::aws-sdk:lambda:invoke';
				schedule.targetInput = JSON.stringify({ FunctionName: functionName, InvocationType: 'Event' });
			},
		);
		expect(grade(snapshot).status).toBe('pass');
	});

	it('fails when the rule has no permission to invoke the function', () => {
		const result = grade(withRule(withoutSchedules(loadLab2Fixture('passing'))));
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			"the function's resource policy does not let events.amazonaws.com invoke it from this rule",
		);
	});

	it('fails when the permission names a different rule', () => {
		const other = `arn:aws:events:${region}:${accountId}:rule/some-other-rule`;
		const result = grade(withRule(withoutSchedules(loadLab2Fixture('passing')), {}, eventsMayInvoke(other)));
		expect(result.status).toBe('fail');
	});

	it.each([
		[
			'disabled',
			(schedule: LambdaSchedule) => {
				schedule.state = 'DISABLED';
			},
			'but is DISABLED',
		],
		[
			'a one-time at() schedule',
			(schedule: LambdaSchedule) => {
				schedule.scheduleExpression = 'at(2026-11-23T03:00:00)';
			},
			'runs only once',
		],
	])('fails when the schedule is %s', (_, edit, expected) => {
		const result = grade(
			editOne<LambdaSchedule>(loadLab2Fixture('passing'), 'scheduler.lambda-schedules', scheduleKey, edit),
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(expected);
	});

	it("fails when the schedule's role may not invoke Lambda", () => {
		const snapshot = editOne<SchedulerRole>(
			loadLab2Fixture('passing'),
			'iam.scheduler-roles',
			schedulerRoleArn,
			(role) => {
				role.policies = [];
			},
		);
		const result = grade(snapshot);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`its role ${schedulerRoleArn} may not lambda:InvokeFunction`);
	});

	it('fails when nothing targets the function', () => {
		const result = grade(withoutSchedules(loadLab2Fixture('passing')));
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			`No EventBridge Scheduler schedule or scheduled EventBridge rule targets ${functionName}.`,
		);
	});

	it('passes on a rule when Scheduler cannot be read, and is an error when nothing else passes', () => {
		const denied = failRead(
			loadLab2Fixture('passing'),
			'scheduler.lambda-schedules',
			accessDenied('scheduler:ListSchedules'),
		);
		expect(grade(withRule(denied, {}, eventsMayInvoke(ruleArn))).status).toBe('pass');
		const result = grade(denied);
		expect(result.status).toBe('error');
		expect(result.message).toContain('scheduler:ListSchedules');
	});
});
