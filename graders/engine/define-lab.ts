import type { LabManifest } from '../manifest/manifest-schema.ts';
import type { CheckDefinition, Collector } from './types.ts';

/** A lab as the engine sees it: its manifest bound to one implementation per check. */
export interface LabDefinition {
	id: string;
	manifest: LabManifest;
	checks: ReadonlyMap<string, CheckDefinition>;
	/** Every collector the lab's checks read, including the ones those collectors need. */
	collectors: readonly Collector[];
}

export class LabDefinitionError extends Error {
	override name = 'LabDefinitionError';
}

/**
 * Binds a manifest to its checks and verifies the binding at load time: every manifest check has
 * exactly one implementation, no implementation lacks a manifest entry, and every read a check
 * declares is provided by one of the lab's collectors. A mismatch is a programming error, so it throws.
 */
export function defineLab(input: {
	manifest: LabManifest;
	checks: readonly CheckDefinition[];
	collectors: readonly Collector[];
}): LabDefinition {
	const { manifest } = input;
	const problems: string[] = [];
	const checks = new Map<string, CheckDefinition>();
	for (const check of input.checks) {
		if (checks.has(check.id)) problems.push(`check "${check.id}" is implemented twice`);
		checks.set(check.id, check);
	}
	const manifestIds = new Set(manifest.checks.map((check) => check.id));
	for (const id of manifestIds) if (!checks.has(id)) problems.push(`manifest check "${id}" has no implementation`);
	for (const id of checks.keys()) if (!manifestIds.has(id)) problems.push(`check "${id}" is not in the manifest`);

	const collectorIds = new Set(input.collectors.map((collector) => collector.id));
	for (const check of input.checks) {
		for (const read of check.reads) {
			if (!collectorIds.has(read))
				problems.push(`check "${check.id}" reads "${read}", which no collector of the lab provides`);
		}
	}
	for (const collector of input.collectors) {
		for (const need of collector.needs ?? []) {
			if (!collectorIds.has(need))
				problems.push(`collector "${collector.id}" needs "${need}", which the lab does not list`);
		}
	}
	if (problems.length > 0) throw new LabDefinitionError(`lab ${manifest.id}: ${problems.join('; ')}`);
	return { id: manifest.id, manifest, checks, collectors: input.collectors };
}
