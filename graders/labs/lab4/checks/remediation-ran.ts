import type { AlarmStateRule } from '../../../collectors/events/alarm-state-rules.ts';
import type { AutomationExecution } from '../../../collectors/ssm/automation-executions.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { remediationRoutes } from '../facts/automation-targets.ts';
import { readableItems } from '../facts/readable.ts';

export const remediationRan: CheckDefinition = {
	id: 'remediation-ran',
	reads: ['events.alarm-state-rules', 'ssm.automation-executions'],
	evaluate(view) {
		const rules = readableItems(view.read<PerResource<AlarmStateRule>>('events.alarm-state-rules'));
		const routes = remediationRoutes(rules.readable);
		const enabled = routes.filter((route) => route.enabled);
		if (enabled.length === 0) {
			rules.requireAll();
			return {
				status: 'fail',
				message:
					routes.length > 0
						? `The rule(s) ${[...new Set(routes.map((route) => `"${route.rule}"`))].join(', ')} start a runbook on alarm state changes but are disabled: enable one.`
						: 'No EventBridge rule on the default bus matches CloudWatch Alarm State Change events with a Systems Manager Automation runbook as its target.',
				evidence: routes.map((route) => route.rule),
			};
		}
		const documents = new Set(enabled.map((route) => route.document));
		const runs = view
			.read<AutomationExecution[]>('ssm.automation-executions')
			.filter((run) => documents.has(run.documentName) && run.parentExecutionId === null);
		const success = runs.find((run) => run.status === 'Success');
		const route = enabled.find((candidate) => candidate.document === success?.documentName);
		if (success && route) {
			return {
				status: 'pass',
				message: `Rule "${route.rule}" starts ${success.documentName} on alarm state changes; its run ${success.executionId} started at ${success.startTime} succeeded.`,
				evidence: [route.rule, success.documentName, success.executionId],
			};
		}
		// An unreadable rule might start a runbook that did succeed.
		rules.requireAll();
		const names = [...documents].sort().join(', ');
		return {
			status: 'fail',
			message:
				runs.length > 0
					? `${names} ran ${runs.length} time(s) since ${view.window.since} but never succeeded (${runs.map((run) => `${run.executionId}: ${run.status}`).join('; ')}): open the execution in Systems Manager > Automation to see the failed step, often the role's permissions.`
					: `No run of ${names} started since ${view.window.since}: let the alarm change state (run the experiment) and check the rule's target role may start the runbook (ssm:StartAutomationExecution, and iam:PassRole for its AutomationAssumeRole).`,
			evidence: [...enabled.map((candidate) => candidate.rule), ...runs.map((run) => run.executionId)],
		};
	},
};
