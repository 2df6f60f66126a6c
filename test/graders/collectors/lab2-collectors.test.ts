import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetScheduleCommand } from '@aws-sdk/client-scheduler';
import {
	DescribeAssociationCommand,
	DescribeMaintenanceWindowTasksCommand,
	GetMaintenanceWindowTaskCommand,
	ListCommandInvocationsCommand,
	ListCommandsCommand,
} from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import {
	type InvocationHistory,
	invocationPeriodSeconds,
} from '../../../graders/collectors/cloudwatch/lambda-invocation-periods.ts';
import type { ExecutionRole } from '../../../graders/collectors/iam/lambda-execution-roles.ts';
import type { FunctionPolicy } from '../../../graders/collectors/lambda/function-policies.ts';
import type { LambdaSchedule } from '../../../graders/collectors/scheduler/lambda-schedules.ts';
import type { MaintenanceWindow } from '../../../graders/collectors/ssm/maintenance-windows.ts';
import type { PatchAssociation } from '../../../graders/collectors/ssm/patch-associations.ts';
import type { PatchInstallInvocation } from '../../../graders/collectors/ssm/patch-install-commands.ts';
import type { PerResource, Snapshot } from '../../../graders/engine/types.ts';
import { collectLab2 } from '../labs/lab2/support/collect-lab2.ts';
import {
	accountId,
	completeLab2Account,
	executionRoleName,
	functionArn,
	functionName,
	windowId,
} from '../labs/lab2/support/lab2-account.ts';

function data<T>(snapshot: Snapshot, read: string): T {
	const outcome = snapshot.reads[read];
	if (!outcome?.ok) throw new Error(`${read} failed: ${outcome ? outcome.error.message : 'missing'}`);
	return outcome.data as T;
}

