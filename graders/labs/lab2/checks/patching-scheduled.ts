import type { MaintenanceWindow } from '../../../collectors/ssm/maintenance-windows.ts';
import type { PatchAssociation } from '../../../collectors/ssm/patch-associations.ts';
import type { CheckDefinition, CheckVerdict, PerResource } from '../../../engine/types.ts';
import { anyAlternative, dataOf } from '../facts/alternatives.ts';
import { labFleet } from '../facts/fleet.ts';
import { associationPatchesFleet, type PlanVerdict, windowPatchesFleet } from '../facts/patching-plans.ts';
import { targetGroupsRead, targetLookups, targetTagsRead } from '../facts/target-groups.ts';

function bestOf(kind: string, verdicts: PlanVerdict[]): CheckVerdict {
	const passing = verdicts.find((verdict) => verdict.ok);
	if (passing?.ok)
		return { status: 'pass', message: `Patching is automated: ${passing.description}.`, evidence: passing.evidence };
	const problems = verdicts.flatMap((verdict) => (verdict.ok ? [] : [verdict.problem]));
	return {
		status: 'fail',
		message: problems.length > 0 ? problems.join('; ') : `no ${kind}`,
		evidence: verdicts.flatMap((verdict) => verdict.evidence),
	};
}

export const patchingScheduled: CheckDefinition = {
	id: 'patching-scheduled',
	reads: ['ec2.instances', 'ssm.maintenance-windows', 'ssm.patch-associations', targetGroupsRead, targetTagsRead],
	evaluate(view) {
		const fleet = labFleet(view);
		const lookups = targetLookups(view);
		return anyAlternative(
			[
				() => {
					const windows = view.read<PerResource<MaintenanceWindow>>('ssm.maintenance-windows');
					return bestOf(
						'maintenance window',
						Object.entries(windows).map(([id, outcome]) => windowPatchesFleet(dataOf(outcome, id), fleet, lookups)),
					);
				},
				() => {
					const associations = view.read<PerResource<PatchAssociation>>('ssm.patch-associations');
					return bestOf(
						'patch baseline association',
						Object.entries(associations).map(([id, outcome]) =>
							associationPatchesFleet(dataOf(outcome, id), fleet, lookups),
						),
					);
				},
			],
			(messages) => ({
				status: 'fail',
				message: `Patching of the fleet is not automated on a schedule: ${messages.join('; ')}.`,
			}),
		);
	},
};
