import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { classifyReadError } from '../../engine/errors.ts';
import type { Collector, PerResource, ReadOutcome } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { LambdaFunction } from '../lambda/functions.ts';
import { labTaggedFunctions } from '../lambda/lab-functions.ts';
import type { RolePolicy } from './instance-profile-roles.ts';
import { readRolePolicies, roleNameFromArn, rolePolicyReadActions } from './read-role-policies.ts';

/**
 * Actions whose effective decision is simulated for every lab function's role. IAM's simulator also
 * applies permission boundaries, which reading the documents alone would miss.
 */
export const simulatedLambdaActions = ['ec2:DescribeSnapshots', 'ec2:DeleteSnapshot'] as const;

export interface ExecutionRole {
	roleName: string;
	roleArn: string;
	policies: RolePolicy[];
	/** `{ action: 'allowed' | 'explicitDeny' | 'implicitDeny' }`; an error when the grader may not simulate. */
	simulation: ReadOutcome<Record<string, string>>;
}

async function simulate(iam: IAMClient, roleArn: string): Promise<ReadOutcome<Record<string, string>>> {
	try {
		const result = await iam.send(
			new SimulatePrincipalPolicyCommand({ PolicySourceArn: roleArn, ActionNames: [...simulatedLambdaActions] }),
		);
		const decisions: Record<string, string> = {};
		for (const evaluation of result.EvaluationResults ?? []) {
			if (evaluation.EvalActionName) decisions[evaluation.EvalActionName] = evaluation.EvalDecision ?? 'unknown';
		}
		return { ok: true, data: decisions };
	} catch (error) {
		// Simulation is a second opinion: without it a check falls back to the policy documents.
		return { ok: false, error: classifyReadError(error, { service: 'iam', operation: 'SimulatePrincipalPolicy' }) };
	}
}

/** The execution roles of the sre-lab tagged functions, with policy documents and a simulation, keyed by role ARN. */
export const iamLambdaExecutionRoles: Collector<PerResource<ExecutionRole>> = {
	id: 'iam.lambda-execution-roles',
	description: 'Execution roles of the Lambda functions tagged sre-lab, with their policies and simulated decisions',
	iamActions: [...rolePolicyReadActions, 'iam:SimulatePrincipalPolicy'],
	needs: ['lambda.functions', 'lambda.function-tags'],
	async collect({ clients, need }) {
		const iam = clients.get(IAMClient);
		const functions = labTaggedFunctions(
			need<LambdaFunction[]>('lambda.functions'),
			need<PerResource<Record<string, string>>>('lambda.function-tags'),
		);
		return fanOut(
			functions.map((fn) => fn.roleArn).filter((arn) => arn !== ''),
			async (roleArn): Promise<ExecutionRole> => {
				const roleName = roleNameFromArn(roleArn);
				return {
					roleName,
					roleArn,
					policies: await readRolePolicies(iam, roleName),
					simulation: await simulate(iam, roleArn),
				};
			},
			{ service: 'iam', operation: 'ListAttachedRolePolicies' },
		);
	},
};
