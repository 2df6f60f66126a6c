import { GetOpsItemCommand, paginateDescribeOpsItems, SSMClient } from '@aws-sdk/client-ssm';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import { ssmFilterTimestamp } from './filter-timestamp.ts';
import { isReadOperationalDataKey } from './postmortem-sections.ts';

/** The operational data entry that marks an OpsItem as the lab's postmortem (the page asks for it). */
export const lab4OpsItemMarker = { key: 'sre-lab', value: 'lab4' } as const;

/** Longer text is cut: the grader checks the postmortem's structure, never its prose. */
export const maxTextLength = 8_000;

export interface OpsItemDetail {
	opsItemId: string;
	title: string;
	/** ISO 8601 */
	lastModifiedTime: string | null;
	/** Markdown, cut to maxTextLength. */
	description: string;
	/**
	 * Key → value (cut to maxTextLength), for the entries the postmortem check reads only: those named
	 * after a section (`timeline`, `action-items`) and `/aws/resources` (the related resources as JSON).
	 * Operational data is free-form, and teams keep all sorts in it (runbook inputs, credentials).
	 */
	operationalData: Record<string, string>;
}

const cut = (text: string) => (text.length > maxTextLength ? text.slice(0, maxTextLength) : text);

/**
 * The OpsItems marked `sre-lab=lab4` in their operational data and changed in the window. The filter
 * runs in Systems Manager, so the grader never reads the account's other OpsItems; each one found is
 * then read (GetOpsItem) for its title, description and the operational data the check reads.
 */
export const ssmLab4OpsItems: Collector<PerResource<OpsItemDetail>> = {
	id: 'ssm.lab4-ops-items',
	description: 'OpsCenter OpsItems marked sre-lab=lab4 and changed in the time window, in full',
	iamActions: ['ssm:DescribeOpsItems', 'ssm:GetOpsItem'],
	async collect({ clients, window }) {
		const ssm = clients.get(SSMClient);
		const ids: string[] = [];
		const pages = paginateDescribeOpsItems(
			{ client: ssm, pageSize: 50 },
			{
				OpsItemFilters: [
					{ Key: 'OperationalData', Operator: 'Equal', Values: [JSON.stringify(lab4OpsItemMarker)] },
					{ Key: 'LastModifiedTime', Operator: 'GreaterThan', Values: [ssmFilterTimestamp(window.since)] },
				],
			},
		);
		for await (const page of pages) {
			for (const summary of page.OpsItemSummaries ?? []) if (summary.OpsItemId) ids.push(summary.OpsItemId);
		}
		return fanOut(
			ids,
			async (id): Promise<OpsItemDetail> => {
				const { OpsItem: item } = await ssm.send(new GetOpsItemCommand({ OpsItemId: id }));
				return {
					opsItemId: id,
					title: item?.Title ?? '',
					lastModifiedTime: item?.LastModifiedTime?.toISOString() ?? null,
					description: cut(item?.Description ?? ''),
					operationalData: Object.fromEntries(
						Object.entries(item?.OperationalData ?? {}).flatMap(([key, value]) =>
							isReadOperationalDataKey(key) ? [[key, cut(value.Value ?? '')]] : [],
						),
					),
				};
			},
			{ service: 'ssm', operation: 'GetOpsItem' },
		);
	},
};
