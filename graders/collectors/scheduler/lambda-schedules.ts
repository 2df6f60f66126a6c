import { GetScheduleCommand, paginateListSchedules, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';

export interface LambdaSchedule {
	name: string;
	groupName: string;
	arn: string;
	/** `ENABLED` or `DISABLED`. */
	state: string;
	/** `rate(…)`, `cron(…)` or a one-time `at(…)`. */
	scheduleExpression: string;
	/** The function ARN (templated target) or the universal target `arn:aws:scheduler:::aws-sdk:lambda:invoke`. */
	targetArn: string;
	/**
	 * With a universal target, its input reduced to the one field a check reads: `{"FunctionName": …}`.
	 * The rest (the payload, whatever else a learner passes) is dropped as it is read.
	 */
	targetInput: string | null;
	/** The role Scheduler assumes to invoke the target. */
	roleArn: string;
}

/** The universal target's input as `{"FunctionName": …}` only, or null when it names no function. */
export function functionNameInput(input: string | undefined): string | null {
	if (!input) return null;
	try {
		const parsed: unknown = JSON.parse(input);
		const name =
			typeof parsed === 'object' && parsed !== null ? (parsed as { FunctionName?: unknown }).FunctionName : undefined;
		return typeof name === 'string' ? JSON.stringify({ FunctionName: name }) : null;
	} catch {
		return null;
	}
}

/** Schedules whose target is Lambda, in both the templated and the universal (aws-sdk) form. */
function targetsLambda(targetArn: string | undefined): boolean {
	return targetArn !== undefined && /^arn:[^:]+:(lambda:|scheduler:::aws-sdk:lambda:invoke$)/.test(targetArn);
}

/** EventBridge Scheduler schedules (all groups) that invoke Lambda, keyed by `group/name`. */
export const schedulerLambdaSchedules: Collector<PerResource<LambdaSchedule>> = {
	id: 'scheduler.lambda-schedules',
	description:
		'EventBridge Scheduler schedules that invoke a Lambda function, with expression, state, role and the function a universal target names',
	iamActions: ['scheduler:ListSchedules', 'scheduler:GetSchedule'],
	async collect({ clients }) {
		const scheduler = clients.get(SchedulerClient);
		const keys: string[] = [];
		for await (const page of paginateListSchedules({ client: scheduler, pageSize: 100 }, {})) {
			for (const summary of page.Schedules ?? []) {
				if (summary.Name && targetsLambda(summary.Target?.Arn))
					keys.push(`${summary.GroupName ?? 'default'}/${summary.Name}`);
			}
		}
		return fanOut(
			keys,
			async (key): Promise<LambdaSchedule> => {
				const [groupName = 'default', name = key] = key.split('/');
				const schedule = await scheduler.send(new GetScheduleCommand({ Name: name, GroupName: groupName }));
				return {
					name,
					groupName,
					arn: schedule.Arn ?? '',
					state: schedule.State ?? 'unknown',
					scheduleExpression: schedule.ScheduleExpression ?? '',
					targetArn: schedule.Target?.Arn ?? '',
					targetInput: functionNameInput(schedule.Target?.Input),
					roleArn: schedule.Target?.RoleArn ?? '',
				};
			},
			{ service: 'scheduler', operation: 'GetSchedule' },
		);
	},
};
