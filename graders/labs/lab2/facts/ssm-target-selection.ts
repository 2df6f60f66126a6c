import type { Ec2Instance } from '../../../collectors/ec2/instances.ts';
import type { SsmTarget } from '../../../collectors/ssm/targets.ts';

/**
 * Does one Systems Manager target entry select the instance? Tag targets are what the lab asks for,
 * because they pick up instances added later; instance-id targets select too, but only the listed ones.
 */
function entrySelects(target: SsmTarget, instance: Ec2Instance): boolean {
	if (target.key === 'InstanceIds') return target.values.includes('*') || target.values.includes(instance.instanceId);
	if (target.key === 'tag-key') return target.values.some((key) => key in instance.tags);
	if (target.key.startsWith('tag:')) {
		const value = instance.tags[target.key.slice('tag:'.length)];
		return value !== undefined && target.values.includes(value);
	}
	return false;
}

/** Several entries in one target list must all match (Systems Manager combines them with AND). */
export function targetsSelect(targets: readonly SsmTarget[], instance: Ec2Instance): boolean {
	return targets.length > 0 && targets.every((target) => entrySelects(target, instance));
}

/** True when the selection is made by tags rather than by listing instance ids. */
export function targetsByTag(targets: readonly SsmTarget[]): boolean {
	return targets.length > 0 && targets.every((target) => target.key === 'tag-key' || target.key.startsWith('tag:'));
}

export function describeTargets(targets: readonly SsmTarget[]): string {
	return targets.map((target) => `${target.key}=${target.values.join(',')}`).join(' and ') || 'no targets';
}
