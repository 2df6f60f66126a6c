import { EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import type { Collector, PerResource } from '../../engine/types.ts';
import { dataOrNothing, type ResourceGroupQuery } from '../resource-groups/ssm-target-groups.ts';
import type { MaintenanceWindow } from '../ssm/maintenance-windows.ts';
import type { PatchAssociation } from '../ssm/patch-associations.ts';
import type { SsmTarget } from '../ssm/targets.ts';
import { instanceTagKeys } from './instances.ts';
import { tagsToRecord } from './tags.ts';

/** Instance id → the tags that Systems Manager targets name and ec2.instances does not keep. */
export type InstanceTargetTags = Record<string, Record<string, string>>;

/** CloudFormation tags every stack resource carries; a stack-based resource group selects by them. */
export const stackTagKeys = ['aws:cloudformation:stack-id', 'aws:cloudformation:stack-name'] as const;

/** A DescribeInstances filter takes at most 200 values. */
const maxFilterValues = 200;

function keysNamedBy(targets: readonly SsmTarget[]): string[] {
	return targets.flatMap((target) => {
		if (target.key.startsWith('tag:')) return [target.key.slice('tag:'.length)];
		if (target.key === 'tag-key') return target.values;
		return [];
	});
}

function keysNamedByGroup(group: ResourceGroupQuery): string[] {
	if (group.type === 'TAG_FILTERS_1_0') return group.tagFilters.map((filter) => filter.key);
	if (group.type === 'CLOUDFORMATION_STACK_1_0') return [...stackTagKeys];
	return [];
}

/** Tag keys that the windows, associations and resource groups select instances by, beyond those always kept. */
export function targetTagKeys(
	windows: PerResource<MaintenanceWindow>,
	associations: PerResource<PatchAssociation>,
	groups: PerResource<ResourceGroupQuery>,
): string[] {
	const keys = [
		...Object.values(windows).flatMap((outcome) =>
			outcome.ok
				? [
						...outcome.data.targets.flatMap((target) => keysNamedBy(target.targets)),
						...outcome.data.tasks.flatMap((task) => keysNamedBy(task.targets)),
					]
				: [],
		),
		...Object.values(associations).flatMap((outcome) => (outcome.ok ? keysNamedBy(outcome.data.targets) : [])),
		...Object.values(groups).flatMap((outcome) => (outcome.ok ? keysNamedByGroup(outcome.data) : [])),
	];
	const alwaysKept: readonly string[] = instanceTagKeys;
	return [...new Set(keys)].filter((key) => !alwaysKept.includes(key)).sort();
}

/**
 * The instance tags that the learner's maintenance windows, patch associations and resource groups
 * select by (`tag:Environment`, `tag-key`, a group's tag filters, a stack group's CloudFormation tags),
 * keyed by instance id. ec2.instances keeps only the tags every check reads; a target may name any
 * other key, so those keys, and only those, are read here. Nothing is called when no target names one
 * (the lab's own `tag:PatchGroup` or `tag:sre-lab` targets are answered by ec2.instances).
 */
export const ec2SsmTargetTags: Collector<InstanceTargetTags> = {
	id: 'ec2.ssm-target-tags',
	description: 'Instance tags that maintenance windows, patch associations and their resource groups target by',
	iamActions: ['ec2:DescribeInstances'],
	needs: ['ssm.maintenance-windows', 'ssm.patch-associations', 'resource-groups.ssm-target-groups'],
	async collect({ clients, need }) {
		const keys = targetTagKeys(
			dataOrNothing(() => need<PerResource<MaintenanceWindow>>('ssm.maintenance-windows')) ?? {},
			dataOrNothing(() => need<PerResource<PatchAssociation>>('ssm.patch-associations')) ?? {},
			dataOrNothing(() => need<PerResource<ResourceGroupQuery>>('resource-groups.ssm-target-groups')) ?? {},
		);
		const tags: InstanceTargetTags = {};
		const ec2 = clients.get(EC2Client);
		for (let start = 0; start < keys.length; start += maxFilterValues) {
			const chunk = keys.slice(start, start + maxFilterValues);
			// Only instances that carry one of the keys come back, and only those keys are kept.
			const pages = paginateDescribeInstances(
				{ client: ec2, pageSize: 1000 },
				{ Filters: [{ Name: 'tag-key', Values: chunk }] },
			);
			for await (const page of pages) {
				for (const reservation of page.Reservations ?? []) {
					for (const instance of reservation.Instances ?? []) {
						if (!instance.InstanceId || instance.State?.Name === 'terminated') continue;
						tags[instance.InstanceId] = { ...tags[instance.InstanceId], ...tagsToRecord(instance.Tags, chunk) };
					}
				}
			}
		}
		return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => a.localeCompare(b)));
	},
};
