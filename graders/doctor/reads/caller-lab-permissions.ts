import { type EvaluationResult, GetRoleCommand, IAMClient, paginateSimulatePrincipalPolicy } from '@aws-sdk/client-iam';
import type { CallerIdentity } from '../../collectors/sts/caller-identity.ts';
import { classifyReadError, ReadFailed } from '../../engine/errors.ts';
import type { Collector } from '../../engine/types.ts';
import {
	instanceProfileActions,
	labInstanceProfileArn,
	labInstanceProfiles,
	labRoleArn,
	labRoles,
	roleActions,
} from '../lab-iam-needs.ts';
import { pathlessRoleArn, principalOf } from '../principal.ts';

export interface SimulatedResourceDecision {
	resourceArn: string;
	/** `allowed`, `explicitDeny` or `implicitDeny`. */
	decision: string;
	/** Condition keys the policies use that the simulation had no value for. */
	missingContext: string[];
}

export interface SimulatedAction {
	action: string;
	resources: SimulatedResourceDecision[];
}

export type CallerLabPermissions =
	| {
			simulated: true;
			/** The user or role whose policies were simulated. */
			policySourceArn: string;
			/** `pathless` when iam:GetRole was denied and the role was assumed to sit at the root path. */
			roleArnFrom: 'caller' | 'get-role' | 'pathless';
			actions: SimulatedAction[];
	  }
	| {
			simulated: false;
			/** The simulator evaluates users, groups and roles only: not the root user or federated sessions. */
			reason: 'root' | 'federated-user' | 'unknown';
			callerArn: string;
	  };

/**
 * Per resource, as the IAM API reference says to read it: the simulator returns one result per action
 * whose top-level EvalDecision is the most restrictive over all resources, and each resource's own
 * decision in ResourceSpecificResults. Older answers carried one result per action and resource, with
 * EvalResourceName; both shapes come out the same here.
 */
function resourceDecisions(result: EvaluationResult): SimulatedResourceDecision[] {
	const specific = result.ResourceSpecificResults ?? [];
	if (specific.length > 0) {
		return specific.map((entry) => ({
			resourceArn: entry.EvalResourceName ?? '*',
			decision: entry.EvalResourceDecision ?? 'unknown',
			missingContext: entry.MissingContextValues ?? [],
		}));
	}
	return [
		{
			resourceArn: result.EvalResourceName ?? '*',
			decision: result.EvalDecision ?? 'unknown',
			missingContext: result.MissingContextValues ?? [],
		},
	];
}

async function simulate(
	iam: IAMClient,
	policySourceArn: string,
	actionNames: readonly string[],
	resourceArns: readonly string[],
): Promise<EvaluationResult[]> {
	const results: EvaluationResult[] = [];
	const pages = paginateSimulatePrincipalPolicy(
		{ client: iam, pageSize: 100 },
		{ PolicySourceArn: policySourceArn, ActionNames: [...actionNames], ResourceArns: [...resourceArns] },
	);
	for await (const page of pages) results.push(...(page.EvaluationResults ?? []));
	return results;
}

function byAction(results: readonly EvaluationResult[]): SimulatedAction[] {
	const actions = new Map<string, SimulatedResourceDecision[]>();
	for (const result of results) {
		if (!result.EvalActionName) continue;
		actions.set(result.EvalActionName, [...(actions.get(result.EvalActionName) ?? []), ...resourceDecisions(result)]);
	}
	return [...actions].map(([action, resources]) => ({ action, resources }));
}

const isNoSuchEntity = (error: unknown) =>
	typeof error === 'object' && error !== null && /^NoSuchEntity/.test((error as { name?: string }).name ?? '');

/**
 * Whether the caller's own policies let it do the IAM work the labs do: create roles and instance
 * profiles, attach policies, pass roles to services, clean up. Simulated against the labs' own role and
 * instance-profile names, so a permission set scoped to `sre-lab*` resources is judged fairly.
 */
export const callerLabPermissions: Collector<CallerLabPermissions> = {
	id: 'iam.caller-lab-permissions',
	description: 'Simulated decisions for the IAM actions the labs perform as the learner',
	iamActions: ['iam:GetRole', 'iam:SimulatePrincipalPolicy'],
	needs: ['sts.caller-identity'],
	async collect({ clients, need, region }) {
		const callerArn = need<CallerIdentity>('sts.caller-identity').arn ?? '';
		const principal = principalOf(callerArn);
		if (principal.kind === 'root' || principal.kind === 'federated-user' || principal.kind === 'unknown') {
			return { simulated: false, reason: principal.kind, callerArn };
		}
		const iam = clients.get(IAMClient);
		let policySourceArn: string;
		let roleArnFrom: 'caller' | 'get-role' | 'pathless' = 'caller';
		let getRoleDenied: unknown;
		if (principal.kind === 'user') {
			policySourceArn = principal.arn;
		} else {
			// A session ARN drops the role's path; the simulator needs the role's full ARN.
			try {
				const role = await iam.send(new GetRoleCommand({ RoleName: principal.roleName }));
				policySourceArn = role.Role?.Arn ?? pathlessRoleArn(principal);
				roleArnFrom = 'get-role';
			} catch (error) {
				if (classifyReadError(error, { service: 'iam', operation: 'GetRole', region }).kind !== 'access-denied') {
					throw error;
				}
				getRoleDenied = error;
				policySourceArn = pathlessRoleArn(principal);
				roleArnFrom = 'pathless';
			}
		}
		const { partition, account } = principal;
		try {
			const results = [
				...(await simulate(
					iam,
					policySourceArn,
					roleActions,
					labRoles.map((role) => labRoleArn(partition, account, role.name)),
				)),
				...(await simulate(
					iam,
					policySourceArn,
					instanceProfileActions,
					labInstanceProfiles.map((profile) => labInstanceProfileArn(partition, account, profile.name)),
				)),
			];
			return { simulated: true, policySourceArn, roleArnFrom, actions: byAction(results) };
		} catch (error) {
			// The guessed path-less ARN named no role: the role has a path, and only GetRole could say which.
			if (getRoleDenied && isNoSuchEntity(error)) {
				throw new ReadFailed(classifyReadError(getRoleDenied, { service: 'iam', operation: 'GetRole', region }));
			}
			throw error;
		}
	},
};
