import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { classifyReadError } from '../../engine/errors.ts';
import type { Collector, PerResource, ReadOutcome } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { LambdaFunction } from '../lambda/functions.ts';
import { labTaggedFunctions } from '../lambda/lab-functions.ts';
import { type RolePolicy, readRolePolicies, roleNameFromArn, rolePolicyReadActions } from './read-role-policies.ts';

/**
 * Actions whose effective decision is simulated for every lab function's role. IAM's simulator also
 * applies permission boundaries, which reading the documents alone would miss.
 */
export const simulatedLambdaActions = ['ec2:DescribeSnapshots', 'ec2:DeleteSnapshot'] as const;

export interface SimulatedDecision {
	/** `allowed`, `explicitDeny` or `implicitDeny`. */
	decision: string;
	/** Condition keys the policies use that the simulation had no value for; a denial with any is inconclusive. */
	missingContext: string[];
}

export interface ExecutionRole {
	roleName: string;
	roleArn: string;
	policies: RolePolicy[];
	/** Per simulated action; an error when the grader may not simulate. */
	simulation: ReadOutcome<Record<string, SimulatedDecision>>;
}

/**
 * A well-scoped cleanup role only lets the function delete snapshots that carry the lab tag. The
 * simulation therefore asks about a lab snapshot: a snapshot ARN in the grader's Region, and the tag
 * as condition context (under both the global and the EC2 key), so such a condition can match.
 */
function simulatedSnapshot(roleArn: string, region: string) {
	const partition = roleArn.split(':')[1] || 'aws';
	const tag = { ContextKeyValues: ['lab2'], ContextKeyType: 'string' as const };
	return {
		ResourceArns: [`arn:${partition}:ec2:${region}::snapshot/snap-0000000000sre0lab`],
		ContextEntries: [
			{ ContextKeyName: 'aws:ResourceTag/sre-lab', ...tag },
			{ ContextKeyName: 'ec2:ResourceTag/sre-lab', ...tag },
		],
	};
}

async function simulate(
	iam: IAMClient,
	roleArn: string,
	region: string,
): Promise<ReadOutcome<Record<string, SimulatedDecision>>> {
	try {
		const result = await iam.send(
			new SimulatePrincipalPolicyCommand({
				PolicySourceArn: roleArn,
				ActionNames: [...simulatedLambdaActions],
				...simulatedSnapshot(roleArn, region),
			}),
		);
		const decisions: Record<string, SimulatedDecision> = {};
		for (const evaluation of result.EvaluationResults ?? []) {
			if (!evaluation.EvalActionName) continue;
			decisions[evaluation.EvalActionName] = {
				decision: evaluation.EvalDecision ?? 'unknown',
				missingContext: evaluation.MissingContextValues ?? [],
			};
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
	async collect({ clients, need, region }) {
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
					simulation: await simulate(iam, roleArn, region),
				};
			},
			{ service: 'iam', operation: 'ListAttachedRolePolicies' },
		);
	},
};
