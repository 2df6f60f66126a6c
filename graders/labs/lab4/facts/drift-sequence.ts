import type {
	DriftDetectionHistory,
	DriftDetectionRequest,
	DriftDetectionStatus,
} from '../../../collectors/cloudformation/drift-detections.ts';
import type { Stack } from '../../../collectors/cloudformation/stacks.ts';
import type { ReadOutcome } from '../../../engine/types.ts';

export interface CompletedDetection {
	/** Null for the stack's latest check as DescribeStacks reports it, before CloudTrail lists its call. */
	detectionId: string | null;
	/** When CloudFormation ran it (its Timestamp), else when it was requested. ISO 8601. */
	at: string;
	/** DRIFTED or IN_SYNC (UNKNOWN and NOT_CHECKED results are left out). */
	status: 'DRIFTED' | 'IN_SYNC';
	driftedResourceCount: number | null;
}

/** Whether a DetectStackDrift request named this stack (by name or by id). */
function requestedFor(request: DriftDetectionRequest, stack: Stack): boolean {
	return request.stack === stack.stackName || request.stack === stack.stackId;
}

export interface StackDetections {
	/** Completed DRIFTED or IN_SYNC detections on the stack, oldest first. */
	completed: CompletedDetection[];
	/**
	 * Detections requested for the stack whose result could not be read (CloudFormation keeps drift
	 * results for a while only, or the read was denied): they matter only when nothing else passes.
	 */
	unreadable: ReadOutcome<DriftDetectionStatus>[];
}

/**
 * The detections on one stack. A detection counts for the stack when its result names the stack's
 * id (the name alone could be a deleted namesake); UNKNOWN and NOT_CHECKED results are left out.
 */
export function stackDetections(history: DriftDetectionHistory, stack: Stack): StackDetections {
	const completed: CompletedDetection[] = [];
	const unreadable: ReadOutcome<DriftDetectionStatus>[] = [];
	for (const request of history.requests) {
		if (!request.detectionId || !requestedFor(request, stack)) continue;
		const outcome = history.statuses[request.detectionId];
		if (!outcome) continue;
		if (!outcome.ok) {
			unreadable.push(outcome);
			continue;
		}
		const status = outcome.data;
		if (status.stackId !== stack.stackId || status.detectionStatus !== 'DETECTION_COMPLETE') continue;
		if (status.stackDriftStatus !== 'DRIFTED' && status.stackDriftStatus !== 'IN_SYNC') continue;
		completed.push({
			detectionId: request.detectionId,
			at: status.timestamp ?? request.requestedAt,
			status: status.stackDriftStatus,
			driftedResourceCount: status.driftedResourceCount,
		});
	}
	return { completed: completed.sort((a, b) => a.at.localeCompare(b.at)), unreadable };
}

export interface DriftRoundTrip {
	drifted: CompletedDetection;
	inSync: CompletedDetection;
}

/** A DRIFTED detection followed by an IN_SYNC one that is the latest of all; null otherwise. */
export function driftRoundTrip(detections: readonly CompletedDetection[]): DriftRoundTrip | null {
	const latest = detections.at(-1);
	if (latest?.status !== 'IN_SYNC') return null;
	const drifted = detections.filter((detection) => detection.status === 'DRIFTED' && detection.at < latest.at).at(-1);
	return drifted ? { drifted, inSync: latest } : null;
}

/**
 * The stack's latest check as DescribeStacks reports it (DriftInformation), as a detection, when it
 * falls in the window and is later than every detection CloudTrail lists: CloudTrail shows a
 * DetectStackDrift call minutes after it is made, and the learner often checks right after detecting
 * drift the second time. Null when it is not later, not DRIFTED or IN_SYNC, or the snapshot predates
 * the stack's drift field.
 */
export function unlistedLatestCheck(
	history: DriftDetectionHistory,
	stack: Stack,
	listed: readonly CompletedDetection[],
): CompletedDetection | null {
	const latest = stack.drift;
	if (!latest || (latest.status !== 'DRIFTED' && latest.status !== 'IN_SYNC')) return null;
	if (latest.checkedAt < history.since || latest.checkedAt > history.until) return null;
	const lastListed = listed.at(-1);
	if (lastListed && Date.parse(lastListed.at) >= Date.parse(latest.checkedAt)) return null;
	return { detectionId: null, at: latest.checkedAt, status: latest.status, driftedResourceCount: null };
}
