import {
	ConfigServiceClient,
	type EvaluationResult,
	GetComplianceDetailsByConfigRuleCommand,
	paginateDescribeConfigRules,
} from '@aws-sdk/client-config-service';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';

export interface RuleEvaluation {
	/** e.g. AWS::Lambda::Function */
	resourceType: string;
	/** The resource's id as Config names it: a function name, an alarm name, a table name. */
	resourceId: string;
	/** COMPLIANT or NON_COMPLIANT (the two values the grader asks for). */
	complianceType: string;
}

export interface ConfigRuleEvaluations {
	ruleName: string;
	/** ACTIVE, EVALUATING, DELETING, DELETING_RESULTS. */
	state: string;
	evaluations: RuleEvaluation[];
	/** True when the rule had more results than the grader reads. */
	truncated: boolean;
}

/** GetComplianceDetailsByConfigRule returns at most 100 results a page; 5 pages cover a lab's resources. */
const pageLimit = 100;
const maxPages = 5;

function toEvaluation(result: EvaluationResult): RuleEvaluation | null {
	const qualifier = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
	if (!qualifier?.ResourceId) return null;
	return {
		resourceType: qualifier.ResourceType ?? '',
		resourceId: qualifier.ResourceId,
		complianceType: result.ComplianceType ?? 'INSUFFICIENT_DATA',
	};
}

/**
 * Every AWS Config rule in the Region with the resources it evaluated as compliant or not, keyed by
 * rule name, so the policy check can see a rule report compliance for the lab's own resources.
 * Without a configuration recorder the list of rules is empty or their results are: both are answers.
 */
export const configRuleEvaluations: Collector<PerResource<ConfigRuleEvaluations>> = {
	id: 'config.rule-evaluations',
	description: 'AWS Config rules and the compliance they recorded per resource',
	iamActions: ['config:DescribeConfigRules', 'config:GetComplianceDetailsByConfigRule'],
	async collect({ clients }) {
		const config = clients.get(ConfigServiceClient);
		// A rule's state only: its source, scope and input parameters (free-form) are not read by the check.
		const rules = new Map<string, { state: string }>();
		for await (const page of paginateDescribeConfigRules({ client: config }, {})) {
			for (const rule of page.ConfigRules ?? []) {
				if (!rule.ConfigRuleName) continue;
				rules.set(rule.ConfigRuleName, { state: rule.ConfigRuleState ?? 'UNKNOWN' });
			}
		}
		return fanOut(
			[...rules.keys()],
			async (ruleName): Promise<ConfigRuleEvaluations> => {
				const evaluations: RuleEvaluation[] = [];
				let token: string | undefined;
				let pages = 0;
				do {
					const page = await config.send(
						new GetComplianceDetailsByConfigRuleCommand({
							ConfigRuleName: ruleName,
							ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'],
							Limit: pageLimit,
							NextToken: token,
						}),
					);
					pages += 1;
					for (const result of page.EvaluationResults ?? []) {
						const evaluation = toEvaluation(result);
						if (evaluation) evaluations.push(evaluation);
					}
					token = page.NextToken;
				} while (token && pages < maxPages);
				return {
					ruleName,
					...(rules.get(ruleName) as { state: string }),
					evaluations: evaluations.sort(
						(a, b) => a.resourceType.localeCompare(b.resourceType) || a.resourceId.localeCompare(b.resourceId),
					),
					truncated: token !== undefined,
				};
			},
			{ service: 'config', operation: 'GetComplianceDetailsByConfigRule' },
		);
	},
};
