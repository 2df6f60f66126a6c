import type { AlarmStateRule } from '../../../collectors/events/alarm-state-rules.ts';
import type { AutomationExecution } from '../../../collectors/ssm/automation-executions.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { type RemediationRoute, remediationRoutes } from '../facts/automation-targets.ts';
import { readableItems } from '../facts/readable.ts';
import { roleOfArn, startedByRole } from '../facts/run-starter.ts';

/** The enabled route whose target role started the run, if any. */
function startingRoute(run: AutomationExecution, routes: readonly RemediationRoute[]): RemediationRoute | undefined {
	const startedBy = run.startedBy;
	if (!startedBy) return undefined;
	return routes.find((route) => route.document === run.documentName && startedByRole(startedBy, route.roleArn));
}

/**
 * Who started the run is not known: the snapshot was saved before sre-lab recorded ExecutedBy (or the
 * API left it out). Such a run counts as it did before: the learner can no longer collect a window
 * that still holds it, so turning it into a fail or could-not-grade would cost them work they did.
 */
const starterUnknown = (run: AutomationExecution) => (run.startedBy ?? null) === null;

function roleNameOf(route: RemediationRoute): string {
	return route.roleArn ? (roleOfArn(route.roleArn)?.name ?? route.roleArn) : 'none';
}

/** AutomationExecutionStatus values of a run that has not ended: it may still succeed. */
const runningStatuses = new Set([
	'Pending',
	'InProgress',
	'Waiting',
	'Scheduled',
	'RunbookInProgress',
	'PendingApproval',
	'Approved',
	'PendingChangeCalendarOverride',
	'ChangeCalendarOverrideApproved',
	'Cancelling',
]);

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
		const successes = runs.filter((run) => run.status === 'Success');
		// Only a run the rule started shows that an alarm state change triggers the runbook: EventBridge
		// starts it as the target's role, so its ExecutedBy is a session of that role.
		for (const run of successes) {
			const route = startingRoute(run, enabled);
			if (route) {
				return {
					status: 'pass',
					message: `Rule "${route.rule}" starts ${run.documentName} on alarm state changes; its run ${run.executionId}, started by the rule's role ${roleNameOf(route)} at ${run.startTime}, succeeded.`,
					evidence: [route.rule, run.documentName, run.executionId],
				};
			}
		}
		const unknown = successes.find(starterUnknown);
		const unknownRoute = enabled.find((candidate) => candidate.document === unknown?.documentName);
		if (unknown && unknownRoute) {
			return {
				status: 'pass',
				message: `Rule "${unknownRoute.rule}" starts ${unknown.documentName} on alarm state changes; its run ${unknown.executionId} started at ${unknown.startTime} succeeded (this snapshot does not record who started the run, so it was not checked to be the rule's).`,
				evidence: [unknownRoute.rule, unknown.documentName, unknown.executionId],
			};
		}
		// An unreadable rule might start a runbook that did succeed, or be the one whose role started a run.
		rules.requireAll();
		const byHand = successes[0];
		if (byHand) {
			const ruleRoutes = enabled.filter((route) => route.document === byHand.documentName);
			const ruleNames = ruleRoutes.map((route) => `"${route.rule}" (target role ${roleNameOf(route)})`).join(', ');
			const ruleRuns = runs.filter((run) => startingRoute(run, enabled));
			const noRole = ruleRoutes.some((route) => route.roleArn === null)
				? ' A target without a role cannot start a runbook: give it one that may call ssm:StartAutomationExecution and iam:PassRole.'
				: '';
			return {
				status: 'fail',
				message:
					`${byHand.documentName} run ${byHand.executionId} succeeded, but it was started by ${byHand.startedBy}, not by the rule ${ruleNames}: a run started by hand (or by anything but the rule) does not show that an alarm triggers the runbook. ` +
					`Let the alarm trigger it: switch the Lab 3 fault on (or run the experiment) and wait for the rule to start the runbook.${noRole}` +
					(ruleRuns.length > 0
						? ` The rule's own runs did not succeed (${ruleRuns.map((run) => `${run.executionId}: ${run.status}`).join('; ')}).`
						: ''),
				evidence: [...ruleRoutes.map((route) => route.rule), ...successes.map((run) => run.executionId)],
			};
		}
		const names = [...documents].sort().join(', ');
		const running = runs.filter((run) => runningStatuses.has(run.status));
		return {
			status: 'fail',
			message:
				running.length > 0
					? `${names} has not succeeded yet: ${running.map((run) => `${run.executionId} (started ${run.startTime}) is ${run.status}`).join('; ')}. Check again when it ends (Systems Manager > Automation shows its steps).`
					: runs.length > 0
						? `${names} ran ${runs.length} time(s) since ${view.window.since} but never succeeded (${runs.map((run) => `${run.executionId}: ${run.status}`).join('; ')}): open the execution in Systems Manager > Automation to see the failed step, often the role's permissions.`
						: `No run of ${names} started since ${view.window.since}: let the alarm change state (run the experiment) and check the rule's target role may start the runbook (ssm:StartAutomationExecution, and iam:PassRole for its AutomationAssumeRole).`,
			evidence: [...enabled.map((candidate) => candidate.rule), ...runs.map((run) => run.executionId)],
		};
	},
};
