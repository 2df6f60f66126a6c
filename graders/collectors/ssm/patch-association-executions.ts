import {
	paginateDescribeAssociationExecutions,
	paginateDescribeAssociationExecutionTargets,
	paginateListAssociationVersions,
	SSMClient,
} from '@aws-sdk/client-ssm';
import type { Collector, PerResource, TimeWindow } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import { ssmFilterTimestamp } from './filter-timestamp.ts';
import type { PatchAssociation } from './patch-associations.ts';

/** How one managed node fared in one run of an association. */
export interface AssociationRunTarget {
	/** The managed node, e.g. `i-0a2b…`. */
	resourceId: string;
	resourceType: string;
	/** `Success`, `Failed`, `Pending`, … */
	status: string;
	detailedStatus: string | null;
	lastExecutionDate: string | null;
}

export interface AssociationRun {
	executionId: string;
	associationVersion: string;
	status: string;
	createdTime: string | null;
	targets: AssociationRunTarget[];
}

export interface PatchAssociationRuns {
	/** Versions of the association whose parameters say Operation=Install (a version may have only scanned). */
	installVersions: string[];
	/** Runs of those versions created within the time window, with their per-node results. */
	runs: AssociationRun[];
}

const installs = (parameters: Record<string, string[]> | undefined) =>
	(parameters?.Operation ?? []).some((value) => value.toLowerCase() === 'install');

async function installVersionsOf(ssm: SSMClient, associationId: string): Promise<string[]> {
	const versions: string[] = [];
	for await (const page of paginateListAssociationVersions(
		{ client: ssm, pageSize: 50 },
		{ AssociationId: associationId },
	))
		for (const version of page.AssociationVersions ?? [])
			if (version.AssociationVersion && installs(version.Parameters)) versions.push(version.AssociationVersion);
	return versions;
}

async function runTargets(ssm: SSMClient, associationId: string, executionId: string): Promise<AssociationRunTarget[]> {
	const targets: AssociationRunTarget[] = [];
	const pages = paginateDescribeAssociationExecutionTargets(
		{ client: ssm, pageSize: 50 },
		{ AssociationId: associationId, ExecutionId: executionId },
	);
	for await (const page of pages) {
		for (const target of page.AssociationExecutionTargets ?? []) {
			if (!target.ResourceId) continue;
			targets.push({
				resourceId: target.ResourceId,
				resourceType: target.ResourceType ?? 'unknown',
				status: target.Status ?? 'unknown',
				detailedStatus: target.DetailedStatus ?? null,
				lastExecutionDate: target.LastExecutionDate ? target.LastExecutionDate.toISOString() : null,
			});
		}
	}
	return targets.sort((a, b) => a.resourceId.localeCompare(b.resourceId));
}

async function readRuns(ssm: SSMClient, associationId: string, window: TimeWindow): Promise<PatchAssociationRuns> {
	const installVersions = await installVersionsOf(ssm, associationId);
	if (installVersions.length === 0) return { installVersions, runs: [] };
	const since = Date.parse(window.since);
	const runs: AssociationRun[] = [];
	const pages = paginateDescribeAssociationExecutions(
		{ client: ssm, pageSize: 50 },
		{
			AssociationId: associationId,
			Filters: [{ Key: 'CreatedTime', Type: 'GREATER_THAN', Value: ssmFilterTimestamp(window.since) }],
		},
	);
	for await (const page of pages) {
		for (const execution of page.AssociationExecutions ?? []) {
			const version = execution.AssociationVersion ?? '';
			if (!execution.ExecutionId || !installVersions.includes(version)) continue;
			if (execution.CreatedTime && execution.CreatedTime.getTime() < since) continue;
			runs.push({
				executionId: execution.ExecutionId,
				associationVersion: version,
				status: execution.Status ?? 'unknown',
				createdTime: execution.CreatedTime ? execution.CreatedTime.toISOString() : null,
				targets: await runTargets(ssm, associationId, execution.ExecutionId),
			});
		}
	}
	return { installVersions, runs: runs.sort((a, b) => (a.createdTime ?? '').localeCompare(b.createdTime ?? '')) };
}

/**
 * Runs of the patch associations within the time window, with each node's result, keyed by
 * association id. An instance's patch state keeps only its last operation, so a daily Scan (Quick
 * Setup's host management adds one) hides an Install that an association ran earlier; the
 * association's run history still shows it. Only versions that install are followed to their nodes.
 */
export const ssmPatchAssociationExecutions: Collector<PerResource<PatchAssociationRuns>> = {
	id: 'ssm.patch-association-executions',
	description: 'Runs of the patch associations in the time window (install versions only), with per-node results',
	iamActions: [
		'ssm:ListAssociationVersions',
		'ssm:DescribeAssociationExecutions',
		'ssm:DescribeAssociationExecutionTargets',
	],
	needs: ['ssm.patch-associations'],
	async collect({ clients, need, window }) {
		const ssm = clients.get(SSMClient);
		const associations = need<PerResource<PatchAssociation>>('ssm.patch-associations');
		return fanOut(Object.keys(associations), (associationId) => readRuns(ssm, associationId, window), {
			service: 'ssm',
			operation: 'DescribeAssociationExecutions',
		});
	},
};
