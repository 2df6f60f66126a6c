import type { SnapshotDeletionEvent } from '../../../collectors/cloudtrail/snapshot-deletion-events.ts';
import { roleNameFromArn } from '../../../collectors/iam/read-role-policies.ts';
import type { LambdaFunction } from '../../../collectors/lambda/functions.ts';

/**
 * Was the call made with the function's execution role? Lambda runs the function with a session of
 * that role (`assumed-role/<role>/<function name>`); CloudTrail names the role itself, path included,
 * in sessionContext.sessionIssuer.
 */
export function madeByFunction(event: SnapshotDeletionEvent, fn: LambdaFunction): boolean {
	if (event.roleArn) return event.roleArn === fn.roleArn;
	const assumed = event.identityArn ? /:assumed-role\/([^/]+)\//.exec(event.identityArn) : null;
	return assumed !== null && assumed[1] === roleNameFromArn(fn.roleArn);
}

/** `snap-0a2b… by arn:aws:iam::…:user/alice at 2026-11-21 15:42 UTC`. */
export function describeDeletion(event: SnapshotDeletionEvent): string {
	const who = event.identityArn ?? event.identityType;
	const when = `${event.eventTime.slice(0, 10)} ${event.eventTime.slice(11, 16)} UTC`;
	return `${event.snapshotId ?? 'a snapshot'} by ${who} at ${when}${event.errorCode ? ` (failed: ${event.errorCode})` : ''}`;
}

/** At most a few examples, so a busy account's history does not flood the message. */
export function someOf(items: readonly string[], limit = 3): string {
	const shown = items.slice(-limit).join(', ');
	return items.length > limit ? `${shown} (and ${items.length - limit} more)` : shown;
}
