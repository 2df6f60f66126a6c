import {
	CloudFormationClient,
	paginateDescribeStacks,
	type StackDriftInformation,
} from '@aws-sdk/client-cloudformation';
import type { Collector } from '../../engine/types.ts';

export interface Stack {
	stackName: string;
	stackId: string;
	/** e.g. CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE, ROLLBACK_COMPLETE. */
	status: string;
	description: string | null;
	/** The `sre-lab` tag only, when the stack has it. */
	tags: Record<string, string>;
	/** The `SreLab` output only (OutputKey → OutputValue), when the stack declares it. */
	outputs: Record<string, string>;
	lastUpdated: string | null;
	/**
	 * DriftInformation, when a drift detection has run on the stack: its latest status and when that
	 * detection was started. Absent when never checked, and in snapshots saved before sre-lab kept it.
	 */
	drift?: StackDriftCheck;
}

/** A stack's latest drift detection as DescribeStacks reports it (StackDriftInformation). */
export interface StackDriftCheck {
	/** DRIFTED, IN_SYNC or UNKNOWN (NOT_CHECKED stacks have no `drift`). */
	status: string;
	/**
	 * LastCheckTimestamp (ISO 8601): "most recent time when a drift detection operation was initiated
	 * on the stack, or any of its individual resources".
	 */
	checkedAt: string;
}

/** The stack's drift check, when DescribeStacks reports one. */
function driftCheckOf(
	information: StackDriftInformation | undefined,
): { drift: StackDriftCheck } | Record<string, never> {
	const status = information?.StackDriftStatus;
	const checkedAt = information?.LastCheckTimestamp?.toISOString();
	return status && status !== 'NOT_CHECKED' && checkedAt ? { drift: { status, checkedAt } } : {};
}

/**
 * The one tag and the one output a check reads: which lab the stack belongs to (sre-lab-stacks.ts).
 * Other tags and outputs can hold anything a template exposes (a database URL, a generated
 * password), so they are dropped as they are read.
 */
export const sreLabStackTagKey = 'sre-lab';
export const sreLabStackOutputKey = 'SreLab';

/** The value under `key` in a `[{Key, Value}]`-style list, as a one-entry record (empty when absent). */
function only<T>(
	items: readonly T[] | undefined,
	key: string,
	keyOf: (item: T) => string | undefined,
	valueIn: (item: T) => string | undefined,
): Record<string, string> {
	const item = (items ?? []).find((candidate) => keyOf(candidate) === key);
	return item === undefined ? {} : { [key]: valueIn(item) ?? '' };
}

/** Every live stack in the region (DescribeStacks without a name leaves deleted stacks out). */
export const cloudformationStacks: Collector<Stack[]> = {
	id: 'cloudformation.stacks',
	description: 'CloudFormation stacks with status, their sre-lab tag or SreLab output, and their latest drift check',
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
					tags: only(
						stack.Tags,
						sreLabStackTagKey,
						(tag) => tag.Key,
						(tag) => tag.Value,
					),
					outputs: only(
						stack.Outputs,
						sreLabStackOutputKey,
						(output) => output.OutputKey,
						(output) => output.OutputValue,
					),
					lastUpdated: (stack.LastUpdatedTime ?? stack.CreationTime)?.toISOString() ?? null,
					...driftCheckOf(stack.DriftInformation),
				});
			}
		}
		return stacks.sort((a, b) => a.stackName.localeCompare(b.stackName));
	},
};
