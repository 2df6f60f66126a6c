import { CloudFormationClient, DescribeStackDriftDetectionStatusCommand } from '@aws-sdk/client-cloudformation';
import type { Event } from '@aws-sdk/client-cloudtrail';
import type { Collector, PerResource } from '../../engine/types.ts';
import { cloudTrailRecord, lookupByEventName } from '../cloudtrail/lookup-by-event-name.ts';
import { fanOut } from '../fan-out.ts';

/** One DetectStackDrift call as CloudTrail recorded it. */
export interface DriftDetectionRequest {
	/** The id DetectStackDrift returned; null when the call failed (then it has an error code). */
	detectionId: string | null;
	/** ISO 8601 */
	requestedAt: string;
	/** The stack name or id the caller passed. */
	stack: string | null;
	errorCode: string | null;
}

/** DescribeStackDriftDetectionStatus for one detection. */
export interface DriftDetectionStatus {
	stackId: string | null;
	/** DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED; null while the detection runs. */
	stackDriftStatus: string | null;
	/** DETECTION_COMPLETE, DETECTION_FAILED or DETECTION_IN_PROGRESS. */
	detectionStatus: string;
	driftedResourceCount: number | null;
	/** When the detection was run (ISO 8601). */
	timestamp: string | null;
}

export interface DriftDetectionHistory {
	since: string;
	until: string;
	/** True when CloudTrail held more DetectStackDrift calls than the grader reads. */
	truncated: boolean;
	/** Oldest first. */
	requests: DriftDetectionRequest[];
	/** Keyed by detection id; a detection CloudFormation no longer keeps is a failed entry, not a verdict. */
	statuses: PerResource<DriftDetectionStatus>;
}

/** 500 drift detections (10 pages, 5 s at the rate limit) is far beyond one lab's game day. */
const maxPages = 10;

function toRequest(event: Event): DriftDetectionRequest {
	const record = cloudTrailRecord<{
		requestParameters: { stackName?: string };
		responseElements: { stackDriftDetectionId?: string } | null;
		errorCode: string;
	}>(event);
	return {
		detectionId: record.responseElements?.stackDriftDetectionId ?? null,
		requestedAt: (event.EventTime ?? new Date(0)).toISOString(),
		stack: record.requestParameters?.stackName ?? null,
		errorCode: record.errorCode ?? null,
	};
}

/**
 * The drift detections run in the window, with the result of each. DescribeStacks' DriftInformation
 * only holds the latest status, and DescribeStackDriftDetectionStatus needs a detection id, which
 * CloudFormation lists nowhere; CloudTrail's record of each DetectStackDrift call returns it. So
 * "a DRIFTED detection, then a later IN_SYNC one" is read as: the calls from CloudTrail, then the
 * status of each (cloudformation.stacks holds each stack's latest check, for one CloudTrail does not list yet).
 */
export const cloudformationDriftDetections: Collector<DriftDetectionHistory> = {
	id: 'cloudformation.drift-detections',
	description: 'Stack drift detections run in the time window (DetectStackDrift calls in CloudTrail) and their results',
	iamActions: ['cloudtrail:LookupEvents', 'cloudformation:DescribeStackDriftDetectionStatus'],
	async collect({ clients, window }) {
		const lookup = await lookupByEventName(
			clients,
			'DetectStackDrift',
			new Date(window.since),
			new Date(window.until),
			maxPages,
		);
		const requests = lookup.events
			.map(toRequest)
			.sort(
				(a, b) =>
					a.requestedAt.localeCompare(b.requestedAt) || (a.detectionId ?? '').localeCompare(b.detectionId ?? ''),
			);
		const ids = requests.flatMap((request) => (request.detectionId ? [request.detectionId] : []));
		const cloudformation = clients.get(CloudFormationClient);
		const statuses = await fanOut(
			ids,
			async (id): Promise<DriftDetectionStatus> => {
				const status = await cloudformation.send(
					new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: id }),
				);
				return {
					stackId: status.StackId ?? null,
					stackDriftStatus: status.StackDriftStatus ?? null,
					detectionStatus: status.DetectionStatus ?? 'UNKNOWN',
					driftedResourceCount: status.DriftedStackResourceCount ?? null,
					timestamp: status.Timestamp?.toISOString() ?? null,
				};
			},
			{ service: 'cloudformation', operation: 'DescribeStackDriftDetectionStatus' },
		);
		return { since: lookup.start.toISOString(), until: window.until, truncated: lookup.truncated, requests, statuses };
	},
};
