import type { ExecutionRole } from '../../../collectors/iam/lambda-execution-roles.ts';
import type { CheckDefinition, CheckVerdict, PerResource } from '../../../engine/types.ts';
import { policiesAllow } from '../../lab1/facts/policy-allows.ts';
import { dataOf } from '../facts/alternatives.ts';
import { labFunctions } from '../facts/cleanup-functions.ts';
import { labTag } from '../facts/fleet.ts';

export const cleanupActions = ['ec2:DescribeSnapshots', 'ec2:DeleteSnapshot'] as const;

/**
 * What the role may do. IAM's simulator is trusted when the grader may call it (it also applies
 * permission boundaries); otherwise the policy documents are read.
 */
function missingActions(role: ExecutionRole): { missing: string[]; how: string } {
	if (role.simulation.ok) {
		const decisions = role.simulation.data;
		return {
			missing: cleanupActions.filter((action) => decisions[action] !== 'allowed'),
			how: 'the IAM policy simulator',
		};
	}
	const documents = role.policies.map((policy) => policy.document);
	return { missing: cleanupActions.filter((action) => !policiesAllow(documents, action)), how: 'its policies' };
}

export const cleanupFunctionPermitted: CheckDefinition = {
	id: 'cleanup-function-permitted',
	reads: ['lambda.functions', 'lambda.function-tags', 'iam.lambda-execution-roles'],
	evaluate(view): CheckVerdict {
		const functions = labFunctions(view);
		if (functions.length === 0) {
			return {
				status: 'fail',
				message: `No Lambda function in ${view.region} has the tag ${labTag.key}=${labTag.value}.`,
			};
		}
		const roles = view.read<PerResource<ExecutionRole>>('iam.lambda-execution-roles');
		const problems: string[] = [];
		for (const fn of functions) {
			const role = dataOf(roles[fn.roleArn], `the execution role ${fn.roleArn}`);
			const { missing, how } = missingActions(role);
			if (missing.length === 0) {
				return {
					status: 'pass',
					message: `${fn.functionName} runs as ${role.roleName}, which may ${cleanupActions.join(' and ')} (according to ${how}).`,
					evidence: [fn.functionArn, role.roleArn, ...role.policies.map((policy) => policy.source)],
				};
			}
			problems.push(
				`${fn.functionName} runs as ${role.roleName}, which may not ${missing.join(' or ')} (according to ${how})`,
			);
		}
		return { status: 'fail', message: `${problems.join('; ')}.`, evidence: functions.map((fn) => fn.functionArn) };
	},
};
