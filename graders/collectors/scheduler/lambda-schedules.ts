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
	/** With a universal target, the function named in its input. */
	targetInput: string | null;
	/** The role Scheduler assumes to invoke the target. */
	roleArn: string;
}

/** Schedules whose target is Lambda, in both the templated and the universal (aws-sdk) form. */
function targetsLambda(targetArn: string | undefined): boolean {
	return targetArn !== undefined && /^arn:[^:]+:(lambda:|scheduler:::aws-sdk:lambda:invoke$)/.test(targetArn);
}

/** EventBridge Scheduler schedules (all groups) that invoke Lambda, keyed by `group/name`. */
export const schedulerLambdaSchedules: Collector<PerResource<LambdaSchedule>> = {
	id: 'scheduler.lambda-schedules',
	description: 'EventBridge Scheduler schedules that invoke a Lambda function, with expression, state and role',
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
					targetInput: schedule.Target?.Input ?? null,
					roleArn: schedule.Target?.RoleArn ?? '',
				};
			},
			{ service: 'scheduler', operation: 'GetSchedule' },
		);
	},
};
