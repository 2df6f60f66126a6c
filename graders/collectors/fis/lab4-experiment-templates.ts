import { FisClient, GetExperimentTemplateCommand, paginateListExperimentTemplates } from '@aws-sdk/client-fis';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';

/** The tag that marks an experiment template as the lab's (the page asks for it). */
export const lab4TemplateTag = { key: 'sre-lab', value: 'lab4' } as const;

export interface TemplateTarget {
	/** e.g. `aws:lambda:function` */
	resourceType: string;
	resourceArns: string[];
	/** FIS picks resources that carry every one of these tags. */
	resourceTags: Record<string, string>;
}

export interface TemplateAction {
	/** The action's name in the template. */
	name: string;
	/** e.g. `aws:lambda:invocation-add-delay` */
	actionId: string;
	/** The action's target key (`Functions` for the Lambda actions) → the template's target name. */
	targets: Record<string, string>;
}

export interface TemplateStopCondition {
	/** `aws:cloudwatch:alarm`, or `none` */
	source: string;
	/** The alarm's ARN for an alarm stop condition. */
	value: string | null;
}

/**
 * What the checks read of an experiment template: no parameters, selection modes, log configuration or
 * description.
 */
export interface ExperimentTemplate {
	id: string;
	roleArn: string;
	actions: TemplateAction[];
	/** Keyed by the target's name in the template. */
	targets: Record<string, TemplateTarget>;
	stopConditions: TemplateStopCondition[];
}

/**
 * The AWS FIS experiment templates tagged `sre-lab=lab4`, in full. ListExperimentTemplates returns each
 * template's tags (up to 100 a page, `nextToken` to the next), so only the tagged ones are read with
 * GetExperimentTemplate, each on its own: one template that cannot be read does not hide the others.
 */
export const fisLab4ExperimentTemplates: Collector<PerResource<ExperimentTemplate>> = {
	id: 'fis.lab4-experiment-templates',
	description: 'AWS FIS experiment templates tagged sre-lab=lab4: actions, targets, stop conditions and role',
	iamActions: ['fis:ListExperimentTemplates', 'fis:GetExperimentTemplate'],
	async collect({ clients }) {
		const fis = clients.get(FisClient);
		const ids: string[] = [];
		for await (const page of paginateListExperimentTemplates({ client: fis, pageSize: 100 }, {})) {
			for (const summary of page.experimentTemplates ?? []) {
				if (summary.id && summary.tags?.[lab4TemplateTag.key] === lab4TemplateTag.value) ids.push(summary.id);
			}
		}
		return fanOut(
			ids,
			async (id): Promise<ExperimentTemplate> => {
				const { experimentTemplate: template } = await fis.send(new GetExperimentTemplateCommand({ id }));
				return {
					id,
					roleArn: template?.roleArn ?? '',
					actions: Object.entries(template?.actions ?? {}).map(([name, action]) => ({
						name,
						actionId: action.actionId ?? '',
						targets: { ...(action.targets ?? {}) },
					})),
					targets: Object.fromEntries(
						Object.entries(template?.targets ?? {}).map(([name, target]) => [
							name,
							{
								resourceType: target.resourceType ?? '',
								resourceArns: [...(target.resourceArns ?? [])],
								resourceTags: { ...(target.resourceTags ?? {}) },
							},
						]),
					),
					stopConditions: (template?.stopConditions ?? []).map((condition) => ({
						source: condition.source ?? '',
						value: condition.value ?? null,
					})),
				};
			},
			{ service: 'fis', operation: 'GetExperimentTemplate' },
		);
	},
};
