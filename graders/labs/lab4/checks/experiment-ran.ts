import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { countsAsGameDay, type ExperimentOutcome } from '../facts/experiment-outcome.ts';
import { gameDayRunReads, gameDayRuns, type JudgedRun } from '../facts/game-day-runs.ts';

const outcomeWords: Record<ExperimentOutcome, string> = {
	completed: 'completed',
	'stopped-by-stop-condition': 'was stopped by its stop condition',
	'stopped-by-hand': 'was stopped by hand (none of its stop-condition alarms went to ALARM while it ran)',
	failed: 'failed',
	'in-progress': 'is still running',
	cancelled: 'was cancelled',
	'no-fault-injected':
		'ended without injecting the fault (its Lambda fault actions never ran: a target preview, or targets that resolved to no function)',
	unrecognised: 'is in a state this grader does not know',
};

/**
 * A run whose state the grader cannot interpret might be the game day: that is the grader's trouble,
 * so it cannot be graded rather than failed (only when no run counts).
 */
function requireRecognised(runs: readonly JudgedRun[]): void {
	const unknown = runs.find((run) => run.outcome === 'unrecognised');
	if (!unknown) return;
	throw new ReadFailed({
		kind: 'other',
		service: 'fis',
		operation: 'GetExperiment',
		message: `Experiment ${unknown.experiment.id} is in the state "${unknown.experiment.status}", which this version of sre-lab does not know: update sre-lab and check again; this is not counted against the learner.`,
	});
}

function describeRun({ experiment, outcome }: JudgedRun): string {
	// FIS's reason is a sentence of its own; its full stop would double the message's.
	const reason = experiment.reason && outcome !== 'completed' ? `: "${experiment.reason.replace(/\.$/, '')}"` : '';
	const when = experiment.startTime
		? `started ${experiment.startTime}`
		: `created ${experiment.creationTime}, never started`;
	return `${experiment.id} (${when}) ${outcomeWords[outcome]}${reason}`;
}

/** What to do next, for the most telling run: one still running says wait, a failed one says why. */
function advice(runs: readonly JudgedRun[]): string {
	if (runs.some((run) => run.outcome === 'in-progress'))
		return 'Wait until it ends (the template sets its duration), then check again.';
	if (runs.some((run) => run.outcome === 'no-fault-injected'))
		return 'Start the experiment itself (aws fis start-experiment, or Start experiment in the console), not a target preview, and check that its targets resolve to the Lab 3 functions.';
	if (runs.some((run) => run.outcome === 'failed'))
		return "Read the failed experiment's state reason in the FIS console; it is most often a permission the experiment role lacks or a function without the FIS extension layer. Fix it and start a new experiment.";
	return 'Start a new experiment and let it run until it completes or its alarm stops it; an experiment stopped by hand does not show how the system behaves under the fault.';
}

export const experimentRan: CheckDefinition = {
	id: 'experiment-ran',
	reads: gameDayRunReads,
	evaluate(view) {
		const { ready, runs, requireAll } = gameDayRuns(view);
		const counted = runs.find((run) => countsAsGameDay(run.outcome));
		if (counted) {
			const { experiment } = counted;
			return {
				status: 'pass',
				message: `Experiment ${experiment.id} from template ${experiment.experimentTemplateId} started at ${experiment.startTime} and ${outcomeWords[counted.outcome]} at ${experiment.endTime ?? 'an unrecorded time'}.`,
				evidence: [experiment.id, experiment.experimentTemplateId],
			};
		}
		// An experiment or template that could not be read might be the one that counts.
		requireAll();
		requireRecognised(runs);
		const templates = ready.map((judgement) => judgement.template.id).join(', ');
		if (runs.length === 0) {
			return {
				status: 'fail',
				message: `No experiment from template ${templates} started since ${view.window.since}: start one (aws fis start-experiment --experiment-template-id ${ready[0]?.template.id ?? '<id>'}) while the load generator runs.`,
				evidence: ready.map((judgement) => judgement.template.id),
			};
		}
		return {
			status: 'fail',
			message: `No experiment since ${view.window.since} completed or was stopped by its stop condition: ${runs.map(describeRun).join('; ')}. ${advice(runs)}`,
			evidence: runs.map((run) => run.experiment.id),
		};
	},
};
