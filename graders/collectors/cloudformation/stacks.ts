import { CloudFormationClient, paginateDescribeStacks } from '@aws-sdk/client-cloudformation';
import type { Collector } from '../../engine/types.ts';

export interface Stack {
	stackName: string;
	stackId: string;
	/** e.g. CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE, ROLLBACK_COMPLETE. */
	status: string;
	description: string | null;
	tags: Record<string, string>;
	/** OutputKey → OutputValue. */
	outputs: Record<string, string>;
	lastUpdated: string | null;
}

/** Every live stack in the region (DescribeStacks without a name leaves deleted stacks out). */
export const cloudformationStacks: Collector<Stack[]> = {
	id: 'cloudformation.stacks',
	description: 'CloudFormation stacks with status, tags and outputs',
	iamActions: ['cloudformation:DescribeStacks'],
	async collect({ clients }) {
		const stacks: Stack[] = [];
		for await (const page of paginateDescribeStacks({ client: clients.get(CloudFormationClient) }, {})) {
			for (const stack of page.Stacks ?? []) {
				if (!stack.StackName) continue;
				stacks.push({
					stackName: stack.StackName,
					stackId: stack.StackId ?? stack.StackName,
					status: stack.StackStatus ?? 'UNKNOWN',
					description: stack.Description ?? null,
					tags: Object.fromEntries((stack.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
					outputs: Object.fromEntries(
						(stack.Outputs ?? []).map((output) => [output.OutputKey ?? '', output.OutputValue ?? '']),
					),
					lastUpdated: (stack.LastUpdatedTime ?? stack.CreationTime)?.toISOString() ?? null,
				});
			}
		}
		return stacks.sort((a, b) => a.stackName.localeCompare(b.stackName));
	},
};
