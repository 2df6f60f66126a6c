import { GetGroupQueryCommand, ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { ReadFailed } from '../../engine/errors.ts';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { MaintenanceWindow } from '../ssm/maintenance-windows.ts';
import type { PatchAssociation } from '../ssm/patch-associations.ts';
import type { SsmTarget } from '../ssm/targets.ts';

/** The target key with which Systems Manager selects the members of a resource group. */
export const resourceGroupTargetKey = 'resource-groups:Name';

/** A resource group's membership rule, as GetGroupQuery returns it (the Query is a JSON document). */
export interface ResourceGroupQuery {
	name: string;
	/** `TAG_FILTERS_1_0` or `CLOUDFORMATION_STACK_1_0`. */
	type: string;
	/** e.g. `AWS::EC2::Instance`; the default `AWS::AllSupported` admits every type. */
	resourceTypeFilters: string[];
	/** Tag-based groups: every filter must match; an empty value list matches any value of the key. */
	tagFilters: { key: string; values: string[] }[];
	/** Stack-based groups: the stack whose resources are members. */
	stackIdentifier: string | null;
}

function parseQuery(name: string, type: string, query: string): ResourceGroupQuery {
	const parsed = JSON.parse(query || '{}') as {
		ResourceTypeFilters?: string[];
		TagFilters?: { Key?: string; Values?: string[] }[];
		StackIdentifier?: string;
	};
	return {
		name,
		type,
		resourceTypeFilters: parsed.ResourceTypeFilters ?? ['AWS::AllSupported'],
		tagFilters: (parsed.TagFilters ?? []).flatMap((filter) =>
			filter.Key ? [{ key: filter.Key, values: filter.Values ?? [] }] : [],
		),
		stackIdentifier: parsed.StackIdentifier ?? null,
	};
}

/** Data of a dependency, or nothing when that read failed: the groups of the other one still count. */
export function dataOrNothing<T>(read: () => T): T | null {
	try {
		return read();
	} catch (error) {
		if (error instanceof ReadFailed) return null;
		throw error;
	}
}

function groupNames(targets: readonly SsmTarget[]): string[] {
	return targets.filter((target) => target.key === resourceGroupTargetKey).flatMap((target) => target.values);
}

/**
 * The membership rules of the resource groups that maintenance windows and patch associations target
 * (`Key=resource-groups:Name`), keyed by group name, so a check can tell whether a group holds the fleet.
 */
export const resourceGroupsSsmTargetGroups: Collector<PerResource<ResourceGroupQuery>> = {
	id: 'resource-groups.ssm-target-groups',
	description: 'Queries of the resource groups that maintenance windows and patch associations target',
	iamActions: ['resource-groups:GetGroupQuery'],
	needs: ['ssm.maintenance-windows', 'ssm.patch-associations'],
	async collect({ clients, need }) {
		const windows = dataOrNothing(() => need<PerResource<MaintenanceWindow>>('ssm.maintenance-windows')) ?? {};
		const associations = dataOrNothing(() => need<PerResource<PatchAssociation>>('ssm.patch-associations')) ?? {};
		const names = [
			...Object.values(windows).flatMap((outcome) =>
				outcome.ok
					? [
							...outcome.data.targets.flatMap((target) => groupNames(target.targets)),
							...outcome.data.tasks.flatMap((task) => groupNames(task.targets)),
						]
					: [],
			),
			...Object.values(associations).flatMap((outcome) => (outcome.ok ? groupNames(outcome.data.targets) : [])),
		];
		if (names.length === 0) return {};
		const client = clients.get(ResourceGroupsClient);
		return fanOut(
			names,
			async (name) => {
				const { GroupQuery: group } = await client.send(new GetGroupQueryCommand({ Group: name }));
				return parseQuery(name, group?.ResourceQuery?.Type ?? 'unknown', group?.ResourceQuery?.Query ?? '');
			},
			{ service: 'resource-groups', operation: 'GetGroupQuery' },
		);
	},
};
