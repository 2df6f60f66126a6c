import { type ContextEntry, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { ReadFailed } from '../../engine/errors.ts';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { ExperimentTemplate } from '../fis/lab4-experiment-templates.ts';
import { functionsOfTarget, lambdaFaultTargets, lambdaTargetAction } from '../fis/lambda-fault-targets.ts';
import { decisionsFor, type SimulatedDecision } from './simulation-decisions.ts';

/** A function name no learner's template targets: the grader asks whether the role could touch it. */
export const outsiderFunctionName = 'sre-lab-grader-probe-not-a-target';

export interface RoleScope {
	roleArn: string;
	/** False when IAM has no such role (SimulatePrincipalPolicy answered NoSuchEntity): FIS could not use it. */
	roleExists: boolean;
	/** The IAM action simulated (what the Lambda fault actions need on a target function). */
	action: string;
	/** The decision on each function the template's Lambda fault actions target, by function ARN. */
	targets: Record<string, SimulatedDecision>;
	/** A function in the same account and Region that the template does not target. */
	outsider: { arn: string; decision: SimulatedDecision };
	/**
	 * The other lab functions (tagged `sre-lab`) that the template does not target, by ARN, each simulated
	 * with its own tags: the made-up outsider carries no tags, so a role scoped by a tag condition broader
	 * than its targets' (`sre-lab` like `lab*`) shows only here. Absent in snapshots saved before.
	 */
	others?: Record<string, SimulatedDecision>;
}

/** The outsider function's ARN, in the role's account and partition and the grader's Region. */
export function outsiderFunctionArn(roleArn: string, region: string): string {
	const [, partition = 'aws', , , account = ''] = roleArn.split(':');
	return `arn:${partition}:lambda:${region}:${account}:function:${outsiderFunctionName}`;
}

/** The function's tags as `aws:ResourceTag/<key>`, so a role scoped by tag conditions can be judged. */
function tagContext(tags: Record<string, string> | undefined): ContextEntry[] {
	return Object.entries(tags ?? {}).map(([key, value]) => ({
		ContextKeyName: `aws:ResourceTag/${key}`,
		ContextKeyType: 'string',
		ContextKeyValues: [value],
	}));
}

const isNoSuchEntity = (error: unknown) =>
	typeof error === 'object' && error !== null && (error as { name?: string }).name === 'NoSuchEntityException';

function tagsOrNull(need: <T>(id: string) => T): Record<string, Record<string, string>> | null {
	try {
		const perFunction = need<PerResource<Record<string, string>>>('lambda.function-tags');
		return Object.fromEntries(
			Object.entries(perFunction).flatMap(([arn, outcome]) => (outcome.ok ? [[arn, outcome.data]] : [])),
		);
	} catch (error) {
		// Without tags only the functions a template names by ARN can be simulated; the check reads the
		// failed tag read itself when a template selects functions by tag.
		if (error instanceof ReadFailed) return null;
		throw error;
	}
}

/**
 * Whether each lab experiment template's role is scoped to its targets, by IAM's policy simulator:
 * lambda:GetFunction on every function the Lambda fault actions target must be allowed, and on a
 * function the template does not target (a made-up one, and the other lab functions) must not be. One simulation per function (SimulatePrincipalPolicy's
 * top-level decision is the strictest over all resources of a call), with the function's tags as
 * context; keyed by template id, one template's failure apart from the others'.
 */
export const iamFisRoleScope: Collector<PerResource<RoleScope>> = {
	id: 'iam.fis-role-scope',
	description:
		'Simulated lambda:GetFunction decisions of the sre-lab=lab4 FIS templates roles, on their targets and on another function',
	iamActions: ['iam:SimulatePrincipalPolicy'],
	needs: ['fis.lab4-experiment-templates', 'lambda.function-tags'],
	async collect({ clients, need, region }) {
		const iam = clients.get(IAMClient);
		const taggedFunctions = tagsOrNull(need);
		const templates = Object.values(need<PerResource<ExperimentTemplate>>('fis.lab4-experiment-templates')).flatMap(
			(outcome) => (outcome.ok && outcome.data.roleArn !== '' ? [outcome.data] : []),
		);
		const byId = new Map(templates.map((template) => [template.id, template]));
		const simulate = async (roleArn: string, resourceArn: string): Promise<SimulatedDecision> => {
			const result = await iam.send(
				new SimulatePrincipalPolicyCommand({
					PolicySourceArn: roleArn,
					ActionNames: [lambdaTargetAction],
					ResourceArns: [resourceArn],
					ContextEntries: tagContext(taggedFunctions?.[resourceArn]),
				}),
			);
			return (
				decisionsFor(result.EvaluationResults ?? [], resourceArn)[lambdaTargetAction] ?? {
					decision: 'implicitDeny',
					missingContext: [],
				}
			);
		};
		return fanOut(
			templates.filter((template) => lambdaFaultTargets(template).length > 0).map((template) => template.id),
			async (id): Promise<RoleScope> => {
				const template = byId.get(id) as ExperimentTemplate;
				const arns = [
					...new Set(
						lambdaFaultTargets(template).flatMap(({ target }) => functionsOfTarget(target, taggedFunctions).arns),
					),
				].sort();
				const outsider = outsiderFunctionArn(template.roleArn, region);
				const otherArns = Object.keys(taggedFunctions ?? {})
					.filter((arn) => !arns.includes(arn))
					.sort();
				try {
					const targets: Record<string, SimulatedDecision> = {};
					for (const arn of arns) targets[arn] = await simulate(template.roleArn, arn);
					const outsiderDecision = await simulate(template.roleArn, outsider);
					const others: Record<string, SimulatedDecision> = {};
					for (const arn of otherArns) others[arn] = await simulate(template.roleArn, arn);
					return {
						roleArn: template.roleArn,
						roleExists: true,
						action: lambdaTargetAction,
						targets,
						outsider: { arn: outsider, decision: outsiderDecision },
						others,
					};
				} catch (error) {
					// A role deleted (or mistyped) after the template was made is the learner's to fix, not a failed read.
					if (!isNoSuchEntity(error)) throw error;
					const denied = { decision: 'implicitDeny', missingContext: [] };
					return {
						roleArn: template.roleArn,
						roleExists: false,
						action: lambdaTargetAction,
						targets: Object.fromEntries(arns.map((arn) => [arn, denied])),
						outsider: { arn: outsider, decision: denied },
						others: Object.fromEntries(otherArns.map((arn) => [arn, denied])),
					};
				}
			},
			{ service: 'iam', operation: 'SimulatePrincipalPolicy' },
		);
	},
};
