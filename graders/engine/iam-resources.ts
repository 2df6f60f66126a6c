import type { IamCondition, IamScope } from './declared-reads.ts';

/**
 * Resource patterns the grader policy uses to keep reads away from secrets. ARNs are in the `aws`
 * partition (every Region the course supports, opt-in ones included), any Region and account: the
 * role only ever acts in the learner's own account.
 */

/** Where the labs ask learners to record decisions; the only parameters the graders may read. */
export const sreLabParameterPath = '/sre-lab';

/**
 * GetParametersByPath is authorized against the requested path itself (`parameter/sre-lab`), the
 * other parameter reads against each parameter (`parameter/sre-lab/…`): both forms are needed.
 */
export const sreLabParameterArns: readonly string[] = [
	`arn:aws:ssm:*:*:parameter${sreLabParameterPath}`,
	`arn:aws:ssm:*:*:parameter${sreLabParameterPath}/*`,
];

/** One parameter by its full name, e.g. `/sre-lab/lab3/fault`. */
export function parameterArn(name: string): string {
	return `arn:aws:ssm:*:*:parameter${name}`;
}

/** Resources the learner built for a lab carry the tag `sre-lab=<lab id>`, the one convention labs may require. */
export const sreLabTagCondition: IamCondition = { StringLike: { 'aws:ResourceTag/sre-lab': 'lab*' } };

/**
 * Lambda functions tagged for a lab. Names are the learner's (or CloudFormation's) choice, so the
 * ARN cannot narrow them; Lambda evaluates `aws:ResourceTag` for actions on a function (ABAC).
 */
export const sreLabFunctions: IamScope = {
	resources: ['arn:aws:lambda:*:*:function:*'],
	condition: sreLabTagCondition,
};
