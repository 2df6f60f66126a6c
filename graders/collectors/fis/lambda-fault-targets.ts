import type { ExperimentTemplate, TemplateAction, TemplateTarget } from './lab4-experiment-templates.ts';

/**
 * The FIS actions that inject a fault into Lambda invocations (through the FIS Lambda extension), the
 * faults Lab 4 plans against the Lab 3 application's functions. Each acts on targets of type
 * `aws:lambda:function`.
 */
export const lambdaFaultActions = [
	'aws:lambda:invocation-add-delay',
	'aws:lambda:invocation-error',
	'aws:lambda:invocation-http-integration-response',
] as const;

export const lambdaFunctionTarget = 'aws:lambda:function';

/**
 * What the experiment role needs on each target function for these actions: FIS reads the function
 * (lambda:GetFunction) to find the extension's S3 location. Its other permissions (s3:PutObject and
 * s3:DeleteObject on that bucket, tag:GetResources) name no function, so they say nothing about scope.
 */
export const lambdaTargetAction = 'lambda:GetFunction';

export interface LambdaFaultTarget {
	action: TemplateAction;
	targetName: string;
	target: TemplateTarget;
}

/** The (fault action, Lambda target) pairs of a template; a target name the template lacks is left out. */
export function lambdaFaultTargets(template: ExperimentTemplate): LambdaFaultTarget[] {
	return template.actions
		.filter((action) => (lambdaFaultActions as readonly string[]).includes(action.actionId))
		.flatMap((action) =>
			Object.values(action.targets).flatMap((targetName) => {
				const target = template.targets[targetName];
				return target?.resourceType === lambdaFunctionTarget ? [{ action, targetName, target }] : [];
			}),
		);
}

/** `arn:aws:lambda:eu-west-1:123456789012:function:name[:qualifier]` → the unqualified function ARN. */
export function unqualifiedFunctionArn(arn: string): string | null {
	const match = /^(arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:[^:]+)(?::[^:]+)?$/.exec(arn);
	return match?.[1] ?? null;
}

/**
 * The functions a Lambda target names: its ARNs, and the functions among `taggedFunctions` (ARN → tags)
 * that carry every one of its resource tags. `null` tags leave the tag-selected part unknown.
 */
export function functionsOfTarget(
	target: TemplateTarget,
	taggedFunctions: Readonly<Record<string, Record<string, string>>> | null,
): { arns: string[]; tagsUnknown: boolean } {
	const arns = new Set(target.resourceArns.flatMap((arn) => unqualifiedFunctionArn(arn) ?? []));
	const wanted = Object.entries(target.resourceTags);
	if (wanted.length > 0 && taggedFunctions) {
		for (const [arn, tags] of Object.entries(taggedFunctions)) {
			if (wanted.every(([key, value]) => tags[key] === value)) arns.add(arn);
		}
	}
	return { arns: [...arns].sort(), tagsUnknown: wanted.length > 0 && taggedFunctions === null };
}
