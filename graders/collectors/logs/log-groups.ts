import { CloudWatchLogsClient, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import type { Collector } from '../../engine/types.ts';

export interface LogGroup {
	logGroupName: string;
	retentionInDays: number | null;
}

export const logsLogGroups: Collector<LogGroup[]> = {
	id: 'logs.log-groups',
	description: 'CloudWatch Logs log groups',
	iamActions: ['logs:DescribeLogGroups'],
	async collect({ clients }) {
		const groups: LogGroup[] = [];
		for await (const page of paginateDescribeLogGroups({ client: clients.get(CloudWatchLogsClient) }, {})) {
			for (const group of page.logGroups ?? []) {
				if (group.logGroupName)
					groups.push({ logGroupName: group.logGroupName, retentionInDays: group.retentionInDays ?? null });
			}
		}
		return groups;
	},
};