describe('Lab 2 collectors against a mocked account', () => {
	it('list only snapshots this account owns that carry an sre-lab tag', async () => {
		let request: unknown;
		await collectLab2(completeLab2Account(), {
			after: (mocks) => {
				request = mocks.ec2.commandCalls(DescribeSnapshotsCommand)[0]?.args[0].input;
			},
		});
		expect(request).toMatchObject({ OwnerIds: ['self'], Filters: [{ Name: 'tag-key', Values: ['sre-lab'] }] });
	});

	it('read the Operation parameter of window tasks from either API shape', async () => {
		const snapshot = await collectLab2(completeLab2Account(), {
			before: (mocks) => {
				// A task registered with the older API keeps its parameters in TaskParameters.
				mocks.ssm.on(GetMaintenanceWindowTaskCommand).resolves({
					WindowId: windowId,
					WindowTaskId: 'task-lab2-install',
					TaskArn: 'AWS-RunPatchBaseline',
					TaskType: 'RUN_COMMAND',
					Targets: [{ Key: 'WindowTargetIds', Values: ['wt-lab2-fleet'] }],
					TaskParameters: { Operation: { Values: ['Install'] } },
				});
			},
		});
		const window = data<PerResource<MaintenanceWindow>>(snapshot, 'ssm.maintenance-windows')[windowId];
		expect(window?.ok && window.data.tasks[0]?.parameters).toEqual({ Operation: ['Install'] });
	});

	it('record one unreadable maintenance window without losing the others', async () => {
		const account = completeLab2Account();
		const second = structuredClone(account.windows[0]);
		if (!second) throw new Error('fixture window missing');
		account.windows.push({ ...second, id: 'mw-0denied00000000002', name: 'someone-elses-window' });
		const snapshot = await collectLab2(account, {
			before: (mocks) => {
				mocks.ssm.on(DescribeMaintenanceWindowTasksCommand, { WindowId: 'mw-0denied00000000002' }).rejects(
					Object.assign(new Error('is not authorized to perform: ssm:DescribeMaintenanceWindowTasks'), {
						name: 'AccessDeniedException',
					}),
				);
			},
		});
		const windows = data<PerResource<MaintenanceWindow>>(snapshot, 'ssm.maintenance-windows');
		expect(windows[windowId]?.ok).toBe(true);
		expect(windows['mw-0denied00000000002']).toMatchObject({
			ok: false,
			error: { kind: 'access-denied', action: 'ssm:DescribeMaintenanceWindowTasks' },
		});
	});

	it('follow only patch Install commands sent within the window to their per-instance results', async () => {
		let listFilters: unknown;
		let followed: (string | undefined)[] = [];
		const snapshot = await collectLab2(completeLab2Account(), {
			after: (mocks) => {
				listFilters = mocks.ssm.commandCalls(ListCommandsCommand)[0]?.args[0].input.Filters;
				followed = mocks.ssm.commandCalls(ListCommandInvocationsCommand).map((call) => call.args[0].input.CommandId);
			},
		});
		expect(listFilters).toEqual([
			{ key: 'DocumentName', value: 'AWS-RunPatchBaseline' },
			// The documented form: whole seconds, UTC ("2021-07-07T00:00:00Z").
			{ key: 'InvokedAfter', value: '2026-11-21T12:00:00Z' },
		]);
		expect(followed).toEqual(['0a2b0000-aaaa-bbbb-cccc-000000000001']);
		expect(
			data<PatchInstallInvocation[]>(snapshot, 'ssm.patch-install-commands').map((invocation) => invocation.status),
		).toEqual(['Success', 'Success']);
	});

	it('turn a single-instance association of the old API into an InstanceIds target', async () => {
		const account = completeLab2Account();
		const snapshot = await collectLab2(account, {
			before: (mocks) => {
				mocks.ssm.on(DescribeAssociationCommand).resolves({
					AssociationDescription: {
						AssociationId: account.associations[0]?.id,
						Name: 'AWS-RunPatchBaseline',
						InstanceId: 'i-0old',
						Parameters: { Operation: ['Install'] },
					},
				});
			},
		});
		const [association] = Object.values(data<PerResource<PatchAssociation>>(snapshot, 'ssm.patch-associations'));
		expect(association?.ok && association.data.targets).toEqual([{ key: 'InstanceIds', values: ['i-0old'] }]);
	});

	it('keep the execution role when the grader may not simulate, with the simulation as an error', async () => {
		const account = completeLab2Account();
		account.simulations = {};
		const snapshot = await collectLab2(account);
		const role = data<PerResource<ExecutionRole>>(snapshot, 'iam.lambda-execution-roles')[
			`arn:aws:iam::${accountId}:role/${executionRoleName}`
		];
		if (!role?.ok) throw new Error('role not collected');
		expect(role.data.policies.map((policy) => policy.source)).toEqual([
			'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
			'inline:snapshot-cleanup',
		]);
		expect(role.data.simulation).toMatchObject({
			ok: false,
			error: { kind: 'access-denied', action: 'iam:SimulatePrincipalPolicy' },
		});
	});

	it('simulate the role against a lab snapshot in the Region, with its tag as condition context', async () => {
		let request:
			| { ResourceArns?: string[]; ContextEntries?: { ContextKeyName?: string; ContextKeyValues?: string[] }[] }
			| undefined;
		const snapshot = await collectLab2(completeLab2Account(), {
			after: (mocks) => {
				request = mocks.iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input;
			},
		});
		expect(request?.ResourceArns).toEqual(['arn:aws:ec2:eu-west-1::snapshot/snap-0000000000sre0lab']);
		// The context of a cleanup call: the lab tag, a passed DeleteAfter date, the Region, HTTPS.
		expect(request?.ContextEntries?.map((entry) => [entry.ContextKeyName, entry.ContextKeyValues])).toEqual([
			['aws:ResourceTag/sre-lab', ['lab2']],
			['ec2:ResourceTag/sre-lab', ['lab2']],
			['aws:ResourceTag/DeleteAfter', ['2026-11-21']],
			['ec2:ResourceTag/DeleteAfter', ['2026-11-21']],
			['aws:RequestedRegion', ['eu-west-1']],
			['ec2:Region', ['eu-west-1']],
			['aws:SecureTransport', ['true']],
		]);
		const role = data<PerResource<ExecutionRole>>(snapshot, 'iam.lambda-execution-roles')[
			`arn:aws:iam::${accountId}:role/${executionRoleName}`
		];
		expect(role?.ok && role.data.simulation).toEqual({
			ok: true,
			data: {
				'ec2:DescribeSnapshots': { decision: 'allowed', missingContext: [] },
				'ec2:DeleteSnapshot': { decision: 'allowed', missingContext: [] },
			},
		});
	});

	it('read "no resource policy" as data, and a policy as its parsed document', async () => {
		const without = await collectLab2(completeLab2Account());
		expect(data<PerResource<FunctionPolicy>>(without, 'lambda.function-policies')[functionArn]).toEqual({
			ok: true,
			data: null,
		});

		const account = completeLab2Account();
		const statement = {
			Effect: 'Allow',
			Principal: { Service: 'events.amazonaws.com' },
			Action: 'lambda:InvokeFunction',
		};
		const withPolicy = account.functions.map((fn) =>
			fn.name === functionName ? { ...fn, policy: { Version: '2012-10-17', Statement: [statement] } } : fn,
		);
		account.functions = withPolicy;
		const snapshot = await collectLab2(account);
		expect(data<PerResource<FunctionPolicy>>(snapshot, 'lambda.function-policies')[functionArn]).toEqual({
			ok: true,
			data: { document: { Version: '2012-10-17', Statement: [statement] } },
		});
	});

	it('fetch only the schedules that invoke Lambda, in both target forms', async () => {
		const account = completeLab2Account();
		account.schedules.push(
			{
				name: 'queue-poke',
				group: 'ops',
				expression: 'rate(5 minutes)',
				state: 'ENABLED',
				target: `arn:aws:sqs:eu-west-1:${accountId}:jobs`,
				role: 'ops-role',
			},
			{
				name: 'universal',
				group: 'default',
				expression: 'rate(1 day)',
				state: 'ENABLED',
				target: 'arn:aws:scheduler:::aws-sdk:lambda:invoke',
				role: 'ops-role',
				// The invoke call's parameters; the payload is a JSON string inside it (escaped JSON).
				input: JSON.stringify({
					FunctionName: functionName,
					InvocationType: 'Event',
					Payload: JSON.stringify({ db_password: 'Tr0ub4dor-3-horse', dryRun: false }),
				}),
			},
		);
		let fetched: string[] = [];
		const snapshot = await collectLab2(account, {
			after: (mocks) => {
				fetched = mocks.scheduler
					.commandCalls(GetScheduleCommand)
					.map((call) => `${call.args[0].input.GroupName}/${call.args[0].input.Name}`);
			},
		});
		expect(fetched.sort()).toEqual(['default/lab2-cleanup-daily', 'default/universal']);
		const universal = data<PerResource<LambdaSchedule>>(snapshot, 'scheduler.lambda-schedules')['default/universal'];
		// Only the function the input names is kept: the payload is never stored.
		expect(universal?.ok && universal.data.targetInput).toBe(JSON.stringify({ FunctionName: functionName }));
		expect(JSON.stringify(snapshot)).not.toContain('Tr0ub4dor');
	});

	it('read Lambda metrics per minute over the window, aligned to the minute, with each period kept apart', async () => {
		const account = completeLab2Account();
		account.metrics[functionName] = [
			{ at: '2026-11-21T20:00:05.000Z', invocations: 1, errors: 1 },
			{ at: '2026-11-21T20:01:30.000Z', invocations: 1, errors: 1 },
			{ at: '2026-11-21T20:30:02.000Z', invocations: 1, errors: 0 },
		];
		let request:
			| { StartTime?: Date; EndTime?: Date; MetricDataQueries?: { MetricStat?: { Period?: number } }[] }
			| undefined;
		const snapshot = await collectLab2(account, {
			after: (mocks) => {
				request = mocks.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input;
			},
		});
		expect(request?.StartTime?.toISOString()).toBe('2026-11-21T12:00:00.000Z');
		expect(request?.EndTime?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
		expect(request?.MetricDataQueries?.map((query) => query.MetricStat?.Period)).toEqual([60, 60]);
		expect(
			data<PerResource<InvocationHistory>>(snapshot, 'cloudwatch.lambda-invocation-periods')[functionName],
		).toEqual({
			ok: true,
			data: {
				periodSeconds: 60,
				periods: [
					{ start: '2026-11-21T20:00:00.000Z', invocations: 1, errors: 1 },
					{ start: '2026-11-21T20:01:00.000Z', invocations: 1, errors: 1 },
					{ start: '2026-11-21T20:30:00.000Z', invocations: 1, errors: 0 },
				],
			},
		});
	});

	it('choose the finest period CloudWatch keeps for the whole window (1 min ≤ 15 d, 5 min ≤ 63 d, else 1 h)', () => {
		const until = '2026-11-22T12:00:00.000Z';
		const windowOf = (days: number) => ({
			since: new Date(Date.parse(until) - days * 24 * 3_600_000).toISOString(),
			until,
		});
		expect([1, 15, 16, 63, 64, 455].map((days) => invocationPeriodSeconds(windowOf(days)))).toEqual([
			60, 60, 300, 300, 3600, 3600,
		]);
	});
});
