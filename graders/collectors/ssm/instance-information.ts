import { paginateDescribeInstanceInformation, SSMClient } from '@aws-sdk/client-ssm';
import type { Collector } from '../../engine/types.ts';

export interface ManagedInstance {
	instanceId: string;
	/** `Online`, `ConnectionLost` or `Inactive`. */
	pingStatus: string;
	lastPingAt: string | null;
	platformName: string | null;
	agentVersion: string | null;
}

/** Every node Systems Manager knows in the region, with whether its agent is talking to the service. */
export const ssmInstanceInformation: Collector<ManagedInstance[]> = {
	id: 'ssm.instance-information',
	description: 'Nodes managed by Systems Manager, with the ping status of their agent',
	iamActions: ['ssm:DescribeInstanceInformation'],
	async collect({ clients }) {
		const managed: ManagedInstance[] = [];
		const pages = paginateDescribeInstanceInformation({ client: clients.get(SSMClient), pageSize: 50 }, {});
		for await (const page of pages) {
			for (const info of page.InstanceInformationList ?? []) {
				if (!info.InstanceId) continue;
				managed.push({
					instanceId: info.InstanceId,
					pingStatus: info.PingStatus ?? 'unknown',
					lastPingAt: info.LastPingDateTime ? info.LastPingDateTime.toISOString() : null,
					platformName: info.PlatformName ?? null,
					agentVersion: info.AgentVersion ?? null,
				});
			}
		}
		return managed.sort((a, b) => a.instanceId.localeCompare(b.instanceId));
	},
};
