import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import {
	type ResourceGroupQuery,
	resourceGroupTargetKey,
} from '../../../collectors/resource-groups/ssm-target-groups.ts';
import type { SsmTarget } from '../../../collectors/ssm/targets.ts';

/** The membership rule of a resource group by name; throws ReadFailed when it could not be read. */
export type GroupLookup = (name: string) => ResourceGroupQuery;

/** An instance's tag by key (undefined when it has none); throws ReadFailed when it could not be read. */
export type TagLookup = (instance: Ec2Instance, key: string) => string | undefined;

/** What targets are resolved against: resource groups by name, instance tags by key. */
export interface TargetLookups {
	group: GroupLookup;
	tag: TagLookup;
}

const instanceType = 'AWS::EC2::Instance';
const admitsInstances = (types: readonly string[]) =>
	types.length === 0 || types.includes('AWS::AllSupported') || types.includes(instanceType);

/**
 * Is the instance a member of the group? A tag-based group holds every resource of an admitted type
 * whose tags match all its filters; a stack-based group holds the stack's resources, which
 * CloudFormation tags with `aws:cloudformation:stack-id` (and `-name`).
 */
function groupHolds(group: ResourceGroupQuery, instance: Ec2Instance, tag: TagLookup): boolean {
	if (!admitsInstances(group.resourceTypeFilters)) return false;
	if (group.type === 'TAG_FILTERS_1_0') {
		return (
			group.tagFilters.length > 0 &&
			group.tagFilters.every((filter) => {
				const value = tag(instance, filter.key);
				return value !== undefined && (filter.values.length === 0 || filter.values.includes(value));
			})
		);
	}
	if (group.type === 'CLOUDFORMATION_STACK_1_0' && group.stackIdentifier) {
		return [tag(instance, 'aws:cloudformation:stack-id'), tag(instance, 'aws:cloudformation:stack-name')].includes(
			group.stackIdentifier,
		);
	}
	return false;
}

/**
 * Does one Systems Manager target entry select the instance? Tag targets are what the lab asks for,
 * because they pick up instances added later; so do `InstanceIds=*` (every managed node, what Quick
 * Setup patch policies use for a whole account) and resource groups (`resource-groups:Name`, with an
 * optional `resource-groups:ResourceTypeFilters`). Listed instance ids select only those instances.
 */
function entrySelects(target: SsmTarget, instance: Ec2Instance, lookups: TargetLookups): boolean {
	if (target.key === 'InstanceIds') return target.values.includes('*') || target.values.includes(instance.instanceId);
	if (target.key === 'tag-key') return target.values.some((key) => lookups.tag(instance, key) !== undefined);
	if (target.key.startsWith('tag:')) {
		const value = lookups.tag(instance, target.key.slice('tag:'.length));
		return value !== undefined && target.values.includes(value);
	}
	if (target.key === resourceGroupTargetKey)
		return target.values.some((name) => groupHolds(lookups.group(name), instance, lookups.tag));
	if (target.key === 'resource-groups:ResourceTypeFilters') return admitsInstances(target.values);
	return false;
}

/** Several entries in one target list must all match (Systems Manager combines them with AND). */
export function targetsSelect(targets: readonly SsmTarget[], instance: Ec2Instance, lookups: TargetLookups): boolean {
	return targets.length > 0 && targets.every((target) => entrySelects(target, instance, lookups));
}

/** True when the selection follows the fleet (tags, resource groups, every node) rather than listing instance ids. */
export function targetsFollowFleet(targets: readonly SsmTarget[]): boolean {
	return (
		targets.length > 0 &&
		targets.every(
			(target) =>
				target.key === 'tag-key' ||
				target.key.startsWith('tag:') ||
				target.key.startsWith('resource-groups:') ||
				(target.key === 'InstanceIds' && target.values.length === 1 && target.values[0] === '*'),
		)
	);
}

export function describeTargets(targets: readonly SsmTarget[]): string {
	return targets.map((target) => `${target.key}=${target.values.join(',')}`).join(' and ') || 'no targets';
}
