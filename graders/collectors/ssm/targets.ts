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
