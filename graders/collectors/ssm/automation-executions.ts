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
}

/**
 * Automation runs that started in the window (DescribeAutomationExecutions keeps both active and
 * terminated executions), so the remediation check can find a successful run of the runbook an
 * alarm triggers. Only what that check reads is kept: never the run's parameters, outputs, targets
 * or who started it.
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
				});
			}
		}
		return executions.sort(
			(a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.executionId.localeCompare(b.executionId),
		);
	},
};
