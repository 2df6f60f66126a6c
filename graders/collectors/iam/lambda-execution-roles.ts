import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { classifyReadError } from '../../engine/errors.ts';
import type { Collector, PerResource, ReadOutcome, TimeWindow } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { LambdaFunction } from '../lambda/functions.ts';
import { labTaggedFunctions } from '../lambda/lab-functions.ts';
import { cleanupSimulationContext } from './cleanup-simulation-context.ts';
import { type RolePolicy, readRolePolicies, roleNameFromArn, rolePolicyReadActions } from './read-role-policies.ts';
import { decisionsFor, type SimulatedDecision } from './simulation-decisions.ts';

export type { SimulatedDecision } from './simulation-decisions.ts';

/**
 * Actions whose effective decision is simulated for every lab function's role. IAM's simulator also
 * applies permission boundaries, which reading the documents alone would miss.
 */
export const simulatedLambdaActions = ['ec2:DescribeSnapshots', 'ec2:DeleteSnapshot'] as const;

export interface ExecutionRole {
	roleName: string;
	roleArn: string;
	policies: RolePolicy[];
	/** Per simulated action; an error when the grader may not simulate. */
	simulation: ReadOutcome<Record<string, SimulatedDecision>>;
}

/** The lab snapshot the simulation asks about: any snapshot ARN in the grader's Region will do. */
function simulatedSnapshotArn(roleArn: string, region: string): string {
	const partition = roleArn.split(':')[1] || 'aws';
	return `arn:${partition}:ec2:${region}::snapshot/snap-0000000000sre0lab`;
}

async function simulate(
	iam: IAMClient,
	roleArn: string,
	region: string,
	window: TimeWindow,
): Promise<ReadOutcome<Record<string, SimulatedDecision>>> {
	const resourceArn = simulatedSnapshotArn(roleArn, region);
	try {
		const result = await iam.send(
			new SimulatePrincipalPolicyCommand({
				PolicySourceArn: roleArn,
				ActionNames: [...simulatedLambdaActions],
				ResourceArns: [resourceArn],
				ContextEntries: cleanupSimulationContext(region, window),
			}),
		);
		return { ok: true, data: decisionsFor(result.EvaluationResults ?? [], resourceArn) };
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
	async collect({ clients, need, region, window }) {
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
					simulation: await simulate(iam, roleArn, region, window),
				};
			},
			{ service: 'iam', operation: 'ListAttachedRolePolicies' },
		);
	},
};
