import {
	GetMaintenanceWindowTaskCommand,
	type GetMaintenanceWindowTaskCommandOutput,
	paginateDescribeMaintenanceWindows,
	paginateDescribeMaintenanceWindowTargets,
	paginateDescribeMaintenanceWindowTasks,
	SSMClient,
} from '@aws-sdk/client-ssm';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import { keepReadParameters, type SsmTarget, type TaskParameters, toSsmTargets } from './targets.ts';

export interface MaintenanceWindowTarget {
	windowTargetId: string;
	resourceType: string;
	targets: SsmTarget[];
}

export interface MaintenanceWindowTask {
	windowTaskId: string;
	/** `RUN_COMMAND`, `AUTOMATION`, `LAMBDA` or `STEP_FUNCTIONS`. */
	taskType: string;
	/** The document, runbook or function the task runs, e.g. `AWS-RunPatchBaseline`. */
	taskArn: string;
	/** Usually `WindowTargetIds` = [window target ids]; may also name instances or tags directly. */
	targets: SsmTarget[];
	/** Only the parameters a check reads (`Operation`); see readParameterNames. */
	parameters: TaskParameters;
}

export interface MaintenanceWindow {
	windowId: string;
	name: string;
	enabled: boolean;
	schedule: string | null;
	scheduleTimezone: string | null;
	nextExecutionTime: string | null;
	targets: MaintenanceWindowTarget[];
	tasks: MaintenanceWindowTask[];
}

/**
 * The parameters a task passes to its document, of which only the ones checks read are kept. Current
 * tasks keep them in TaskInvocationParameters; tasks made with the older API keep them in
 * TaskParameters, which the console still shows.
 */
function taskParameters(task: GetMaintenanceWindowTaskCommandOutput): TaskParameters {
	const invocation = task.TaskInvocationParameters;
	const fromInvocation = invocation?.RunCommand?.Parameters ?? invocation?.Automation?.Parameters;
	if (fromInvocation) return keepReadParameters(fromInvocation);
	return keepReadParameters(
		Object.fromEntries(Object.entries(task.TaskParameters ?? {}).map(([name, value]) => [name, value.Values ?? []])),
	);
}

async function readWindowDetails(
	ssm: SSMClient,
	windowId: string,
): Promise<Pick<MaintenanceWindow, 'targets' | 'tasks'>> {
	const targets: MaintenanceWindowTarget[] = [];
	for await (const page of paginateDescribeMaintenanceWindowTargets({ client: ssm }, { WindowId: windowId })) {
		for (const target of page.Targets ?? []) {
			if (!target.WindowTargetId) continue;
			targets.push({
				windowTargetId: target.WindowTargetId,
				resourceType: target.ResourceType ?? 'INSTANCE',
				targets: toSsmTargets(target.Targets),
			});
		}
	}
	const tasks: MaintenanceWindowTask[] = [];
	for await (const page of paginateDescribeMaintenanceWindowTasks({ client: ssm }, { WindowId: windowId })) {
		for (const summary of page.Tasks ?? []) {
			if (!summary.WindowTaskId) continue;
			// Only GetMaintenanceWindowTask returns the invocation parameters (where Operation=Install lives).
			const task = await ssm.send(
				new GetMaintenanceWindowTaskCommand({ WindowId: windowId, WindowTaskId: summary.WindowTaskId }),
			);
			tasks.push({
				windowTaskId: summary.WindowTaskId,
				taskType: task.TaskType ?? summary.Type ?? 'unknown',
				taskArn: task.TaskArn ?? summary.TaskArn ?? '',
				targets: toSsmTargets(task.Targets ?? summary.Targets),
				parameters: taskParameters(task),
			});
		}
	}
	return { targets, tasks };
}

/** Every maintenance window in the region with its targets and tasks, keyed by window id. */
export const ssmMaintenanceWindows: Collector<PerResource<MaintenanceWindow>> = {
	id: 'ssm.maintenance-windows',
	description: 'Maintenance windows with their schedule, targets and tasks (with the Operation parameter only)',
	iamActions: [
		'ssm:DescribeMaintenanceWindows',
		'ssm:DescribeMaintenanceWindowTargets',
		'ssm:DescribeMaintenanceWindowTasks',
		'ssm:GetMaintenanceWindowTask',
	],
	async collect({ clients }) {
		const ssm = clients.get(SSMClient);
		const windows = new Map<string, Omit<MaintenanceWindow, 'targets' | 'tasks'>>();
		for await (const page of paginateDescribeMaintenanceWindows({ client: ssm, pageSize: 50 }, {})) {
			for (const window of page.WindowIdentities ?? []) {
				if (!window.WindowId) continue;
				windows.set(window.WindowId, {
					windowId: window.WindowId,
					name: window.Name ?? window.WindowId,
					enabled: window.Enabled === true,
					schedule: window.Schedule ?? null,
					scheduleTimezone: window.ScheduleTimezone ?? null,
					nextExecutionTime: window.NextExecutionTime ?? null,
				});
			}
		}
		return fanOut(
			[...windows.keys()],
			async (windowId) => ({
				...(windows.get(windowId) as Omit<MaintenanceWindow, 'targets' | 'tasks'>),
				...(await readWindowDetails(ssm, windowId)),
			}),
			{ service: 'ssm', operation: 'DescribeMaintenanceWindowTasks' },
		);
	},
};
