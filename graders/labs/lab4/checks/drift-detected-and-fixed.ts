import type { DriftDetectionHistory } from '../../../collectors/cloudformation/drift-detections.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import { requireOutcome } from '../../../engine/snapshot-view.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { isDeployed, lab3Stacks } from '../../lab3/facts/app-stack.ts';
import { cloudTrailDelayMs } from '../../shared/forged-alarm-states.ts';
import {
	type CompletedDetection,
	driftRoundTrip,
	stackDetections,
	unlistedLatestCheck,
} from '../facts/drift-sequence.ts';
import { noAppStack } from '../facts/no-app-stack.ts';

/** How the message names a detection: its time, and where the grader saw it when CloudTrail does not list it yet. */
const when = (detection: CompletedDetection) =>
	detection.detectionId === null
		? `${detection.at} (the stack's last drift check in CloudFormation, not yet listed in CloudTrail)`
		: detection.at;
const ids = (detections: readonly CompletedDetection[]) =>
	detections.flatMap((detection) => (detection.detectionId ? [detection.detectionId] : []));

export const driftDetectedAndFixed: CheckDefinition = {
	id: 'drift-detected-and-fixed',
	reads: ['cloudformation.stacks', 'cloudformation.drift-detections'],
	evaluate(view) {
		const stacks = lab3Stacks(view).filter(isDeployed);
		if (stacks.length === 0) {
			return noAppStack('the game day runs on it');
		}
		const history = view.read<DriftDetectionHistory>('cloudformation.drift-detections');
		const perStack = stacks.map((stack) => {
			const { completed: listed, unreadable } = stackDetections(history, stack);
			const unlisted = unlistedLatestCheck(history, stack, listed);
			return { stack, unreadable, unlisted, completed: unlisted ? [...listed, unlisted] : listed };
		});
		for (const { stack, completed } of perStack) {
			const roundTrip = driftRoundTrip(completed);
			if (roundTrip) {
				return {
					status: 'pass',
					message: `Drift detection on ${stack.stackName} found ${roundTrip.drifted.driftedResourceCount ?? 'some'} drifted resource(s) at ${roundTrip.drifted.at}, and the latest detection, at ${when(roundTrip.inSync)}, reports IN_SYNC.`,
					evidence: [stack.stackId, ...ids([roundTrip.drifted, roundTrip.inSync])],
				};
			}
		}
		const names = stacks.map((stack) => stack.stackName).join(', ');
		// A detection whose result could not be read might be the missing half: the verdict is then unknown.
		for (const outcome of perStack.flatMap(({ unreadable }) => unreadable)) requireOutcome(outcome);
		// The IN_SYNC check CloudTrail does not list yet may follow a DRIFTED one it does not list either.
		for (const { unlisted, completed } of perStack) {
			const settledAt = Date.parse(history.until) - cloudTrailDelayMs;
			if (unlisted?.status !== 'IN_SYNC' || Date.parse(unlisted.at) <= settledAt) continue;
			if (completed.some((detection) => detection.status === 'DRIFTED')) continue;
			throw new ReadFailed({
				kind: 'other',
				service: 'cloudtrail',
				operation: 'LookupEvents',
				action: 'cloudtrail:LookupEvents',
				message: `The stack's last drift check, at ${unlisted.at}, reports IN_SYNC, and CloudTrail, which lists a DetectStackDrift call only minutes after it is made, does not list it yet: an earlier DRIFTED detection may be missing from it too. Run the check again after ${new Date(Date.parse(unlisted.at) + cloudTrailDelayMs).toISOString()}; this is not counted against the learner.`,
			});
		}
		const all = perStack.flatMap(({ completed }) => completed);
		const evidence = [...stacks.map((stack) => stack.stackId), ...ids(all)];
		const truncatedNote = history.truncated
			? ' (CloudTrail held more DetectStackDrift calls than the grader reads)'
			: '';
		if (all.length === 0) {
			return {
				status: 'fail',
				message: `No completed drift detection on ${names} since ${history.since}${truncatedNote}: change a resource by hand, then run Detect drift on the stack.`,
				evidence,
			};
		}
		const latest = all.sort((a, b) => a.at.localeCompare(b.at)).at(-1);
		if (latest?.status === 'DRIFTED') {
			return {
				status: 'fail',
				message: `The latest drift detection on ${names} (${when(latest)}) reports DRIFTED: undo the manual change (or update the stack to match), then detect drift again until it reports IN_SYNC.`,
				evidence,
			};
		}
		return {
			status: 'fail',
			message: `Drift detection on ${names} reported only IN_SYNC since ${history.since}${truncatedNote}: make a manual change to one of its resources first, detect drift and see DRIFTED, then undo it and detect again.`,
			evidence,
		};
	},
};
