import type { ExecutionRole } from '../../../collectors/iam/lambda-execution-roles.ts';
import type { CheckDefinition, CheckVerdict, PerResource } from '../../../engine/types.ts';
import { policiesAllow } from '../../shared/policy-allows.ts';
import { dataOf } from '../facts/alternatives.ts';
import { labFunctions } from '../facts/cleanup-functions.ts';
import { labTag } from '../facts/fleet.ts';

export const cleanupActions = ['ec2:DescribeSnapshots', 'ec2:DeleteSnapshot'] as const;

/**
 * What the role may do. IAM's simulator is trusted when the grader may call it (it also applies
 * permission boundaries), except where it denied only for want of a condition value it was not
 * given: for those actions, and when there is no simulation at all, the policy documents decide.
 */
function missingActions(role: ExecutionRole): { missing: string[]; how: string } {
	const documents = role.policies.map((policy) => policy.document);
	if (!role.simulation.ok) {
		return { missing: cleanupActions.filter((action) => !policiesAllow(documents, action)), how: 'its policies' };
	}
	const decisions = role.simulation.data;
	const missing = cleanupActions.filter((action) => {
		const simulated = decisions[action];
		if (simulated?.decision === 'allowed') return false;
		if (simulated && simulated.decision !== 'explicitDeny' && simulated.missingContext.length > 0) {
			return !policiesAllow(documents, action);
		}
		return true;
	});
	return { missing, how: 'the IAM policy simulator' };
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
