import type { InstancePatchState } from '../../../collectors/ssm/instance-patch-states.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { labFleet } from '../facts/fleet.ts';

export const patchingSucceeded: CheckDefinition = {
	id: 'patching-succeeded',
	reads: ['ec2.instances', 'ssm.instance-patch-states'],
	evaluate(view) {
		const fleet = labFleet(view);
		const states = new Map(
			view.read<InstancePatchState[]>('ssm.instance-patch-states').map((state) => [state.instanceId, state]),
		);
		const since = Date.parse(view.window.since);
		const problems = fleet.flatMap((instance) => {
			const state = states.get(instance.instanceId);
			if (!state) return [`${instance.instanceId} has never reported a patch operation`];
			const ended = state.operationEndTime ? Date.parse(state.operationEndTime) : Number.NaN;
			if (state.operation !== 'Install')
				return [`${instance.instanceId} last ran a ${state.operation}, not an Install`];
			if (!(ended >= since))
				return [
					`${instance.instanceId} last installed patches at ${state.operationEndTime ?? 'an unknown time'}, before ${view.window.since}`,
				];
			if (state.failedCount > 0)
				return [`${instance.instanceId} reports ${state.failedCount} patch(es) that failed to install`];
			return [];
		});
		const evidence = fleet.map((instance) => instance.instanceId);
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
