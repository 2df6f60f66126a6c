import type { ResourceGroupQuery } from '../../../collectors/resource-groups/ssm-target-groups.ts';
import type { PerResource, SnapshotView } from '../../../engine/types.ts';
import { dataOf } from './alternatives.ts';
import type { GroupLookup } from './ssm-target-selection.ts';

export const targetGroupsRead = 'resource-groups.ssm-target-groups';

/**
 * Resource groups looked up only when a target names one, so a failed group read never touches a
 * plan that targets tags; when one does, the plan cannot be judged (ReadFailed), never failed.
 */
export function groupLookup(view: SnapshotView): GroupLookup {
	return (name) =>
		dataOf(view.read<PerResource<ResourceGroupQuery>>(targetGroupsRead)[name], `the resource group ${name}`);
}
