import type { Target } from '@aws-sdk/client-ssm';

/** A Systems Manager target (`tag:PatchGroup` = [`web`], `InstanceIds` = [...]) in plain form. */
export interface SsmTarget {
	key: string;
	values: string[];
}

export function toSsmTargets(targets: readonly Target[] | undefined): SsmTarget[] {
	return (targets ?? []).flatMap((target) => (target.Key ? [{ key: target.Key, values: target.Values ?? [] }] : []));
}

/** Run Command / Automation parameters as `{ name: [values] }`, whichever of the API's shapes held them. */
export type TaskParameters = Record<string, string[]>;

/**
 * The only parameter a check reads: `Operation` (Install or Scan). A task or association may pass
 * anything else to its document (RebootOption, a runbook's inputs, a learner's own values, even a
 * password), so the rest is dropped as it is read and never reaches a snapshot.
 */
export const readParameterNames = ['Operation'] as const;

export function keepReadParameters(parameters: Readonly<Record<string, string[] | undefined>>): TaskParameters {
	const kept: TaskParameters = {};
	for (const name of readParameterNames) {
		const values = parameters[name];
		if (values) kept[name] = [...values];
	}
	return kept;
}
