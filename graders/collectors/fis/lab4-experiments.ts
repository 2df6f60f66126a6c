import { FisClient, GetExperimentCommand, paginateListExperiments } from '@aws-sdk/client-fis';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import type { ExperimentTemplate } from './lab4-experiment-templates.ts';
import { lambdaFaultActions } from './lambda-fault-targets.ts';

export interface Experiment {
	id: string;
	experimentTemplateId: string;
	/** pending, initiating, running, completed, stopping, stopped, failed or cancelled */
	status: string;
	/** FIS's reason for the state, e.g. why it failed. */
	reason: string | null;
	/** ISO 8601 */
	creationTime: string | null;
	/** Null until it starts. */
	startTime: string | null;
	/** Null while it runs. */
	endTime: string | null;
	/** The alarm ARNs among the experiment's stop conditions (copied from its template when it started). */
	stopConditionAlarms: string[];
	/**
	 * The state of each of its Lambda fault actions (`completed`, `stopped`, `skipped`, `cancelled`, …):
	 * whether the fault was injected at all. Absent in snapshots saved before sre-lab read it.
	 */
	faultActionStates?: string[];
	/**
	 * `skip-all` for a target preview, which "completes" without running any action; `run-all` or null
	 * otherwise. Absent in snapshots saved before sre-lab read it.
	 */
	actionsMode?: string | null;
}

const iso = (date: Date | undefined) => date?.toISOString() ?? null;

/**
 * `experimentOptions.actionsMode` arrived in FIS after this SDK release: its types lack it, but the
 * deserializer passes `experimentOptions` through whole, so the field is there when FIS sends it.
 */
const actionsModeOf = (options: object | undefined) =>
	(options as { actionsMode?: string } | undefined)?.actionsMode ?? null;

/**
 * The experiments started from the lab's templates (fis.lab4-experiment-templates) and created in the
 * time window. ListExperiments (100 a page) gives each one's template and creation time but not when it
 * started and ended, nor its actions' states, so each of those is read with GetExperiment, on its own.
 */
export const fisLab4Experiments: Collector<PerResource<Experiment>> = {
	id: 'fis.lab4-experiments',
	description:
		'AWS FIS experiments of the sre-lab=lab4 templates created in the time window, with start, end and state',
	iamActions: ['fis:ListExperiments', 'fis:GetExperiment'],
	needs: ['fis.lab4-experiment-templates'],
	async collect({ clients, need, window }) {
		const fis = clients.get(FisClient);
		// A template that could not be read is still the lab's (its tag was listed): its experiments count.
		const templateIds = new Set(Object.keys(need<PerResource<ExperimentTemplate>>('fis.lab4-experiment-templates')));
		const since = Date.parse(window.since);
		const until = Date.parse(window.until);
		const ids: string[] = [];
		if (templateIds.size > 0) {
			// This SDK release cannot send ListExperiments' experimentTemplateId filter: the list is filtered here.
			for await (const page of paginateListExperiments({ client: fis, pageSize: 100 }, {})) {
				for (const summary of page.experiments ?? []) {
					const created = summary.creationTime?.getTime();
					if (!summary.id || !templateIds.has(summary.experimentTemplateId ?? '') || created === undefined) continue;
					if (created >= since && created <= until) ids.push(summary.id);
				}
			}
		}
		return fanOut(
			ids,
			async (id): Promise<Experiment> => {
				const { experiment } = await fis.send(new GetExperimentCommand({ id }));
				return {
					id,
					experimentTemplateId: experiment?.experimentTemplateId ?? '',
					status: experiment?.state?.status ?? 'unknown',
					reason: experiment?.state?.reason ?? null,
					creationTime: iso(experiment?.creationTime),
					startTime: iso(experiment?.startTime),
					endTime: iso(experiment?.endTime),
					stopConditionAlarms: (experiment?.stopConditions ?? []).flatMap((condition) =>
						condition.source === 'aws:cloudwatch:alarm' && condition.value ? [condition.value] : [],
					),
					faultActionStates: Object.values(experiment?.actions ?? {}).flatMap((action) =>
						(lambdaFaultActions as readonly string[]).includes(action.actionId ?? '')
							? [action.state?.status ?? 'unknown']
							: [],
					),
					actionsMode: actionsModeOf(experiment?.experimentOptions),
				};
			},
			{ service: 'fis', operation: 'GetExperiment' },
		);
	},
};
