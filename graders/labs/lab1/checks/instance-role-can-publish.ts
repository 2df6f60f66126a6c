import type { InstanceProfile } from '../../../collectors/iam/instance-profile-roles.ts';
import { requireOutcome } from '../../../engine/snapshot-view.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { policiesAllow } from '../../shared/policy-allows.ts';
import { webServers } from '../facts/web-servers.ts';

/** What the CloudWatch agent calls to ship metrics and log events. */
export const agentActions = ['cloudwatch:PutMetricData', 'logs:CreateLogStream', 'logs:PutLogEvents'] as const;

export const instanceRoleCanPublish: CheckDefinition = {
	id: 'instance-role-can-publish',
	reads: ['ec2.instances', 'ec2.security-groups', 'iam.instance-profile-roles'],
	evaluate(view) {
		const servers = webServers(view);
		const profiles = view.read<PerResource<InstanceProfile>>('iam.instance-profile-roles');
		const findings: string[] = [];
		for (const { instance } of servers) {
			if (!instance.instanceProfileArn) {
				findings.push(`${instance.instanceId} has no instance profile`);
				continue;
			}
			const outcome = profiles[instance.instanceProfileArn];
			if (!outcome) {
				findings.push(`the snapshot has no data for ${instance.instanceProfileArn}`);
				continue;
			}
			const profile = requireOutcome(outcome);
			if (profile.roles.length === 0) {
				findings.push(`instance profile ${profile.profileName} of ${instance.instanceId} contains no role`);
				continue;
			}
			for (const role of profile.roles) {
				const documents = role.policies.map((policy) => policy.document);
				const missing = agentActions.filter((action) => !policiesAllow(documents, action));
				if (missing.length === 0) {
					return {
						status: 'pass',
						message: `Role ${role.roleName} of ${instance.instanceId} allows ${agentActions.join(', ')}.`,
						evidence: [instance.instanceId, role.roleArn, ...role.policies.map((policy) => policy.source)],
					};
				}
				findings.push(`role ${role.roleName} of ${instance.instanceId} does not allow ${missing.join(', ')}`);
			}
		}
		return {
			status: 'fail',
			message: `The web server cannot publish to CloudWatch: ${findings.join('; ')}.`,
			evidence: servers.map((server) => server.instance.instanceId),
		};
	},
};
