import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { SnapshotView } from '../../../engine/types.ts';

export const labTag = { key: 'sre-lab', value: 'lab2' } as const;
export const patchGroupTagKey = 'PatchGroup';
export const minimumFleetSize = 2;

export function isLabResource(tags: Readonly<Record<string, string>>): boolean {
	return tags[labTag.key] === labTag.value;
}

/** Running instances tagged for the lab that also carry a PatchGroup tag: the fleet every later step is about. */
export function labFleet(view: SnapshotView): Ec2Instance[] {
	return view
		.read<Ec2Instance[]>('ec2.instances')
		.filter(
			(instance) => isLabResource(instance.tags) && instance.state === 'running' && instance.tags[patchGroupTagKey],
		);
}
