import { paginateDescribeAutomationExecutions, SSMClient } from '@aws-sdk/client-ssm';
import type { Collector } from '../../engine/types.ts';
import { ssmFilterTimestamp } from './filter-timestamp.ts';

export interface AutomationExecution {
	executionId: string;
	documentName: string;
	/** Success, Failed, TimedOut, Cancelled, InProgress, … as the API reports it. */
	status: string;
	/** ISO 8601 */
	startTime: string | null;
	/** Executions started by another execution name their parent; a remediation's runs have none. */
	parentExecutionId: string | null;
	/**
	 * Who called StartAutomationExecution (the API's ExecutedBy), as {@link principalOf} shortens it:
	 * the role EventBridge assumed for a rule's target, or the learner's own user or role for a run
	 * started by hand. Null when the API does not say; absent from snapshots saved before sre-lab
	 * recorded it.
	 */
	startedBy?: string | null;
}

/**
 * ExecutedBy without an assumed role's session name, which is often a person's e-mail or user name
 * (IAM Identity Center) or a random id (EventBridge): `arn:aws:sts::111122223333:assumed-role/R/s`
 * becomes `arn:aws:sts::111122223333:assumed-role/R`. Any other ARN (an IAM user, the root user) is
 * kept as it is: it already names only the principal.
 */
export function principalOf(executedBy: string): string {
	const assumed = /^(arn:[^:]+:sts::[^:]*:assumed-role\/[^/]+)\/.*$/.exec(executedBy);
	return assumed?.[1] ?? executedBy;
}

/**
 * Automation runs that started in the window (DescribeAutomationExecutions keeps both active and
 * terminated executions), so the remediation check can find a successful run of the runbook that a
 * rule started when an alarm changed state. Only what that check reads is kept: who started the run
 * (without a session name), never the run's parameters, outputs or targets.
 */
export const ssmAutomationExecutions: Collector<AutomationExecution[]> = {
	id: 'ssm.automation-executions',
	description: 'Systems Manager Automation executions started in the time window',
	iamActions: ['ssm:DescribeAutomationExecutions'],
	async collect({ clients, window }) {
		const executions: AutomationExecution[] = [];
		const pages = paginateDescribeAutomationExecutions(
			{ client: clients.get(SSMClient), pageSize: 50 },
			{ Filters: [{ Key: 'StartTimeAfter', Values: [ssmFilterTimestamp(window.since)] }] },
		);
		for await (const page of pages) {
			for (const run of page.AutomationExecutionMetadataList ?? []) {
				if (!run.AutomationExecutionId) continue;
				const startTime = run.ExecutionStartTime?.toISOString() ?? null;
				// The filter is whole seconds; the window is exact.
				if (startTime && (startTime < window.since || startTime > window.until)) continue;
				executions.push({
					executionId: run.AutomationExecutionId,
					documentName: run.DocumentName ?? '',
					status: run.AutomationExecutionStatus ?? 'Unknown',
					startTime,
					parentExecutionId: run.ParentAutomationExecutionId ?? null,
					startedBy: run.ExecutedBy ? principalOf(run.ExecutedBy) : null,
				});
			}
		}
		return executions.sort(
			(a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.executionId.localeCompare(b.executionId),
		);
	},
};
