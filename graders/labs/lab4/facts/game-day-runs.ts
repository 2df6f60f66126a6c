import type { AlarmStateChange } from '../../../collectors/cloudwatch/alarm-history.ts';
import type { Experiment } from '../../../collectors/fis/lab4-experiments.ts';
import type { PerResource, SnapshotView } from '../../../engine/types.ts';
import { type ExperimentOutcome, experimentOutcome, startedInWindow } from './experiment-outcome.ts';
import { readableItems } from './readable.ts';
import { type TemplateReadiness, templateReadiness, templateReadinessReads } from './template-readiness.ts';

export const gameDayRunReads = [...templateReadinessReads, 'fis.lab4-experiments', 'cloudwatch.alarm-history'] as const;

export interface JudgedRun {
	experiment: Experiment;
	outcome: ExperimentOutcome;
}

export interface GameDayRuns {
	ready: TemplateReadiness[];
	/** Experiments of the ready templates that started in the window, oldest first, each with its outcome. */
	runs: JudgedRun[];
	/** Throws the first read that could hide a run or a ready template; for the way to a fail. */
	requireAll(): void;
}

/** The experiments started in the window from the templates that are ready (see template-readiness.ts). */
export function gameDayRuns(view: SnapshotView): GameDayRuns {
	const readiness = templateReadiness(view);
	const readyIds = new Set(readiness.ready.map((ready) => ready.template.id));
	const experiments = readableItems(view.read<PerResource<Experiment>>('fis.lab4-experiments'));
	let history: AlarmStateChange[] | undefined;
	const readHistory = () => {
		history ??= view.read<AlarmStateChange[]>('cloudwatch.alarm-history');
		return history;
	};
	const runs = experiments.readable
		.filter((experiment) => readyIds.has(experiment.experimentTemplateId) && startedInWindow(experiment, view))
		.sort((a, b) => (a.startTime ?? a.creationTime ?? '').localeCompare(b.startTime ?? b.creationTime ?? ''))
		.map((experiment) => ({ experiment, outcome: experimentOutcome(experiment, readHistory) }));
	return {
		ready: readiness.ready,
		runs,
		requireAll() {
			experiments.requireAll();
			readiness.requireAll();
		},
	};
}
