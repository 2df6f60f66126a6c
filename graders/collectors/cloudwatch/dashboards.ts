import { CloudWatchClient, GetDashboardCommand, paginateListDashboards } from '@aws-sdk/client-cloudwatch';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';

export interface Dashboard {
	/** The parsed dashboard body (JSON as CloudWatch stores it). */
	body: unknown;
}

export const cloudwatchDashboards: Collector<PerResource<Dashboard>> = {
	id: 'cloudwatch.dashboards',
	description: 'CloudWatch dashboards with their bodies',
	iamActions: ['cloudwatch:ListDashboards', 'cloudwatch:GetDashboard'],
	async collect({ clients }) {
		const cloudwatch = clients.get(CloudWatchClient);
		const names: string[] = [];
		for await (const page of paginateListDashboards({ client: cloudwatch }, {})) {
			for (const entry of page.DashboardEntries ?? []) if (entry.DashboardName) names.push(entry.DashboardName);
		}
		return fanOut(
			names,
			async (name) => {
				const dashboard = await cloudwatch.send(new GetDashboardCommand({ DashboardName: name }));
				return { body: dashboard.DashboardBody ? JSON.parse(dashboard.DashboardBody) : null };
			},
			{ service: 'cloudwatch', operation: 'GetDashboard' },
		);
	},
};
