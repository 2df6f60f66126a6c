import type { ContextEntry } from '@aws-sdk/client-iam';
import type { TimeWindow } from '../../engine/types.ts';

/**
 * What the simulator is told about the call a correct cleanup function makes: DeleteSnapshot on a
 * snapshot this account owns in the grader's Region, tagged sre-lab=lab2 and carrying a DeleteAfter
 * tag. IAM evaluates conditions only against the context it is given, so without these values a
 * well-scoped statement (`"Null": {"aws:ResourceTag/DeleteAfter": "false"}`, `aws:RequestedRegion`,
 * a tag condition) reads as an implicit deny. Keys the grader cannot know (a principal tag, the
 * source function) stay missing, and the check lets the policy documents decide for them.
 */
export function cleanupSimulationContext(region: string, window: TimeWindow): ContextEntry[] {
	const text = (name: string, value: string): ContextEntry => ({
		ContextKeyName: name,
		ContextKeyValues: [value],
		ContextKeyType: 'string',
	});
	// A snapshot the function deletes is overdue: its DeleteAfter date lies before the grading window.
	const overdueDate = window.since.slice(0, 10);
	return [
		text('aws:ResourceTag/sre-lab', 'lab2'),
		text('ec2:ResourceTag/sre-lab', 'lab2'),
		text('aws:ResourceTag/DeleteAfter', overdueDate),
		text('ec2:ResourceTag/DeleteAfter', overdueDate),
		text('aws:RequestedRegion', region),
		text('ec2:Region', region),
		{ ContextKeyName: 'aws:SecureTransport', ContextKeyValues: ['true'], ContextKeyType: 'boolean' },
	];
}
