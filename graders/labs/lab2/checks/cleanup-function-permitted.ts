import type { ExecutionRole } from '../../../collectors/iam/lambda-execution-roles.ts';
import type { CheckDefinition, CheckVerdict, PerResource, SnapshotView } from '../../../engine/types.ts';
import { policiesAllow } from '../../shared/policy-allows.ts';
import { dataOf } from '../facts/alternatives.ts';
import { labFunctions } from '../facts/cleanup-functions.ts';
import { labTag } from '../facts/fleet.ts';

export const cleanupActions = ['ec2:DescribeSnapshots', 'ec2:DeleteSnapshot'] as const;

/**
 * What the role may do. IAM's simulator is trusted when the grader may call it (it also applies
 * permission boundaries). The collector gives it the context a cleanup call has (Region, the
 * snapshot's lab and DeleteAfter tags); where it still denied only for want of a condition value
 * the grader cannot know (a principal tag, say), and when there is no simulation at all, the policy
 * documents decide for that action, and the message says so.
 */
function missingActions(view: SnapshotView, role: ExecutionRole): { missing: string[]; how: string } {
	const documents = role.policies.map((policy) => policy.document);
	if (!role.simulation.ok) {
		const missing = cleanupActions.filter((action) => !policiesAllow(documents, action));
		if (missing.length > 0) {
			view.setAside(
				role.simulation.error,
				'the role policies (all read) do not grant the action, and a simulation applies those same policies and boundaries, which can only take actions away',
			);
		}
		return { missing, how: 'its policies' };
	}
	const decisions = role.simulation.data;
	const fromDocuments: string[] = [];
	const missing = cleanupActions.filter((action) => {
		const simulated = decisions[action];
		if (simulated?.decision === 'allowed') return false;
		if (simulated && simulated.decision !== 'explicitDeny' && simulated.missingContext.length > 0) {
			fromDocuments.push(`${action} depends on ${simulated.missingContext.join(', ')}, which it cannot know`);
			return !policiesAllow(documents, action);
		}
		return true;
	});
	const how =
		fromDocuments.length === 0
			? 'the IAM policy simulator'
			: `the IAM policy simulator, and its policies where the simulator could not decide: ${fromDocuments.join('; ')}`;
	return { missing, how };
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
			const { missing, how } = missingActions(view, role);
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
