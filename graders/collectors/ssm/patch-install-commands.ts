import { paginateListCommandInvocations, paginateListCommands, SSMClient } from '@aws-sdk/client-ssm';
import type { Collector } from '../../engine/types.ts';
import { ssmFilterTimestamp } from './filter-timestamp.ts';
import { patchDocuments } from './patch-associations.ts';

export interface PatchInstallInvocation {
	commandId: string;
	documentName: string;
	instanceId: string;
	/** `Success`, `Failed`, `InProgress`, … */
	status: string;
	requestedAt: string | null;
}

/**
 * Per-instance results of Run Command patch installs (sent by hand or by a maintenance window task)
 * requested within the time window. An instance's patch state only remembers its last operation, so
 * a later Scan (Quick Setup scans daily) hides an Install; the command history still shows it.
 */
export const ssmPatchInstallCommands: Collector<PatchInstallInvocation[]> = {
	id: 'ssm.patch-install-commands',
	description: 'Run Command invocations of the patch baseline documents with Operation=Install in the time window',
	iamActions: ['ssm:ListCommands', 'ssm:ListCommandInvocations'],
	async collect({ clients, window }) {
		const ssm = clients.get(SSMClient);
		const installs: { commandId: string; documentName: string }[] = [];
		for (const documentName of patchDocuments) {
			const pages = paginateListCommands(
				{ client: ssm, pageSize: 50 },
				{
					Filters: [
						{ key: 'DocumentName', value: documentName },
						{ key: 'InvokedAfter', value: ssmFilterTimestamp(window.since) },
					],
				},
			);
			for await (const page of pages) {
				for (const command of page.Commands ?? []) {
					const operation = command.Parameters?.Operation ?? [];
					if (command.CommandId && operation.some((value) => value.toLowerCase() === 'install')) {
						installs.push({ commandId: command.CommandId, documentName });
					}
				}
			}
		}
		const invocations: PatchInstallInvocation[] = [];
		for (const { commandId, documentName } of installs) {
			for await (const page of paginateListCommandInvocations(
				{ client: ssm, pageSize: 50 },
				{ CommandId: commandId },
			)) {
				for (const invocation of page.CommandInvocations ?? []) {
					if (!invocation.InstanceId) continue;
					invocations.push({
						commandId,
						documentName,
						instanceId: invocation.InstanceId,
						status: invocation.Status ?? 'unknown',
						requestedAt: invocation.RequestedDateTime ? invocation.RequestedDateTime.toISOString() : null,
					});
				}
			}
		}
		return invocations.sort(
			(a, b) => a.instanceId.localeCompare(b.instanceId) || a.commandId.localeCompare(b.commandId),
		);
	},
};
