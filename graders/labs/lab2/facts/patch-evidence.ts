import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { InstancePatchState } from '../../../collectors/ssm/instance-patch-states.ts';
import type { PatchAssociationRuns } from '../../../collectors/ssm/patch-association-executions.ts';
import type { PatchInstallInvocation } from '../../../collectors/ssm/patch-install-commands.ts';
import type { PerResource, ReadError, ReadOutcome } from '../../../engine/types.ts';

/** What the grader can say about one instance's patching in the window. */
export type InstancePatching =
	| { kind: 'installed'; evidence: string[] }
	| { kind: 'problem'; problem: string }
	/** No Install in the patch state, and a source that could have shown one was unreadable. */
	| { kind: 'unknown'; problem: string; readError: ReadError };

export interface PatchSources {
	since: string;
	states: ReadonlyMap<string, InstancePatchState>;
	commands: ReadOutcome<PatchInstallInvocation[]> | undefined;
	associationRuns: ReadOutcome<PerResource<PatchAssociationRuns>> | undefined;
}

/** A source that was not collected (an older snapshot) counts as unreadable, never as empty. */
function unreadable(what: string): ReadError {
	return {
		kind: 'other',
		service: 'ssm',
		operation: what,
		message: `The snapshot has no "${what}" read. Collect a new snapshot with this version of sre-lab.`,
	};
}

/** Successful Install runs of the instance, from the command history and from association runs. */
function installRuns(instanceId: string, sources: PatchSources): { evidence: string[]; readError: ReadError | null } {
	const evidence: string[] = [];
	let readError: ReadError | null = null;
	const { commands, associationRuns } = sources;
	if (!commands) readError = unreadable('ssm.patch-install-commands');
	else if (!commands.ok) readError = commands.error;
	else
		for (const invocation of commands.data)
			if (invocation.instanceId === instanceId && invocation.status === 'Success') evidence.push(invocation.commandId);
	if (!associationRuns) readError ??= unreadable('ssm.patch-association-executions');
	else if (!associationRuns.ok) readError ??= associationRuns.error;
	else
		for (const outcome of Object.values(associationRuns.data)) {
			if (!outcome.ok) {
				readError ??= outcome.error;
				continue;
			}
			for (const run of outcome.data.runs)
				if (run.targets.some((target) => target.resourceId === instanceId && target.status === 'Success'))
					evidence.push(run.executionId);
		}
	return { evidence, readError };
}

/**
 * Did the instance install patches in the window? Its patch state is the primary evidence, but it
 * keeps only the last operation, so a later Scan hides an Install: then a successful Install command
 * or association run counts. "No Install" is a failure only when every such source could be read.
 */
export function instancePatching(instance: Ec2Instance, sources: PatchSources): InstancePatching {
	const id = instance.instanceId;
	const state = sources.states.get(id);
	const ended = state?.operationEndTime ? Date.parse(state.operationEndTime) : Number.NaN;
	if (state && state.operation === 'Install' && ended >= Date.parse(sources.since)) {
		// The state is the last operation: a later successful Install would have replaced it.
		return state.failedCount > 0
			? { kind: 'problem', problem: `${id} reports ${state.failedCount} patch(es) that failed to install` }
			: { kind: 'installed', evidence: [] };
	}
	const runs = installRuns(id, sources);
	if (runs.evidence.length > 0) return { kind: 'installed', evidence: runs.evidence };
	const problem = !state
		? `${id} has never reported a patch operation`
		: state.operation !== 'Install'
			? `${id} last ran a ${state.operation}, not an Install`
			: `${id} last installed patches at ${state.operationEndTime ?? 'an unknown time'}, before ${sources.since}`;
	return runs.readError ? { kind: 'unknown', problem, readError: runs.readError } : { kind: 'problem', problem };
}
