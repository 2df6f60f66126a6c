import type { Event } from '@aws-sdk/client-cloudtrail';
import { ReadFailed } from '../../engine/errors.ts';
import type { Collector, TimeWindow } from '../../engine/types.ts';
import type { Ec2Snapshot } from '../ec2/lab-snapshots.ts';
import { cloudTrailRecord, lookupByEventName } from './lookup-by-event-name.ts';

/** One DeleteSnapshot call as CloudTrail recorded it: who, when, which snapshot, and whether it failed. */
export interface SnapshotDeletionEvent {
	eventId: string;
	/** ISO 8601 */
	eventTime: string;
	snapshotId: string | null;
	/** `AssumedRole`, `IAMUser`, `Root`, `AWSService`, … */
	identityType: string;
	/** `arn:aws:sts::…:assumed-role/<role>/<session>` or `arn:aws:iam::…:user/<name>`. */
	identityArn: string | null;
	/** For a role session, the role's own ARN (with its path), from sessionContext.sessionIssuer. */
	roleArn: string | null;
	/** For a role session, its name; Lambda names the session after the function. */
	sessionName: string | null;
	/** Set when the call did not delete anything, e.g. `Client.DryRunOperation` or `Client.UnauthorizedOperation`. */
	errorCode: string | null;
}

export interface SnapshotDeletionHistory {
	/** The period looked up (ISO 8601). */
	since: string;
	until: string;
	/** True when there were more events than the grader reads; the newest came first. */
	truncated: boolean;
	/** Oldest first. */
	events: SnapshotDeletionEvent[];
}

/** 2,000 events (40 pages, 20 s at the rate limit) is far beyond a lab account's snapshot deletions. */
const maxPages = 40;

/**
 * From when to look: the seeded snapshots that survive were made with the ones that are now gone, so
 * deletions happened after the earliest lab snapshot still there (an hour's margin for a run during
 * seeding), and never later than the grading window's start. (lookupByEventName moves a start older
 * than CloudTrail's 90 days up to them.)
 */
export function lookupStart(window: TimeWindow, snapshots: readonly Ec2Snapshot[]): Date {
	const created = snapshots
		.filter((snapshot) => snapshot.tags['sre-lab'] === 'lab2' && snapshot.startTime)
		.map((snapshot) => Date.parse(snapshot.startTime as string) - 3_600_000);
	return new Date(Math.min(Date.parse(window.since), ...created));
}

function sessionNameOf(arn: string | null): string | null {
	const match = arn ? /:assumed-role\/[^/]+\/(.+)$/.exec(arn) : null;
	return match?.[1] ?? null;
}

/** Only the fields the check needs; the rest of the record (IP address, user agent, keys) is not kept. */
function toDeletion(event: Event): SnapshotDeletionEvent {
	// An unreadable record reads as empty: the event's own fields still name its time and resource.
	const record = cloudTrailRecord<{
		userIdentity: {
			type?: string;
			arn?: string;
			sessionContext?: { sessionIssuer?: { type?: string; arn?: string } };
		};
		requestParameters: { snapshotId?: string };
		errorCode: string;
	}>(event);
	const identityArn = record.userIdentity?.arn ?? null;
	const issuer = record.userIdentity?.sessionContext?.sessionIssuer;
	return {
		eventId: event.EventId ?? '',
		eventTime: (event.EventTime ?? new Date(0)).toISOString(),
		snapshotId:
			record.requestParameters?.snapshotId ??
			event.Resources?.find((resource) => resource.ResourceType === 'AWS::EC2::Snapshot')?.ResourceName ??
			null,
		identityType: record.userIdentity?.type ?? 'unknown',
		identityArn,
		roleArn: issuer?.type === 'Role' ? (issuer.arn ?? null) : null,
		sessionName: sessionNameOf(identityArn),
		errorCode: record.errorCode ?? null,
	};
}

/**
 * Who called ec2:DeleteSnapshot in this Region, from CloudTrail's event history, so the outcome check
 * can tell snapshots the function deleted from snapshots deleted by hand.
 */
export const cloudtrailSnapshotDeletionEvents: Collector<SnapshotDeletionHistory> = {
	id: 'cloudtrail.snapshot-deletion-events',
	description: 'DeleteSnapshot calls recorded in CloudTrail event history since the lab snapshots were made',
	iamActions: ['cloudtrail:LookupEvents'],
	needs: ['ec2.lab-snapshots'],
	async collect({ clients, need, window }) {
		let snapshots: Ec2Snapshot[] = [];
		try {
			snapshots = need<Ec2Snapshot[]>('ec2.lab-snapshots');
		} catch (error) {
			// Without the snapshots, look up the grading window alone; the check errors on that read anyway.
			if (!(error instanceof ReadFailed)) throw error;
		}
		const start = lookupStart(window, snapshots);
		// Paced to LookupEvents' two requests per second, 50 events a page, newest first.
		const lookup = await lookupByEventName(clients, 'DeleteSnapshot', start, new Date(window.until), maxPages);
		return {
			since: lookup.start.toISOString(),
			until: window.until,
			truncated: lookup.truncated,
			events: lookup.events
				.map(toDeletion)
				.sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.eventId.localeCompare(b.eventId)),
		};
	},
};
