import { DescribeAssociationCommand, paginateListAssociations, SSMClient } from '@aws-sdk/client-ssm';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import { keepReadParameters, type SsmTarget, type TaskParameters, toSsmTargets } from './targets.ts';

/**
 * Documents that install patches from a patch baseline when run with Operation=Install.
 * AWS-RunPatchBaselineAssociation is the one Quick Setup's host management uses (for its daily Scan);
 * Quick Setup patch policies run AWS-RunPatchBaseline from associations they create.
 */
export const patchDocuments = [
	'AWS-RunPatchBaseline',
	'AWS-RunPatchBaselineWithHooks',
	'AWS-RunPatchBaselineAssociation',
] as const;

export interface PatchAssociation {
	associationId: string;
	associationName: string | null;
	documentName: string;
	targets: SsmTarget[];
	scheduleExpression: string | null;
	/** Only the parameters a check reads (`Operation`); see readParameterNames. */
	parameters: TaskParameters;
	/** The association's overall status, e.g. `Success`, `Failed`, `Pending`. */
	status: string | null;
	lastExecutionAt: string | null;
}

/**
 * State Manager associations of the patching documents, keyed by association id. Only
 * DescribeAssociation returns the parameters, so each matching association is read once more.
 */
export const ssmPatchAssociations: Collector<PerResource<PatchAssociation>> = {
	id: 'ssm.patch-associations',
	description:
		'State Manager associations that run the patch baseline documents, with schedule, targets and the Operation parameter',
	iamActions: ['ssm:ListAssociations', 'ssm:DescribeAssociation'],
	async collect({ clients }) {
		const ssm = clients.get(SSMClient);
		const ids: string[] = [];
		for (const documentName of patchDocuments) {
			const pages = paginateListAssociations(
				{ client: ssm, pageSize: 50 },
				{ AssociationFilterList: [{ key: 'Name', value: documentName }] },
			);
			for await (const page of pages) {
				for (const association of page.Associations ?? [])
					if (association.AssociationId) ids.push(association.AssociationId);
			}
		}
		return fanOut(
			ids,
			async (associationId): Promise<PatchAssociation> => {
				const { AssociationDescription: description } = await ssm.send(
					new DescribeAssociationCommand({ AssociationId: associationId }),
				);
				return {
					associationId,
					associationName: description?.AssociationName ?? null,
					documentName: description?.Name ?? '',
					// Associations made for one instance with the old API name it instead of targets.
					targets: description?.InstanceId
						? [{ key: 'InstanceIds', values: [description.InstanceId] }]
						: toSsmTargets(description?.Targets),
					scheduleExpression: description?.ScheduleExpression ?? null,
					parameters: keepReadParameters(description?.Parameters ?? {}),
					status: description?.Overview?.Status ?? null,
					lastExecutionAt: description?.LastExecutionDate ? description.LastExecutionDate.toISOString() : null,
				};
			},
			{ service: 'ssm', operation: 'DescribeAssociation' },
		);
	},
};
