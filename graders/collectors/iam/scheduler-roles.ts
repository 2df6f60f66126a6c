import { IAMClient } from '@aws-sdk/client-iam';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { LambdaSchedule } from '../scheduler/lambda-schedules.ts';
import { type RolePolicy, readRolePolicies, roleNameFromArn, rolePolicyReadActions } from './read-role-policies.ts';

export interface SchedulerRole {
	roleName: string;
	roleArn: string;
	policies: RolePolicy[];
}

/** The roles that Lambda-invoking schedules assume, with their policy documents, keyed by role ARN. */
export const iamSchedulerRoles: Collector<PerResource<SchedulerRole>> = {
	id: 'iam.scheduler-roles',
	description: 'Roles assumed by EventBridge Scheduler schedules that invoke Lambda, with their policies',
	iamActions: [...rolePolicyReadActions],
	needs: ['scheduler.lambda-schedules'],
	async collect({ clients, need }) {
		const iam = clients.get(IAMClient);
		const schedules = need<PerResource<LambdaSchedule>>('scheduler.lambda-schedules');
		const roleArns = Object.values(schedules).flatMap((outcome) =>
			outcome.ok && outcome.data.roleArn ? [outcome.data.roleArn] : [],
		);
		return fanOut(
			roleArns,
			async (roleArn): Promise<SchedulerRole> => {
				const roleName = roleNameFromArn(roleArn);
				return { roleName, roleArn, policies: await readRolePolicies(iam, roleName) };
			},
			{ service: 'iam', operation: 'ListAttachedRolePolicies' },
		);
	},
};
