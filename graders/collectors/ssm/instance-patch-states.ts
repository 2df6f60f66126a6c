import { paginateDescribeInstancePatchStates, SSMClient } from '@aws-sdk/client-ssm';
import type { Collector } from '../../engine/types.ts';
import type { Ec2Instance } from '../ec2/instances.ts';

export interface InstancePatchState {
	instanceId: string;
	patchGroup: string;
	baselineId: string;
	/** `Scan` or `Install`: what the last AWS-RunPatchBaseline run did. */
	operation: string;
	operationStartTime: string | null;
	operationEndTime: string | null;
	installedCount: number;
	missingCount: number;
	failedCount: number;
}

/** DescribeInstancePatchStates takes at most 50 instance ids per request. */
const idsPerRequest = 50;

/** The patch state that the last patching run reported for each running EC2 instance. */
export const ssmInstancePatchStates: Collector<InstancePatchState[]> = {
	id: 'ssm.instance-patch-states',
	description: 'The last patch scan or install reported by each running EC2 instance',
	iamActions: ['ssm:DescribeInstancePatchStates'],
	needs: ['ec2.instances'],
	async collect({ clients, need }) {
		const ssm = clients.get(SSMClient);
		const running = need<Ec2Instance[]>('ec2.instances')
			.filter((instance) => instance.state === 'running')
			.map((instance) => instance.instanceId);
		const states: InstancePatchState[] = [];
		for (let start = 0; start < running.length; start += idsPerRequest) {
			const pages = paginateDescribeInstancePatchStates(
				{ client: ssm },
				{ InstanceIds: running.slice(start, start + idsPerRequest) },
			);
			for await (const page of pages) {
				for (const state of page.InstancePatchStates ?? []) {
					if (!state.InstanceId) continue;
					states.push({
						instanceId: state.InstanceId,
						patchGroup: state.PatchGroup ?? '',
						baselineId: state.BaselineId ?? '',
						operation: state.Operation ?? 'unknown',
						operationStartTime: state.OperationStartTime ? state.OperationStartTime.toISOString() : null,
						operationEndTime: state.OperationEndTime ? state.OperationEndTime.toISOString() : null,
						installedCount: state.InstalledCount ?? 0,
						missingCount: state.MissingCount ?? 0,
						failedCount: state.FailedCount ?? 0,
					});
				}
			}
		}
		return states.sort((a, b) => a.instanceId.localeCompare(b.instanceId));
	},
};
