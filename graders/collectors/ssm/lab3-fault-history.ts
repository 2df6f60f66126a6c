import { paginateGetParameterHistory, SSMClient } from '@aws-sdk/client-ssm';
import { parameterArn } from '../../engine/iam-resources.ts';
import type { Collector } from '../../engine/types.ts';

/** The Lab 3 application's fault switch; its name is fixed by the application template. */
export const lab3FaultParameter = '/sre-lab/lab3/fault';

export interface ParameterChange {
	value: string;
	/** ISO 8601 */
	at: string;
}

export interface FaultSwitchHistory {
	/** False when the parameter does not exist (the application was never deployed, or was deleted). */
	exists: boolean;
	/** Every value the switch has had, oldest first. */
	changes: ParameterChange[];
}

/**
 * The history of the fault switch: when it was set to latency or errors and back. It lets the
 * degradation check insist that an alarm fired *after* the fault went on, not at some other time.
 */
export const ssmLab3FaultHistory: Collector<FaultSwitchHistory> = {
	id: 'ssm.lab3-fault-history',
	description: `Value history of the Lab 3 fault switch ${lab3FaultParameter}`,
	iamActions: ['ssm:GetParameterHistory'],
	iamScopes: { 'ssm:GetParameterHistory': { resources: [parameterArn(lab3FaultParameter)] } },
	async collect({ clients }) {
		const changes: ParameterChange[] = [];
		try {
			const pages = paginateGetParameterHistory(
				{ client: clients.get(SSMClient), pageSize: 50 },
				{ Name: lab3FaultParameter },
			);
			for await (const page of pages) {
				for (const version of page.Parameters ?? []) {
					if (version.LastModifiedDate)
						changes.push({ value: version.Value ?? '', at: version.LastModifiedDate.toISOString() });
				}
			}
		} catch (error) {
			// "Not there" is an answer, not a failed read: every other error still fails the read.
			if ((error as { name?: string }).name === 'ParameterNotFound') return { exists: false, changes: [] };
			throw error;
		}
		return { exists: true, changes: changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) };
	},
};
