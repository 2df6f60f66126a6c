import type { DriftDetectionHistory } from '../../../collectors/cloudformation/drift-detections.ts';
import { requireOutcome } from '../../../engine/snapshot-view.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { isDeployed, lab3Stacks } from '../../lab3/facts/app-stack.ts';
import { driftRoundTrip, stackDetections } from '../facts/drift-sequence.ts';

export const driftDetectedAndFixed: CheckDefinition = {
	id: 'drift-detected-and-fixed',
	reads: ['cloudformation.stacks', 'cloudformation.drift-detections'],
	evaluate(view) {
		const stacks = lab3Stacks(view).filter(isDeployed);
		if (stacks.length === 0) {
			return {
				status: 'fail',
				message:
					'No deployed Lab 3 application stack (tag sre-lab=lab3 or output SreLab) in this Region: the game day runs on it. Deploy it as in Lab 3, step 1.',
				evidence: [],
			};
		}
		const history = view.read<DriftDetectionHistory>('cloudformation.drift-detections');
		const perStack = stacks.map((stack) => ({ stack, ...stackDetections(history, stack) }));
		for (const { stack, completed } of perStack) {
			const roundTrip = driftRoundTrip(completed);
			if (roundTrip) {
				return {
					status: 'pass',
					message: `Drift detection on ${stack.stackName} found ${roundTrip.drifted.driftedResourceCount ?? 'some'} drifted resource(s) at ${roundTrip.drifted.at}, and the latest detection, at ${roundTrip.inSync.at}, reports IN_SYNC.`,
					evidence: [stack.stackId, roundTrip.drifted.detectionId, roundTrip.inSync.detectionId],
				};
			}
		}
		const names = stacks.map((stack) => stack.stackName).join(', ');
		// A detection whose result could not be read might be the missing half: the verdict is then unknown.
		for (const outcome of perStack.flatMap(({ unreadable }) => unreadable)) requireOutcome(outcome);
		const all = perStack.flatMap(({ completed }) => completed);
		const evidence = [...stacks.map((stack) => stack.stackId), ...all.map((detection) => detection.detectionId)];
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
				message: `The latest drift detection on ${names} (${latest.at}) reports DRIFTED: undo the manual change (or update the stack to match), then detect drift again until it reports IN_SYNC.`,
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
