import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { isLabResource, labFleet, labTag, minimumFleetSize, patchGroupTagKey } from '../facts/fleet.ts';

export const fleetTagged: CheckDefinition = {
	id: 'fleet-tagged',
	reads: ['ec2.instances'],
	evaluate(view) {
		const tagged = view.read<Ec2Instance[]>('ec2.instances').filter((instance) => isLabResource(instance.tags));
		const fleet = labFleet(view);
		const ids = fleet.map((instance) => instance.instanceId);
		if (fleet.length >= minimumFleetSize) {
			const groups = [...new Set(fleet.map((instance) => instance.tags[patchGroupTagKey]))].join(', ');
			return {
				status: 'pass',
				message: `${fleet.length} running instances carry ${labTag.key}=${labTag.value} and a ${patchGroupTagKey} tag (${groups}).`,
				evidence: ids,
			};
		}
		if (tagged.length === 0) {
			return {
				status: 'fail',
				message: `No EC2 instance in ${view.region} has the tag ${labTag.key}=${labTag.value}.`,
			};
		}
		const others = tagged
			.filter((instance) => !ids.includes(instance.instanceId))
			.map(
				(instance) =>
					`${instance.instanceId} (${instance.state}${instance.tags[patchGroupTagKey] ? '' : `, no ${patchGroupTagKey} tag`})`,
			);
		return {
			status: 'fail',
			message: `${fleet.length} of the at least ${minimumFleetSize} instances needed are running with a ${patchGroupTagKey} tag${others.length ? `; not counted: ${others.join(', ')}` : ''}.`,
			evidence: tagged.map((instance) => instance.instanceId),
		};
	},
};
