import { instanceTagKeys } from '../../../collectors/ec2/instances.ts';
import type { InstanceTargetTags } from '../../../collectors/ec2/ssm-target-tags.ts';
import type { ResourceGroupQuery } from '../../../collectors/resource-groups/ssm-target-groups.ts';
import type { PerResource, SnapshotView } from '../../../engine/types.ts';
import { dataOf } from './alternatives.ts';
import type { GroupLookup, TagLookup, TargetLookups } from './ssm-target-selection.ts';

export const targetGroupsRead = 'resource-groups.ssm-target-groups';
export const targetTagsRead = 'ec2.ssm-target-tags';

/**
 * Resource groups looked up only when a target names one, so a failed group read never touches a
 * plan that targets tags; when one does, the plan cannot be judged (ReadFailed), never failed.
 */
export function groupLookup(view: SnapshotView): GroupLookup {
	return (name) =>
		dataOf(view.read<PerResource<ResourceGroupQuery>>(targetGroupsRead)[name], `the resource group ${name}`);
}

/**
 * An instance's tag: ec2.instances holds the tags every check reads (and, in snapshots taken before
 * collectors kept only those, all of them); any other key a target names is in ec2.ssm-target-tags,
 * read only then, so its failure touches only plans that target such a key.
 */
export function tagLookup(view: SnapshotView): TagLookup {
	const alwaysKept: readonly string[] = instanceTagKeys;
	return (instance, key) => {
		if (key in instance.tags) return instance.tags[key];
		if (alwaysKept.includes(key)) return undefined;
		// A snapshot without this read predates it: its ec2.instances kept every tag, so the tag is absent.
		if (view.outcome(targetTagsRead) === undefined) return undefined;
		return view.read<InstanceTargetTags>(targetTagsRead)[instance.instanceId]?.[key];
	};
}

export function targetLookups(view: SnapshotView): TargetLookups {
	return { group: groupLookup(view), tag: tagLookup(view) };
}
