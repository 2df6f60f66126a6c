import type { StackResource } from '../../../collectors/cloudformation/sre-lab-stack-resources.ts';
import type { ConfigRuleEvaluations } from '../../../collectors/config/rule-evaluations.ts';
import { requireOutcome } from '../../../engine/snapshot-view.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { appResources, isDeployed, lab3Stacks } from '../../lab3/facts/app-stack.ts';
import { appAlarms } from '../facts/app-alarm-arns.ts';
import { noAppStack } from '../facts/no-app-stack.ts';
import { readableItems } from '../facts/readable.ts';

/** The names and ids AWS gave the app stack's resources (function names, table name, API id…). */
function appPhysicalIds(view: Parameters<CheckDefinition['evaluate']>[0], stackIds: readonly string[]): Set<string> {
	const perStack = view.read<PerResource<StackResource[]>>('cloudformation.sre-lab-stack-resources');
	const ids = new Set<string>();
	for (const stackId of stackIds) {
		const outcome = perStack[stackId];
		for (const resource of outcome ? requireOutcome(outcome) : []) {
			if (resource.physicalId) ids.add(resource.physicalId);
		}
	}
	return ids;
}

/**
 * The application's alarms (Lab 3's, on the app's metrics), by name and by ARN: a rule such as
 * CLOUDWATCH_ALARM_ACTION_CHECK evaluates them, though they live outside the app stack (Lab 3 builds
 * them by hand or in a stack of their own). Config's documentation does not say which of the two it
 * uses as an alarm's resource id, so both count. Read only when a rule reports on alarms at all.
 */
function appAlarmIds(view: Parameters<CheckDefinition['evaluate']>[0]): Set<string> {
	const alarms = appAlarms(view, appResources(view));
	const ids = new Set<string>();
	for (const [arn, name] of [...alarms.metric, ...alarms.composite]) ids.add(arn).add(name);
	return ids;
}

/**
 * Whether the rule's results still stand: ACTIVE, or EVALUATING, the state Config sets "temporarily
 * after you use the StartConfigRulesEvaluation request" (Re-evaluate in the console) while it keeps the
 * earlier results. DELETING and DELETING_RESULTS rules are on their way out with their results.
 */
const reportsResults = (rule: ConfigRuleEvaluations) => rule.state === 'ACTIVE' || rule.state === 'EVALUATING';

export const configRuleReports: CheckDefinition = {
	id: 'config-rule-reports',
	reads: [
		'cloudformation.stacks',
		'cloudformation.sre-lab-stack-resources',
		'config.rule-evaluations',
		'cloudwatch.metric-alarms',
		'cloudwatch.composite-alarms',
	],
	evaluate(view) {
		const stacks = lab3Stacks(view).filter(isDeployed);
		if (stacks.length === 0) {
			return noAppStack('the Config rule has to evaluate its resources');
		}
		const appIds = appPhysicalIds(
			view,
			stacks.map((stack) => stack.stackId),
		);
		const readable = readableItems(view.read<PerResource<ConfigRuleEvaluations>>('config.rule-evaluations'));
		const rules = readable.readable;
		// Config names a function or a table by its name, the same physical id CloudFormation lists.
		const active = rules.filter(reportsResults);
		const isAlarm = (evaluation: { resourceType: string }) => evaluation.resourceType === 'AWS::CloudWatch::Alarm';
		const alarmIds = active.some((rule) => rule.evaluations.some(isAlarm)) ? appAlarmIds(view) : new Set<string>();
		const reporting = active
			.map((rule) => ({
				rule,
				onApp: rule.evaluations.filter(
					(evaluation) =>
						appIds.has(evaluation.resourceId) || (isAlarm(evaluation) && alarmIds.has(evaluation.resourceId)),
				),
			}))
			.filter(({ onApp }) => onApp.length > 0);
		const first = reporting[0];
		if (first) {
			const sample = first.onApp[0];
			return {
				status: 'pass',
				message: `Config rule "${first.rule.ruleName}" reports ${sample?.complianceType} for ${sample?.resourceType} ${sample?.resourceId}${first.onApp.length > 1 ? ` and ${first.onApp.length - 1} more of the app's resources` : ''}.`,
				evidence: [first.rule.ruleName, ...first.onApp.map((evaluation) => evaluation.resourceId)],
			};
		}
		readable.requireAll();
		if (rules.length === 0) {
			return {
				status: 'fail',
				message:
					"No AWS Config rule in this Region: turn on the configuration recorder for the application's resource types and add a rule such as the managed rule LAMBDA_FUNCTION_SETTINGS_CHECK.",
				evidence: [],
			};
		}
		const names = rules.map((rule) => `"${rule.ruleName}" (${rule.state}, ${rule.evaluations.length} result(s))`);
		return {
			status: 'fail',
			message: `None of the Config rules ${names.join(', ')} has reported COMPLIANT or NON_COMPLIANT for a resource of the Lab 3 application (its stack's resources or its alarms): check the recorder records those resource types (Lambda functions, CloudWatch alarms…), the rule's scope includes them, and wait for an evaluation (or start one with Re-evaluate).`,
			evidence: rules.map((rule) => rule.ruleName),
		};
	},
};
