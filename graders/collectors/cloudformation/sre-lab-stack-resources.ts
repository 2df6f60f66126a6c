import { CloudFormationClient, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import { sreLabOfStack } from './sre-lab-stacks.ts';
import type { Stack } from './stacks.ts';

export interface StackResource {
	logicalId: string;
	/** The name or id AWS gave the resource: a function name, an API id, a table name. */
	physicalId: string;
	/** e.g. AWS::Lambda::Function */
	type: string;
	status: string;
}

/**
 * The resources of the stacks that belong to a lab, keyed by stack id: this is how a grader learns
 * the names AWS generated for the lab's functions, API and table. Only lab stacks are listed, so an
 * account full of other stacks does not multiply the calls.
 */
export const cloudformationSreLabStackResources: Collector<PerResource<StackResource[]>> = {
	id: 'cloudformation.sre-lab-stack-resources',
	description: 'Resources of the stacks marked as sre-lab stacks',
	iamActions: ['cloudformation:ListStackResources'],
	needs: ['cloudformation.stacks'],
	async collect({ clients, need }) {
		const cloudformation = clients.get(CloudFormationClient);
		const stackIds = need<Stack[]>('cloudformation.stacks')
			.filter((stack) => sreLabOfStack(stack) !== null)
			.map((stack) => stack.stackId);
		return fanOut(
			stackIds,
			async (stackId) => {
				const resources: StackResource[] = [];
				for await (const page of paginateListStackResources({ client: cloudformation }, { StackName: stackId })) {
					for (const resource of page.StackResourceSummaries ?? []) {
						resources.push({
							logicalId: resource.LogicalResourceId ?? '',
							physicalId: resource.PhysicalResourceId ?? '',
							type: resource.ResourceType ?? '',
							status: resource.ResourceStatus ?? '',
						});
					}
				}
				return resources;
			},
			{ service: 'cloudformation', operation: 'ListStackResources' },
		);
	},
};
