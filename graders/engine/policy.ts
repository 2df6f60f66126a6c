import type { Collector } from './types.ts';

export interface PolicyStatement {
	Sid: string;
	Effect: 'Allow';
	Action: string[];
	Resource: '*';
}

export interface PolicyDocument {
	Version: '2012-10-17';
	Statement: PolicyStatement[];
}

/** GetCallerIdentity needs no permission: IAM cannot deny it, so the policy does not list it. */
const alwaysAllowed = new Set(['sts:GetCallerIdentity']);

const sidFor = (service: string) =>
	`SreLabRead${service.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}`;

/**
 * The least-privilege policy for the graders: exactly the actions the collectors declare, one
 * statement per service so a reviewer can read it service by service. Resource is "*" because the
 * Describe/List calls the graders make do not support resource-level permissions.
 */
export function generateGraderPolicy(collectors: readonly Collector[]): PolicyDocument {
	const byService = new Map<string, Set<string>>();
	for (const collector of collectors) {
		for (const action of collector.iamActions) {
			if (alwaysAllowed.has(action)) continue;
			const service = action.split(':')[0] ?? action;
			const actions = byService.get(service) ?? new Set<string>();
			actions.add(action);
			byService.set(service, actions);
		}
	}
	return {
		Version: '2012-10-17',
		Statement: [...byService.keys()].sort().map((service) => ({
			Sid: sidFor(service),
			Effect: 'Allow',
			Action: [...(byService.get(service) ?? [])].sort(),
			Resource: '*',
		})),
	};
}
