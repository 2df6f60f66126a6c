import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { MaintenanceWindow } from '../../../collectors/ssm/maintenance-windows.ts';
import { type PatchAssociation, patchDocuments } from '../../../collectors/ssm/patch-associations.ts';
import type { SsmTarget, TaskParameters } from '../../../collectors/ssm/targets.ts';
import { isRecurringSchedule } from './schedule-expression.ts';
import { describeTargets, type TargetLookups, targetsFollowFleet, targetsSelect } from './ssm-target-selection.ts';

/** Automation runbooks that patch instances (they run AWS-RunPatchBaseline with Install themselves). */
export const patchRunbooks = ['AWS-PatchInstanceWithRollback', 'AWS-PatchAsgInstance'] as const;

export type PlanVerdict =
	| { ok: true; description: string; evidence: string[] }
	| { ok: false; problem: string; evidence: string[] };

function installs(parameters: TaskParameters): boolean {
	return (parameters.Operation ?? []).some((value) => value.toLowerCase() === 'install');
}

function coverage(targets: readonly SsmTarget[], fleet: readonly Ec2Instance[], lookups: TargetLookups): string | null {
	if (!targetsFollowFleet(targets))
		return `targets ${describeTargets(targets)}; target the fleet by tag (or a tag-based resource group) so that new instances are patched too`;
	const missed = fleet
		.filter((instance) => !targetsSelect(targets, instance, lookups))
		.map((instance) => instance.instanceId);
	return missed.length === 0 ? null : `its targets (${describeTargets(targets)}) miss ${missed.join(', ')}`;
}

/** Does this maintenance window patch the whole fleet on a schedule? Says what is missing when not. */
export function windowPatchesFleet(
	window: MaintenanceWindow,
	fleet: readonly Ec2Instance[],
	lookups: TargetLookups,
): PlanVerdict {
	const name = `maintenance window ${window.name} (${window.windowId})`;
	const evidence = [window.windowId];
	if (!window.enabled) return { ok: false, problem: `${name} is disabled`, evidence };
	if (!isRecurringSchedule(window.schedule)) {
		return { ok: false, problem: `${name} has no recurring schedule (${window.schedule ?? 'none'})`, evidence };
	}
	const patchTasks = window.tasks.filter(
		(task) =>
			((patchDocuments as readonly string[]).includes(task.taskArn) && task.taskType === 'RUN_COMMAND') ||
			((patchRunbooks as readonly string[]).includes(task.taskArn) && task.taskType === 'AUTOMATION'),
	);
	if (patchTasks.length === 0)
		return { ok: false, problem: `${name} has no AWS-RunPatchBaseline (or patch runbook) task`, evidence };
	const problems: string[] = [];
	for (const task of patchTasks) {
		if (task.taskType === 'RUN_COMMAND' && !installs(task.parameters)) {
			problems.push(`task ${task.windowTaskId} runs ${task.taskArn} without Operation=Install (it only scans)`);
			continue;
		}
		const targetIds = task.targets.find((target) => target.key === 'WindowTargetIds')?.values ?? [];
		// A task either points at registered window targets or names its targets itself.
		const targetLists =
			targetIds.length > 0
				? window.targets.filter((target) => targetIds.includes(target.windowTargetId)).map((target) => target.targets)
				: [task.targets];
		const gaps = targetLists.map((targets) => coverage(targets, fleet, lookups));
		if (gaps.some((gap) => gap === null)) {
			return {
				ok: true,
				description: `${name} (${window.schedule}) runs ${task.taskArn} on the fleet`,
				evidence: [...evidence, task.windowTaskId],
			};
		}
		problems.push(
			`task ${task.windowTaskId}: ${gaps.filter((gap) => gap !== null).join('; ') || 'no registered target'}`,
		);
	}
	return { ok: false, problem: `${name}: ${problems.join('; ')}`, evidence };
}

/**
 * Does this State Manager association patch the whole fleet on a schedule? Quick Setup patch policies
 * are such associations (AWS-RunPatchBaseline, Operation=Install, a schedule, and targets by tag,
 * resource group or every managed node), so they are judged the same way.
 */
export function associationPatchesFleet(
	association: PatchAssociation,
	fleet: readonly Ec2Instance[],
	lookups: TargetLookups,
): PlanVerdict {
	const name = `association ${association.associationName ?? association.associationId}`;
	const evidence = [association.associationId];
	if (!installs(association.parameters))
		return { ok: false, problem: `${name} runs ${association.documentName} without Operation=Install`, evidence };
	if (!isRecurringSchedule(association.scheduleExpression)) {
		return {
			ok: false,
			problem: `${name} has no recurring schedule (${association.scheduleExpression ?? 'none'})`,
			evidence,
		};
	}
	const gap = coverage(association.targets, fleet, lookups);
	if (gap) return { ok: false, problem: `${name}: ${gap}`, evidence };
	return {
		ok: true,
		description: `${name} (${association.scheduleExpression}) runs ${association.documentName} on the fleet`,
		evidence,
	};
}
