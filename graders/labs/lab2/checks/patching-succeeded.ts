import type { InstancePatchState } from '../../../collectors/ssm/instance-patch-states.ts';
import type { PatchAssociationRuns } from '../../../collectors/ssm/patch-association-executions.ts';
import type { PatchInstallInvocation } from '../../../collectors/ssm/patch-install-commands.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { labFleet } from '../facts/fleet.ts';
import { instancePatching } from '../facts/patch-evidence.ts';

export const patchingSucceeded: CheckDefinition = {
	id: 'patching-succeeded',
	reads: [
		'ec2.instances',
		'ssm.instance-patch-states',
		'ssm.patch-install-commands',
		'ssm.patch-association-executions',
	],
	evaluate(view) {
		const fleet = labFleet(view);
		const sources = {
			since: view.window.since,
			states: new Map(
				view.read<InstancePatchState[]>('ssm.instance-patch-states').map((state) => [state.instanceId, state]),
			),
			commands: view.outcome<PatchInstallInvocation[]>('ssm.patch-install-commands'),
			associationRuns: view.outcome<PerResource<PatchAssociationRuns>>('ssm.patch-association-executions'),
		};
		const results = fleet.map((instance) => instancePatching(instance, sources));
		const evidence = [
			...fleet.map((instance) => instance.instanceId),
			...results.flatMap((result) => (result.kind === 'installed' ? result.evidence : [])),
		];
		const problems = results.flatMap((result) => (result.kind === 'problem' ? [result.problem] : []));
		if (problems.length > 0)
			return {
				status: 'fail',
				message: `Patching has not succeeded on the whole fleet: ${problems.join('; ')}.`,
				evidence,
			};
		const unknown = results.find((result) => result.kind === 'unknown');
		if (unknown?.kind === 'unknown') {
			// The history that could show the Install was unreadable: the grader cannot tell, so no failure.
			throw new ReadFailed({
				...unknown.readError,
				message: `${unknown.problem} in its patch state, and the grader could not read the command or association history that may show an Install: ${unknown.readError.message}`,
			});
		}
		return {
			status: 'pass',
			message: `All ${fleet.length} instances completed a patch Install without failures since ${view.window.since}.`,
			evidence,
		};
	},
};
