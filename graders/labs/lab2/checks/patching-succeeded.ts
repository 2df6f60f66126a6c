import type { InstancePatchState } from '../../../collectors/ssm/instance-patch-states.ts';
import type { PatchInstallInvocation } from '../../../collectors/ssm/patch-install-commands.ts';
import type { CheckDefinition, ReadOutcome } from '../../../engine/types.ts';
import { labFleet } from '../facts/fleet.ts';

/**
 * Successful Install invocations per instance. The command history is a second source: when it could
 * not be read, the patch states alone decide, because they are the primary evidence.
 */
function successfulInstalls(
	outcome: ReadOutcome<PatchInstallInvocation[]> | undefined,
): Map<string, PatchInstallInvocation> {
	const byInstance = new Map<string, PatchInstallInvocation>();
	if (!outcome?.ok) return byInstance;
	for (const invocation of outcome.data)
		if (invocation.status === 'Success') byInstance.set(invocation.instanceId, invocation);
	return byInstance;
}

export const patchingSucceeded: CheckDefinition = {
	id: 'patching-succeeded',
	reads: ['ec2.instances', 'ssm.instance-patch-states', 'ssm.patch-install-commands'],
	evaluate(view) {
		const fleet = labFleet(view);
		const states = new Map(
			view.read<InstancePatchState[]>('ssm.instance-patch-states').map((state) => [state.instanceId, state]),
		);
		const commands = successfulInstalls(view.outcome<PatchInstallInvocation[]>('ssm.patch-install-commands'));
		const since = Date.parse(view.window.since);
		const evidence = fleet.map((instance) => instance.instanceId);
		const problems = fleet.flatMap((instance) => {
			const state = states.get(instance.instanceId);
			const ended = state?.operationEndTime ? Date.parse(state.operationEndTime) : Number.NaN;
			if (state && state.operation === 'Install' && ended >= since) {
				return state.failedCount > 0
					? [`${instance.instanceId} reports ${state.failedCount} patch(es) that failed to install`]
					: [];
			}
			const command = commands.get(instance.instanceId);
			if (command) {
				evidence.push(command.commandId);
				return [];
			}
			if (!state) return [`${instance.instanceId} has never reported a patch operation`];
			if (state.operation !== 'Install')
				return [`${instance.instanceId} last ran a ${state.operation}, not an Install`];
			return [
				`${instance.instanceId} last installed patches at ${state.operationEndTime ?? 'an unknown time'}, before ${view.window.since}`,
			];
		});
		if (problems.length > 0)
			return {
				status: 'fail',
				message: `Patching has not succeeded on the whole fleet: ${problems.join('; ')}.`,
				evidence,
			};
		return {
			status: 'pass',
			message: `All ${fleet.length} instances completed a patch Install without failures since ${view.window.since}.`,
			evidence,
		};
	},
};
