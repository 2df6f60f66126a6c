import type { ManagedInstance } from '../../../collectors/ssm/instance-information.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { labFleet } from '../facts/fleet.ts';

export const fleetManaged: CheckDefinition = {
	id: 'fleet-managed',
	reads: ['ec2.instances', 'ssm.instance-information'],
	evaluate(view) {
		const fleet = labFleet(view);
		const managed = new Map(
			view.read<ManagedInstance[]>('ssm.instance-information').map((node) => [node.instanceId, node]),
		);
		const problems = fleet.flatMap((instance) => {
			const node = managed.get(instance.instanceId);
			if (!node) return [`${instance.instanceId} is not registered with Systems Manager`];
			return node.pingStatus === 'Online'
				? []
				: [`${instance.instanceId} is ${node.pingStatus} (last ping ${node.lastPingAt ?? 'never'})`];
		});
		const evidence = fleet.map((instance) => instance.instanceId);
		if (problems.length > 0)
			return { status: 'fail', message: `Not every instance is managed: ${problems.join('; ')}.`, evidence };
		return {
			status: 'pass',
			message: `All ${fleet.length} instances report to Systems Manager with ping status Online.`,
			evidence,
		};
	},
};
